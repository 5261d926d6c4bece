import net from 'node:net';
import { quitRedis } from '../src/redis';
import { connectShared, createServices, type Services } from '../src/services';
import { startTestServer, type TestServer } from './support/test-server';

const REDIS_URL = 'redis://127.0.0.1:6379';

/** A port nothing listens on: bound, then closed. */
async function deadPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('an instance starting with REDIS_URL', () => {
  let srv: TestServer;
  const built: Services[] = [];
  beforeAll(async () => {
    srv = await startTestServer();
  });
  const close = async (s: Services) => {
    if (s.redis) await quitRedis(s.redis);
    await s.keyAuth.close();
    await s.requestLogs.close();
  };
  afterAll(async () => {
    for (const s of built) await close(s);
    await srv.close();
  });
  const services = (redisUrl: string) => {
    const s = createServices(srv.ds, { ...srv.config, redisUrl }, srv.app.services.logger);
    built.push(s);
    return s;
  };

  it('waits for both Redis connections before it serves, so limits and invalidations are shared from the first request', async () => {
    const s = services(REDIS_URL);
    // Connections are still being made when the services exist...
    expect(s.redis?.status).not.toBe('ready');
    expect(s.keyAuth.busHealthy).toBe(false);
    await connectShared(s);
    // ...and are up when the instance would start listening.
    expect(s.redis?.status).toBe('ready');
    expect(s.keyAuth.busHealthy).toBe(true);
  });

  it('starts anyway when Redis is unreachable, after a bounded wait, and says so', async () => {
    const s = services(`redis://127.0.0.1:${await deadPort()}`);
    const warn = jest.spyOn(s.logger, 'warn');
    const t0 = Date.now();
    await connectShared(s, 300);
    const waited = Date.now() - t0;
    expect(waited).toBeGreaterThanOrEqual(250);
    expect(waited).toBeLessThan(5000);
    expect(s.keyAuth.busHealthy).toBe(false);
    expect(warn).toHaveBeenCalledWith(expect.objectContaining({ waitedMs: 300 }), expect.stringMatching(/Redis not reachable at start/));
  });

  it('lets go at once when closed while Redis is unreachable: no timer keeps the process up', async () => {
    // Only what keeps the event loop alive (the services' own intervals are unref'd).
    const timers = () => process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length;
    const before = timers();
    const s = createServices(srv.ds, { ...srv.config, redisUrl: `redis://127.0.0.1:${await deadPort()}` }, srv.app.services.logger);
    await connectShared(s, 300); // every client is now waiting to reconnect
    await close(s);
    await new Promise((resolve) => setTimeout(resolve, 20)); // what is left to fire soon has fired
    expect(timers()).toBeLessThanOrEqual(before);
  });
});
