import { LOGO_MIME_TYPES, MAX_LOGO_BYTES, URL_MAX_LENGTH } from '@keysmith/shared';

export type LogoMime = (typeof LOGO_MIME_TYPES)[number];
export type ParsedLogo = { kind: 'upload'; mime: LogoMime; data: Buffer } | { kind: 'url'; url: string };

const DATA_URL = /^data:([a-z]+\/[a-z0-9.+-]+);base64,([A-Za-z0-9+/]*={0,2})$/i;

/**
 * What the bytes really are, from their magic numbers. The declared data: URL
 * type is not trusted: a logo is served back from our origin, so an HTML or
 * SVG file posing as a PNG must never get in.
 */
export function sniffImage(data: Buffer): LogoMime | null {
  if (data.length >= 8 && data.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
  if (data.length >= 3 && data[0] === 0xff && data[1] === 0xd8 && data[2] === 0xff) return 'image/jpeg';
  if (data.length >= 12 && data.toString('latin1', 0, 4) === 'RIFF' && data.toString('latin1', 8, 12) === 'WEBP') return 'image/webp';
  return null;
}

/** A logo given as a data: URL (PNG, JPEG or WebP up to 512 KB) or an https URL; a message when it is not acceptable. */
export function parseLogo(value: string): ParsedLogo | string {
  const trimmed = value.trim();
  if (trimmed.startsWith('data:')) {
    const m = DATA_URL.exec(trimmed);
    if (!m) return 'Logo must be a base64 data: URL of a PNG, JPEG or WebP image.';
    const declared = (m[1] as string).toLowerCase();
    if (!(LOGO_MIME_TYPES as readonly string[]).includes(declared)) return 'Logo must be a PNG, JPEG or WebP image.';
    // base64 length bounds the decoded size: refuse oversized input before decoding it.
    const b64 = m[2] as string;
    if (Math.floor((b64.length * 3) / 4) - (b64.endsWith('==') ? 2 : b64.endsWith('=') ? 1 : 0) > MAX_LOGO_BYTES) {
      return `Logo must be at most ${MAX_LOGO_BYTES / 1024} KB.`;
    }
    const data = Buffer.from(b64, 'base64');
    const actual = sniffImage(data);
    if (!actual || actual !== declared) return 'Logo content is not a valid PNG, JPEG or WebP image.';
    return { kind: 'upload', mime: actual, data };
  }
  if (trimmed.length > URL_MAX_LENGTH) return `Logo URL must be at most ${URL_MAX_LENGTH} characters.`;
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return 'Logo must be a data: URL or an https URL.';
  }
  if (url.protocol !== 'https:' || !url.hostname) return 'A logo URL must use https.';
  return { kind: 'url', url: url.toString() };
}

/** An absolute http(s) URL with a host. */
export function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value.trim());
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname.length > 0;
  } catch {
    return false;
  }
}
