import type { IncomingMessage } from 'node:http';
import type { Request } from 'express';
import { parse as parseCookies } from 'cookie';
import { API_SCOPES, ErrorCode } from '@keysmith/shared';
import type { Caller } from '../graphql/context';
import { httpError } from '../graphql/errors';
import type { Services } from '../services';
import { SESSION_COOKIE } from '../modules/auth/auth.service';
import { DatabaseUnavailableError, type KeyAuthResult } from '../modules/api-keys/key-auth.service';

/** `Authorization: Bearer sk_...` or `X-API-Key: sk_...`; undefined when the request carries no key. */
export function presentedKey(req: IncomingMessage): string | undefined {
  const auth = req.headers.authorization;
  if (auth !== undefined) {
    // The usual spelling without a regular expression (this runs on every partner call).
    const token = auth.startsWith('Bearer ') ? auth.slice(7) : /^Bearer\s+(.*)$/i.exec(auth)?.[1];
    return token !== undefined ? token.trim() : auth; // another scheme is simply not a valid key
  }
  const header = req.headers['x-api-key'];
  return Array.isArray(header) ? header[0] : header;
}

/**
 * Who is calling. An API key, when sent, decides alone: a rejected key is an
 * HTTP 401 before anything executes. Otherwise a session cookie makes a
 * merchant, and nothing makes an anonymous caller.
 */
export async function resolveCaller(req: Request, services: Services): Promise<Caller> {
  const rawKey = presentedKey(req);
  if (rawKey !== undefined) {
    let result;
    try {
      result = await (handedOver.get(req) ?? services.keyAuth.authenticate(rawKey));
    } catch (e) {
      if (e instanceof DatabaseUnavailableError) {
        services.logger.error({ err: e }, 'key verification failed: database unavailable');
        throw httpError(ErrorCode.SERVICE_UNAVAILABLE, 503, 'Key verification is temporarily unavailable; retry shortly.', { 'Retry-After': '5' });
      }
      throw e;
    }
    if (result.ok) return { kind: 'partner', key: result.key };
    // REQUEST-LOG HOOK: a recognised key (result.key) refused as expired or revoked is logged here.
    if (services.config.requestLogging) services.requestLogs.recordRejected(req, result.key);
    throw httpError(ErrorCode.UNAUTHENTICATED, 401, result.message, {
      'WWW-Authenticate': `Bearer realm="keysmith", error="invalid_token", error_description="${result.reason}"`,
    });
  }
  const header = req.headers.cookie;
  const sessionId = header ? parseCookies(header)[SESSION_COOKIE] : undefined;
  if (sessionId) {
    const session = await services.auth.merchantForSession(sessionId);
    if (session) return { kind: 'merchant', ...session };
    return { kind: 'anonymous' };
  }
  const benchShopId = services.config.benchUnauthenticatedShopId;
  return benchShopId ? benchCaller(benchShopId) : { kind: 'anonymous' };
}

/**
 * A verification the fast path started and then handed to Apollo with the request
 * (refused key, database unavailable): resolveCaller answers from it instead of
 * verifying again, so a refusal costs one lookup and a down database one timeout.
 */
const handedOver = new WeakMap<IncomingMessage, Promise<KeyAuthResult>>();

/**
 * The compiled fast path's question, answered without side effects: the partner behind
 * `rawKey` if it verifies (without a key: the benchmark switch), else undefined. Undefined
 * sends the request to Apollo, whose resolveCaller then answers and logs the refusal
 * (401, 503) exactly once. Answered at once when memory decides (a cached key, the switch),
 * as a promise only when the database is asked.
 */
export function verifiedPartner(req: IncomingMessage, rawKey: string | undefined, services: Services): Caller | undefined | Promise<Caller | undefined> {
  if (rawKey === undefined) {
    const benchShopId = services.config.benchUnauthenticatedShopId;
    return benchShopId && !req.headers.cookie ? benchCaller(benchShopId) : undefined;
  }
  const verification = services.keyAuth.verify(rawKey);
  if (!(verification instanceof Promise)) return partnerOrHandOver(req, verification);
  return verification.then(
    (result) => partnerOrHandOver(req, result),
    () => {
      handedOver.set(req, verification);
      return undefined;
    },
  );
}

function partnerOrHandOver(req: IncomingMessage, result: KeyAuthResult): Caller | undefined {
  if (result.ok) return { kind: 'partner', key: result.key };
  handedOver.set(req, Promise.resolve(result));
  return undefined;
}

let benchPartner: Caller | undefined;
/**
 * BENCHMARK ONLY (BENCH_UNAUTHENTICATED_SHOP_ID, refused in production): a request with
 * neither key nor cookie becomes a full-access partner of one shop, so `pnpm bench` can
 * compare the partner API with and without key verification on otherwise the same path.
 */
function benchCaller(shopId: string): Caller {
  if (benchPartner?.kind !== 'partner' || benchPartner.key.shopId !== shopId) {
    benchPartner = { kind: 'partner', key: { id: 'bench-unauthenticated', shopId, merchantId: '', scopes: API_SCOPES, usedPreviousSecret: false } };
  }
  return benchPartner;
}
