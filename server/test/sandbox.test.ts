import { startTestServer, type TestServer } from './support/test-server';

const openSandbox = (srv: TestServer) => fetch(`${srv.url}/graphql`, { headers: { accept: 'text/html' } });

describe('Apollo Sandbox on GET /graphql', () => {
  it('is served by default, in production too, for partners exploring the API', async () => {
    const srv = await startTestServer({ NODE_ENV: 'production' });
    try {
      const res = await openSandbox(srv);
      expect(res.status).toBe(200);
      expect(await res.text()).toMatch(/sandbox/i);
    } finally {
      await srv.close();
    }
  });

  it('is off with SANDBOX=false', async () => {
    const srv = await startTestServer({ SANDBOX: 'false' });
    try {
      const res = await openSandbox(srv);
      expect(res.status).toBe(400);
      expect(await res.text()).not.toMatch(/embeddable-sandbox/i);
    } finally {
      await srv.close();
    }
  });
});
