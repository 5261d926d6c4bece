import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import express from 'express';
import { mountSpa } from '../src/http/spa';
import { startTestServer, type TestServer } from './support/test-server';

/** A built SPA as Vite writes it: hashed assets with brotli and gzip copies beside them. */
function fixture(): { dir: string; js: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'keysmith-spa-'));
  fs.mkdirSync(path.join(dir, 'assets'));
  const js = `console.log(${JSON.stringify('keysmith '.repeat(500))});\n`;
  fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><div id="root"></div><script src="/assets/index-AbC123.js"></script>');
  fs.writeFileSync(path.join(dir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  fs.writeFileSync(path.join(dir, 'assets', 'index-AbC123.js'), js);
  fs.writeFileSync(path.join(dir, 'assets', 'index-AbC123.js.br'), zlib.brotliCompressSync(js));
  fs.writeFileSync(path.join(dir, 'assets', 'index-AbC123.js.gz'), zlib.gzipSync(js));
  return { dir, js };
}

describe('the SPA as served', () => {
  const { dir, js } = fixture();
  const app = express();
  expect(mountSpa(app, dir)).toBe(true);
  const server = app.listen(0, '127.0.0.1');
  const url = () => `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  beforeAll(() => new Promise<void>((resolve) => (server.listening ? resolve() : server.once('listening', () => resolve()))));
  afterAll(async () => {
    // fetch keeps its connections alive: close them, or the server (and the jest worker) would wait for them.
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    fs.rmSync(dir, { recursive: true, force: true });
  });

  // fetch decodes a compressed body itself: the text is checked against the original, the header says what travelled.
  it.each([
    ['br, gzip, deflate', 'br'],
    ['gzip', 'gzip'],
    ['identity', null],
  ])('sends a hashed asset to a browser accepting %s as %s, cached for good', async (accept, encoding) => {
    const res = await fetch(`${url()}/assets/index-AbC123.js`, { headers: { 'accept-encoding': accept } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-encoding')).toBe(encoding);
    expect(res.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(res.headers.get('vary')).toMatch(/accept-encoding/i);
    expect(await res.text()).toBe(js);
  });

  it('revalidates index.html on every load, for any client-side route', async () => {
    for (const route of ['/', '/settings/developers']) {
      const res = await fetch(`${url()}${route}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('cache-control')).toBe('no-cache');
      expect(await res.text()).toContain('/assets/index-AbC123.js');
    }
  });

  it('keeps unhashed files (the favicon) for an hour only', async () => {
    const res = await fetch(`${url()}/favicon.svg`);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('public, max-age=3600');
  });

  it('leaves the API paths alone', async () => {
    expect((await fetch(`${url()}/graphql`)).status).toBe(404);
  });

  it('answers a missing asset (a chunk from before a deploy) with 404, not index.html', async () => {
    const res = await fetch(`${url()}/assets/UsagePlot-Gone123.js`);
    expect(res.status).toBe(404);
    expect(await res.text()).not.toContain('<div id="root">');
  });
});

/** The headers every dashboard response must carry (src/http/spa.ts, spaSecurityHeaders). */
function expectDashboardHeaders(res: Response) {
  const csp = res.headers.get('content-security-policy') ?? '';
  expect(csp).toContain("script-src 'self'");
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toContain("connect-src 'self'");
  expect(csp).toContain("object-src 'none'");
  expect(csp).not.toMatch(/script-src[^;]*unsafe/);
  expect(res.headers.get('x-frame-options')).toBe('DENY');
  expect(res.headers.get('x-content-type-options')).toBe('nosniff');
}

describe('the dashboard\'s security headers, on the real app', () => {
  const { dir } = fixture();
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer({ CLIENT_DIST: dir });
  });
  afterAll(async () => {
    await s.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('forbids other origins\' scripts and any framing on the SPA\'s pages and assets', async () => {
    for (const route of ['/', '/settings/developers', '/assets/index-AbC123.js']) {
      const res = await fetch(`${s.url}${route}`);
      expect(res.status).toBe(200);
      expectDashboardHeaders(res);
    }
  });

  it('leaves Apollo Sandbox (its scripts come from Apollo\'s CDN) and the API without them', async () => {
    const landing = await fetch(`${s.url}/graphql`, { headers: { accept: 'text/html' } });
    expect(landing.status).toBe(200);
    expect(await landing.text()).toMatch(/sandbox/i);
    expect(landing.headers.get('content-security-policy')).toBeNull();
    const api = await fetch(`${s.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-requested-with': 'keysmith' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(api.status).toBe(200);
    expect(api.headers.get('content-security-policy')).toBeNull();
  });
});
