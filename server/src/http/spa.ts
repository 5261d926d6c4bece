import fs from 'node:fs';
import type { ServerResponse } from 'node:http';
import path from 'node:path';
import type { Express } from 'express';
import expressStaticGzip from 'express-static-gzip';
import helmet from 'helmet';

/** A year: the longest lifetime HTTP caches honour. */
const IMMUTABLE = 'public, max-age=31536000, immutable';

/**
 * The dashboard's security headers (helmet). The dashboard shows each new secret once and can
 * revoke every key, so it must not run anyone else's script or be framed by another site:
 * - scripts only from our origin (Vite's hashed assets; index.html has no inline script);
 * - styles from our origin plus inline ones, which Mantine's style props and CSS variables need;
 * - images from our origin, data: (a logo's preview before upload) and https (a logo given by URL);
 * - the API on our origin only, no plugins, no <base> or form posts elsewhere, no framing at all.
 * Only the SPA's responses carry them: Apollo Sandbox at GET /graphql loads its own scripts from
 * Apollo's CDN, and partners' API responses are not documents.
 */
const spaSecurityHeaders = helmet({
  contentSecurityPolicy: {
    useDefaults: false,
    directives: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'", "'unsafe-inline'"],
      imgSrc: ["'self'", 'data:', 'https:'],
      fontSrc: ["'self'", 'data:'],
      connectSrc: ["'self'"],
      objectSrc: ["'none'"],
      baseUri: ["'self'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
    },
  },
  frameguard: { action: 'deny' },
});

/**
 * Serves the built admin SPA at / with a fallback to index.html for client-side routes.
 * The build writes a brotli and a gzip copy beside each asset (client/vite.config.ts), and
 * the browser gets the smallest it accepts, with no compression work per request. Files under
 * assets/ are named by their content hash, so a browser keeps them for good; index.html is
 * revalidated on every load and names the current ones.
 */
export function mountSpa(app: Express, clientDist: string): boolean {
  const index = path.join(clientDist, 'index.html');
  if (!fs.existsSync(index)) return false;
  const assets = path.join(clientDist, 'assets') + path.sep;
  app.use(spaSecurityHeaders);
  app.use(
    expressStaticGzip(clientDist, {
      index: false,
      enableBrotli: true,
      orderPreference: ['br', 'gzip'],
      serveStatic: { maxAge: '1h', setHeaders: (res, file) => cachePolicy(res, file, assets) },
    }),
  );
  // Client-side routes get index.html; a missing asset does not (a page from before a deploy asking
  // for a chunk that is gone gets a 404, not HTML it would try to run as a script).
  app.get(/^\/(?!graphql|healthz|logos|metrics|assets\/).*/, (_req, res) => {
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index);
  });
  return true;
}

/** `file` is the file sent, so a compressed copy's name ends in .br or .gz. */
function cachePolicy(res: ServerResponse, file: string, assets: string): void {
  if (file.startsWith(assets)) res.setHeader('Cache-Control', IMMUTABLE);
  else if (/\.html(\.br|\.gz)?$/.test(file)) res.setHeader('Cache-Control', 'no-cache');
}
