/**
 * API key format: `sk_` + 32 base62 characters from a CSPRNG (~190 bits)
 * + a 6-character base62 CRC32 checksum of everything before it.
 *
 * The checksum lets the server reject typos and garbage before any I/O,
 * and lets secret scanners recognise a Keysmith key with few false positives.
 */
export const KEY_PREFIX = 'sk_';
export const KEY_RANDOM_LENGTH = 32;
export const KEY_CHECKSUM_LENGTH = 6;
export const KEY_LENGTH = KEY_PREFIX.length + KEY_RANDOM_LENGTH + KEY_CHECKSUM_LENGTH;
export const PARTIAL_KEY_SUFFIX_LENGTH = 6;

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const KEY_PATTERN = new RegExp(`^${KEY_PREFIX}[0-9A-Za-z]{${KEY_RANDOM_LENGTH + KEY_CHECKSUM_LENGTH}}$`);

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/** CRC-32 (IEEE) of an ASCII string. */
export function crc32(text: string): number {
  let crc = 0xffffffff;
  for (let i = 0; i < text.length; i++) {
    crc = (CRC_TABLE[(crc ^ text.charCodeAt(i)) & 0xff] as number) ^ (crc >>> 8);
  }
  return (crc ^ 0xffffffff) >>> 0;
}

/** Fixed-width base62 (a 32-bit value fits in 6 characters). */
export function toBase62(value: number, width: number): string {
  let out = '';
  let v = value;
  for (let i = 0; i < width; i++) {
    out = BASE62[v % 62] + out;
    v = Math.floor(v / 62);
  }
  return out;
}

function checksumOf(body: string): string {
  return toBase62(crc32(body), KEY_CHECKSUM_LENGTH);
}

/** Uniform base62 characters from the platform CSPRNG (rejection sampling avoids modulo bias). */
function randomBase62(length: number): string {
  let out = '';
  const buf = new Uint8Array(length * 2);
  while (out.length < length) {
    globalThis.crypto.getRandomValues(buf);
    for (const byte of buf) {
      if (byte < 248) out += BASE62[byte % 62];
      if (out.length === length) break;
    }
  }
  return out;
}

export function generateApiKey(): string {
  const body = KEY_PREFIX + randomBase62(KEY_RANDOM_LENGTH);
  return body + checksumOf(body);
}

/** Format and checksum only: no I/O, cheap enough to run before anything else. */
export function isWellFormedApiKey(key: string): boolean {
  if (key.length !== KEY_LENGTH || !KEY_PATTERN.test(key)) return false;
  const body = key.slice(0, -KEY_CHECKSUM_LENGTH);
  return checksumOf(body) === key.slice(-KEY_CHECKSUM_LENGTH);
}

/** What the dashboard shows forever after: `sk_...` + the last 6 characters. */
export function partialKeyOf(key: string): string {
  return `${KEY_PREFIX}...${key.slice(-PARTIAL_KEY_SUFFIX_LENGTH)}`;
}
