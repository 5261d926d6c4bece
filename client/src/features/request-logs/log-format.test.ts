import { clientLabel, csvCell, describeOperation, STATUS_COLORS, statusColor, toCsv } from './log-format';
import { bucketFor, EMPTY_FILTER, toApiFilter } from './filters';

describe('request log formatting', () => {
  it('colours statuses by class', () => {
    const { ok, client, server } = STATUS_COLORS;
    expect([200, 204, 401, 403, 429, 500, 503].map(statusColor)).toEqual([ok, ok, client, client, client, server, server]);
  });

  it('names the client by address and user agent, a dash for an unknown address', () => {
    expect(clientLabel({ ip: '203.0.113.9', userAgent: 'feed-sync/2.1' })).toBe('203.0.113.9 · feed-sync/2.1');
    expect(clientLabel({ ip: '203.0.113.9', userAgent: null })).toBe('203.0.113.9');
    expect(clientLabel({ ip: null, userAgent: 'curl/8' })).toBe('— · curl/8');
  });

  it('describes the operation with its root fields', () => {
    expect(describeOperation({ operationType: 'query', operationName: 'Feed', fields: ['shop', 'inventory'] })).toBe('query Feed: shop, inventory');
    expect(describeOperation({ operationType: 'unknown', operationName: null, fields: [] })).toBe('unknown: (none)');
  });

  it('writes RFC 4180 CSV and never lets a cell become a spreadsheet formula', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    expect(csvCell(null)).toBe('');
    const csv = toCsv([
      {
        at: '2030-01-01T10:00:00.000Z',
        apiKey: { name: 'Feed, prod', partialKey: 'sk_...abc123' },
        usedPreviousSecret: true,
        operationName: null,
        operationType: 'query',
        fields: ['shop', 'offers'],
        httpStatus: 403,
        errorCode: 'FORBIDDEN',
        durationMs: 1.25,
        ip: '10.0.0.1',
        userAgent: 'curl/8',
      },
    ]);
    const [header, line] = csv.trim().split('\r\n');
    expect(header).toMatch(/^time_utc,key,partial_key/);
    expect(line).toBe('2030-01-01T10:00:00.000Z,"Feed, prod",sk_...abc123,true,query,,shop offers,403,FORBIDDEN,1.25,10.0.0.1,curl/8');
  });
});

describe('request log filters', () => {
  it('sends whole days with an exclusive end, and nothing for an empty filter', () => {
    expect(toApiFilter(EMPTY_FILTER)).toEqual({ apiKeyId: null, shopId: null, errorsOnly: null, from: null, to: null });
    const f = toApiFilter({ ...EMPTY_FILTER, errorsOnly: true, range: ['2030-01-01', '2030-01-03'] });
    expect(f.errorsOnly).toBe(true);
    expect(new Date(f.to as string).getTime() - new Date(f.from as string).getTime()).toBe(3 * 86_400_000);
  });

  it('uses hourly buckets for short ranges and daily ones from three days on', () => {
    expect(bucketFor(EMPTY_FILTER)).toBe('HOUR');
    expect(bucketFor({ ...EMPTY_FILTER, range: ['2030-01-01', '2030-01-02'] })).toBe('HOUR');
    expect(bucketFor({ ...EMPTY_FILTER, range: ['2030-01-01', '2030-01-10'] })).toBe('DAY');
  });
});
