import { getOperationAST, parse, specifiedRules, validate, type ExecutionResult, type GraphQLSchema } from 'graphql';
import { compileQuery, isCompiledQuery } from 'graphql-jit';
import { LRUCache } from 'lru-cache';
import { operationInfo, type OperationInfo } from '../modules/request-logs/operation-info';

/** An operation graphql-jit turned into a JavaScript function, with what the request log needs. */
export interface CompiledOperation {
  execute(context: unknown, variables: Record<string, unknown>): ExecutionResult | Promise<ExecutionResult>;
  info: OperationInfo;
}

/** Apollo answers this document (it does not parse or validate, is a subscription, or jit refused it). */
const NOT_COMPILABLE = Symbol('not compilable');
type Entry = CompiledOperation | typeof NOT_COMPILABLE;

/** Longer documents go to Apollo: hot partner queries are short, and compiling is not free. */
export const MAX_COMPILED_QUERY_LENGTH = 20_000;

export interface CompileLimits {
  /** Compiled operations kept (LRU). */
  maxEntries: number;
  /**
   * New compilations per second. Compiling costs a few milliseconds, more than Apollo's
   * parse and validate, so a caller streaming distinct documents gets Apollo beyond this
   * rate instead of making every request a compilation.
   */
  perSecond: number;
}

/**
 * Compiled partner operations, by document text and operation name. A document
 * is parsed, validated (graphql-js's specified rules, as Apollo does) and compiled
 * once; afterwards a request with the same text costs a map lookup and the
 * compiled function, instead of Apollo's pipeline and graphql-js's interpreter.
 * Callers reach this only with a verified key, so only they can spend compile time.
 */
export class CompiledOperations {
  private readonly cache: LRUCache<string, Entry>;
  private windowStart = 0;
  private compiledInWindow = 0;

  constructor(
    private readonly schema: GraphQLSchema,
    private readonly limits: CompileLimits = { maxEntries: 500, perSecond: 50 },
    private readonly now: () => number = Date.now,
  ) {
    this.cache = new LRUCache<string, Entry>({ max: limits.maxEntries });
  }

  /** The compiled operation, or undefined when Apollo must answer (errors, subscriptions, long documents). */
  get(query: string, operationName: string | undefined): CompiledOperation | undefined {
    if (query.length > MAX_COMPILED_QUERY_LENGTH) return undefined;
    const cacheKey = operationName ? `${operationName}\n${query}` : query;
    let entry = this.cache.get(cacheKey);
    if (entry === undefined) {
      if (!this.mayCompile()) return undefined; // Apollo answers; a later request may compile it
      entry = this.compile(query, operationName);
      this.cache.set(cacheKey, entry);
    }
    return entry === NOT_COMPILABLE ? undefined : entry;
  }

  private mayCompile(): boolean {
    const t = this.now();
    if (t - this.windowStart >= 1000) {
      this.windowStart = t;
      this.compiledInWindow = 0;
    }
    this.compiledInWindow += 1;
    return this.compiledInWindow <= this.limits.perSecond;
  }

  private compile(query: string, operationName: string | undefined): Entry {
    let document;
    try {
      document = parse(query);
    } catch {
      return NOT_COMPILABLE; // Apollo reports the syntax error (GRAPHQL_PARSE_FAILED, 400)
    }
    if (validate(this.schema, document, specifiedRules).length > 0) return NOT_COMPILABLE;
    const operation = getOperationAST(document, operationName);
    if (!operation || operation.operation === 'subscription') return NOT_COMPILABLE;
    const compiled = compileQuery(this.schema, document, operationName, { disablingCapturingStackErrors: true });
    if (!isCompiledQuery(compiled)) return NOT_COMPILABLE;
    return {
      execute: (context, variables) => compiled.query(undefined, context, variables),
      info: operationInfo(operation, document, operationName),
    };
  }
}
