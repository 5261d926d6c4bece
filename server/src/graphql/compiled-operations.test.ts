import 'reflect-metadata';
import { getSchema } from './schema';
import { CompiledOperations } from './compiled-operations';

const doc = (n: number) => `query Q${n} { shop { id } }`;

describe('CompiledOperations', () => {
  it('compiles a valid document once and serves it from the cache', async () => {
    const ops = new CompiledOperations(await getSchema());
    const first = ops.get(doc(1), undefined);
    expect(first?.info).toEqual({ operationName: 'Q1', operationType: 'query', fields: ['shop'] });
    expect(ops.get(doc(1), undefined)).toBe(first);
  });

  it('leaves to Apollo what does not parse, does not validate, names no operation or subscribes', async () => {
    const ops = new CompiledOperations(await getSchema());
    expect(ops.get('{ shop { id ', undefined)).toBeUndefined();
    expect(ops.get('{ shop { nope } }', undefined)).toBeUndefined();
    expect(ops.get('query A { shop { id } } query B { shop { name } }', undefined)).toBeUndefined();
    expect(ops.get('query A { shop { id } } query B { shop { name } }', 'B')?.info.operationName).toBe('B');
    expect(ops.get(`{ shop { id } } ${' '.repeat(20_000)}`, undefined)).toBeUndefined();
  });

  it('compiles at most `perSecond` new documents a second; the rest wait, cached ones are unaffected', async () => {
    let now = 10_000;
    const ops = new CompiledOperations(await getSchema(), { maxEntries: 10, perSecond: 2 }, () => now);
    expect(ops.get(doc(1), undefined)).toBeDefined();
    expect(ops.get(doc(2), undefined)).toBeDefined();
    expect(ops.get(doc(3), undefined)).toBeUndefined(); // over the rate: Apollo answers this one
    expect(ops.get(doc(1), undefined)).toBeDefined(); // already compiled
    now += 1000;
    expect(ops.get(doc(3), undefined)).toBeDefined();
  });
});
