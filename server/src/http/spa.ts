import fs from 'node:fs';
import path from 'node:path';
import express, { type Express } from 'express';

/** Serves the built admin SPA at / with a fallback to index.html for client-side routes. */
export function mountSpa(app: Express, clientDist: string): boolean {
  const index = path.join(clientDist, 'index.html');
  if (!fs.existsSync(index)) return false;
  app.use(express.static(clientDist, { index: false, maxAge: '1h', setHeaders: noCacheHtml }));
  app.get(/^\/(?!graphql|healthz|logos|metrics).*/, (_req, res) => {
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index);
  });
  return true;
}

function noCacheHtml(res: express.Response, file: string) {
  if (file.endsWith('.html')) res.setHeader('Cache-Control', 'no-cache');
}
