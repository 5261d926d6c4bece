import type { Request, Response } from 'express';
import type { Services } from '../../services';

/**
 * GET /logos/:shopId: uploaded shop logos (Shop.logoUrl points here). Logos
 * are public like any storefront image. The bytes were sniffed on upload; the
 * stored type is sent with nosniff and a restrictive CSP so a browser never
 * treats them as anything but an image.
 */
export function logoHandler(services: Services) {
  return async (req: Request<{ shopId: string }>, res: Response) => {
    const shopId = req.params.shopId;
    let logo;
    try {
      logo = shopId.length <= 36 ? await services.shops.logo(shopId) : null;
    } catch (e) {
      // Never Express's default error page (it prints stacks outside production).
      services.logger.error({ err: e }, 'logo lookup failed');
      res.status(503).set('Retry-After', '5').type('text').send('Logo temporarily unavailable.');
      return;
    }
    if (!logo) {
      res.status(404).type('text').send('No logo.');
      return;
    }
    res.set({
      'Content-Type': logo.mime,
      'X-Content-Type-Options': 'nosniff',
      'Content-Security-Policy': "default-src 'none'",
      // Logos cannot be replaced today; a day of caching spares the database, and revalidation stays cheap.
      'Cache-Control': 'public, max-age=86400',
    });
    res.send(logo.data);
  };
}
