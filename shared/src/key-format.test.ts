import { generateApiKey, isWellFormedApiKey, KEY_LENGTH, partialKeyOf, crc32, toBase62 } from './key-format';

describe('API key format', () => {
  it('generates well-formed, distinct keys of the documented shape', () => {
    const keys = new Set(Array.from({ length: 200 }, () => generateApiKey()));
    expect(keys.size).toBe(200);
    for (const key of keys) {
      expect(key).toMatch(/^sk_[0-9A-Za-z]{38}$/);
      expect(key).toHaveLength(KEY_LENGTH);
      expect(isWellFormedApiKey(key)).toBe(true);
    }
  });

  it('rejects a key whose checksum does not match', () => {
    const key = generateApiKey();
    const flipped = key.slice(0, 10) + (key[10] === 'a' ? 'b' : 'a') + key.slice(11);
    expect(isWellFormedApiKey(flipped)).toBe(false);
  });

  it.each(['', 'sk_', 'garbage', 'pk_' + 'a'.repeat(38), 'sk_' + 'a'.repeat(37) + '!', 'x'.repeat(10_240)])(
    'rejects malformed input %#',
    (input) => {
      expect(isWellFormedApiKey(input)).toBe(false);
    },
  );

  it('shows only the last six characters in the partial key', () => {
    const key = generateApiKey();
    expect(partialKeyOf(key)).toBe(`sk_...${key.slice(-6)}`);
  });

  it('computes the standard CRC-32', () => {
    expect(crc32('123456789')).toBe(0xcbf43926);
    expect(toBase62(0, 6)).toBe('000000');
    expect(toBase62(61, 2)).toBe('0z');
  });

  it('uses every base62 character (no biased alphabet)', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 300; i++) for (const c of generateApiKey().slice(3, 35)) seen.add(c);
    expect(seen.size).toBe(62);
  });
});
