import path from 'node:path';

/**
 * All configuration comes from environment variables, validated once at start.
 * An invalid value stops the server with one line naming the variable.
 */
export interface Config {
  env: 'development' | 'production' | 'test';
  port: number;
  host: string;
  /** mysql://user:pass@host:port/db; absent = embedded SQLite. */
  databaseUrl?: string;
  sqlitePath: string;
  redisUrl?: string;
  cookieSecure: boolean;
  sessionTtlHours: number;
  bcryptCost: number;
  /** Express "trust proxy" value: false, true, a hop count, or a list of addresses. */
  trustProxy: boolean | number | string;
  logLevel: string;
  logRetentionDays: number;
  /** Request-log buffer: rows held in memory at most, and how often they are written. */
  requestLog: { bufferMaxRows: number; flushIntervalMs: number; pruneIntervalMs: number };
  demoSeed: boolean;
  /** Apollo Sandbox on GET /graphql: partners explore the API with their key there. */
  sandbox: boolean;
  clientDist: string;
  authRateLimitPoints: number;
  keyCache: { ttlWithBusMs: number; ttlWithoutBusMs: number; negativeTtlMs: number; maxEntries: number };
  /** Key-authenticated GraphQL calls on compiled operations, past Express and Apollo (http/partner-fast-path.ts). */
  partnerFastPath: boolean;
  /**
   * REQUEST_LOGGING=false turns partner request logging off (for measuring its cost; on by default).
   * Read per request, so that BENCH_LOGGING_SIGNAL can flip it in a running process.
   */
  requestLogging: boolean;
  /**
   * BENCHMARK ONLY (refused in production): SIGUSR2 turns request logging off and on in this
   * process (modules/request-logs/logging-signal.ts), so its cost is measured within one process.
   */
  benchLoggingSignal: boolean;
  /**
   * BENCHMARK ONLY (refused in production): a request with neither key nor cookie acts as a
   * partner of this shop with every scope, so `pnpm bench` can measure what key verification costs.
   */
  benchUnauthenticatedShopId?: string;
}

export class ConfigError extends Error {}

type Env = Record<string, string | undefined>;

function int(env: Env, name: string, def: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return def;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new ConfigError(`${name} must be an integer between ${min} and ${max} (got '${raw}')`);
  }
  return n;
}

function bool(env: Env, name: string, def: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return def;
  if (['1', 'true', 'yes'].includes(raw.toLowerCase())) return true;
  if (['0', 'false', 'no'].includes(raw.toLowerCase())) return false;
  throw new ConfigError(`${name} must be true or false (got '${raw}')`);
}

function oneOf<T extends string>(env: Env, name: string, def: T, allowed: readonly T[]): T {
  const raw = env[name];
  if (raw === undefined || raw === '') return def;
  if (!(allowed as readonly string[]).includes(raw)) {
    throw new ConfigError(`${name} must be one of ${allowed.join(', ')} (got '${raw}')`);
  }
  return raw as T;
}

function url(env: Env, name: string, protocols: string[]): string | undefined {
  const raw = env[name];
  if (raw === undefined || raw === '') return undefined;
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    throw new ConfigError(`${name} must be a URL like ${protocols[0]}//host:port/... (got an unparsable value)`);
  }
  if (!protocols.includes(parsed.protocol)) {
    throw new ConfigError(`${name} must start with ${protocols.join(' or ')} (got '${parsed.protocol}')`);
  }
  return raw;
}

function trustProxy(env: Env): Config['trustProxy'] {
  const raw = env.TRUST_PROXY;
  if (raw === undefined || raw === '' || raw === 'false') return false;
  if (raw === 'true') return true;
  if (/^\d+$/.test(raw)) return Number(raw);
  return raw; // addresses or subnets, comma-separated (Express syntax)
}

/** The benchmark-only switches: set in production, they stop the server. */
function refuseInProduction(nodeEnv: Config['env'], name: string): void {
  if (nodeEnv === 'production') throw new ConfigError(`${name} is for benchmarks only and is refused when NODE_ENV=production`);
}

function benchFlag(env: Env, nodeEnv: Config['env'], name: string): boolean {
  const on = bool(env, name, false);
  if (on) refuseInProduction(nodeEnv, name);
  return on;
}

function benchShop(env: Env, nodeEnv: Config['env']): string | undefined {
  const raw = env.BENCH_UNAUTHENTICATED_SHOP_ID;
  if (raw === undefined || raw === '') return undefined;
  refuseInProduction(nodeEnv, 'BENCH_UNAUTHENTICATED_SHOP_ID');
  return raw;
}

export function loadConfig(env: Env = process.env): Config {
  const nodeEnv = oneOf(env, 'NODE_ENV', 'development', ['development', 'production', 'test'] as const);
  const databaseUrl = url(env, 'DATABASE_URL', ['mysql:', 'mariadb:']);
  return {
    env: nodeEnv,
    port: int(env, 'PORT', 4000, 0, 65535),
    host: env.HOST || '0.0.0.0',
    databaseUrl: databaseUrl?.replace(/^mariadb:/, 'mysql:'),
    sqlitePath: path.resolve(env.SQLITE_PATH || './data/keysmith.sqlite'),
    redisUrl: url(env, 'REDIS_URL', ['redis:', 'rediss:']),
    cookieSecure: bool(env, 'COOKIE_SECURE', nodeEnv === 'production'),
    sessionTtlHours: int(env, 'SESSION_TTL_HOURS', 168, 1, 24 * 365),
    bcryptCost: int(env, 'BCRYPT_COST', 12, 10, 15),
    trustProxy: trustProxy(env),
    logLevel: oneOf(env, 'LOG_LEVEL', 'info', ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const),
    logRetentionDays: int(env, 'LOG_RETENTION_DAYS', 30, 1, 3650),
    requestLog: {
      bufferMaxRows: int(env, 'REQUEST_LOG_BUFFER_MAX', 20_000, 500, 1_000_000),
      flushIntervalMs: int(env, 'REQUEST_LOG_FLUSH_MS', 250, 10, 250),
      pruneIntervalMs: int(env, 'REQUEST_LOG_PRUNE_MS', 60_000, 100, 86_400_000),
    },
    demoSeed: bool(env, 'DEMO_SEED', !databaseUrl),
    sandbox: bool(env, 'SANDBOX', true),
    clientDist: path.resolve(env.CLIENT_DIST || path.join(__dirname, '../../client/dist')),
    authRateLimitPoints: int(env, 'AUTH_RATE_LIMIT', 10, 1, 1_000_000),
    keyCache: {
      ttlWithBusMs: int(env, 'KEY_CACHE_TTL_MS', 60_000, 0, 3_600_000),
      // Without Redis this TTL is the bound on how long another instance may honour a revoked key (< 1 s).
      ttlWithoutBusMs: int(env, 'KEY_CACHE_TTL_NO_REDIS_MS', 500, 0, 1000),
      negativeTtlMs: int(env, 'KEY_CACHE_NEGATIVE_TTL_MS', 2000, 0, 60_000),
      maxEntries: int(env, 'KEY_CACHE_MAX', 100_000, 100, 10_000_000),
    },
    requestLogging: bool(env, 'REQUEST_LOGGING', true),
    partnerFastPath: bool(env, 'PARTNER_FAST_PATH', true),
    benchUnauthenticatedShopId: benchShop(env, nodeEnv),
    benchLoggingSignal: benchFlag(env, nodeEnv, 'BENCH_LOGGING_SIGNAL'),
  };
}
