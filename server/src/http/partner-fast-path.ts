import type { IncomingMessage, ServerResponse } from 'node:http';
import type { GraphQLFormattedError } from 'graphql';
import Negotiator from 'negotiator';
import proxyaddr from 'proxy-addr';
import { ErrorCode } from '@keysmith/shared';
import type { CompiledOperations } from '../graphql/compiled-operations';
import type { Context } from '../graphql/context';
import { formatExecutionErrors } from '../graphql/format-error';
import { firstErrorCode, partnerLogRow, partnerStatus } from '../modules/request-logs/partner-call';
import type { Services } from '../services';
import { presentedKey, verifiedPartner } from './authenticate';
import { invalidJsonMessage, MAX_BODY_BYTES, sendJsonError } from './request-errors';

/**
 * The partner hot path. A key-authenticated `POST /graphql` whose document
 * validates is executed here by a graphql-jit compiled function, without Express
 * and Apollo's per-request pipeline (together most of a request's CPU: see
 * bench/README.md). The schema, resolvers, authChecker, error formatting, HTTP
 * statuses and request log are the same ones Apollo uses.
 *
 * Anything else goes to Express + Apollo unchanged, with the body already read:
 * dashboard (cookie) calls, refused keys (so the 401/503 and its log row have one
 * author), parse/validation/variable errors, subscriptions, batches, APQ, other
 * content types. One behaviour, two speeds; PARTNER_FAST_PATH=false turns it off.
 */

type FormatError = (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError;
type RequestWithBody = IncomingMessage & { body?: unknown };

export interface FastPathDeps {
  services: Services;
  operations: CompiledOperations;
  formatError: FormatError;
  /** Express's compiled `trust proxy` function, so `ip` is exactly Express's req.ip. */
  trustProxy: (addr: string, i: number) => boolean;
  /** Express + Apollo. */
  fallback: (req: RequestWithBody, res: ServerResponse) => void;
  /** Counts requests answered here (keysmith_graphql_compiled_requests_total). */
  onServed: () => void;
}

interface GraphQLBody {
  query: string;
  operationName?: string | null;
  variables?: Record<string, unknown> | null;
}

const JSON_TYPE = 'application/json; charset=utf-8';

export function partnerFastPath(deps: FastPathDeps): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    const rawKey = presentedKey(req);
    if (!eligible(req, rawKey, deps.services)) {
      deps.fallback(req, res);
      return;
    }
    handle(req, res, rawKey, deps).catch((e: unknown) => {
      if (e instanceof ClientGone) return;
      deps.services.logger.error({ err: e }, 'partner fast path failed');
      if (!res.headersSent) sendJsonError(res, 500, ErrorCode.INTERNAL_SERVER_ERROR, 'Something went wrong on our side.');
    });
  };
}

async function handle(req: RequestWithBody, res: ServerResponse, rawKey: string | undefined, deps: FastPathDeps): Promise<void> {
  const started = performance.now();
  const at = new Date();
  const text = await readBody(req);
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch (e) {
    sendJsonError(res, 400, ErrorCode.BAD_REQUEST, invalidJsonMessage((e as Error).message));
    return;
  }
  const toApollo = () => {
    req.body = body; // body-parser sees a finished stream and keeps this
    deps.fallback(req, res);
  };
  if (!isGraphQLBody(body)) return toApollo();
  const { services } = deps;
  // Most requests are answered from memory: no promise to wait for (see verifiedPartner).
  const verified = verifiedPartner(req, rawKey, services);
  const caller = verified instanceof Promise ? await verified : verified;
  if (caller?.kind !== 'partner') return toApollo();
  const operation = deps.operations.get(body.query, body.operationName ?? undefined);
  if (!operation) return toApollo();

  const ip = proxyaddr(req, deps.trustProxy);
  const log = (httpStatus: number, errorCode: string | null) => {
    if (!services.config.requestLogging) return;
    const userAgent = req.headers['user-agent'] ?? null;
    services.requestLogs.record(partnerLogRow({ key: caller.key, op: operation.info, at, started, httpStatus, errorCode, ip: ip || null, userAgent }));
  };
  let result;
  try {
    result = await operation.execute({ caller, services, req, res, ip } satisfies Context, body.variables ?? {});
  } catch (e) {
    // The operation may have done part of its work: this call is on record like any other.
    log(500, ErrorCode.INTERNAL_SERVER_ERROR);
    throw e;
  }
  // No `data` at all: the variables did not coerce and nothing ran. Apollo words that error.
  if (!('data' in result)) return toApollo();

  const errors = result.errors?.length ? formatExecutionErrors(result.errors, deps.formatError) : undefined;
  const errorCode = firstErrorCode(errors);
  const status = partnerStatus(200, errorCode, result.data);
  // Apollo's field order and trailing newline, so both paths answer byte for byte alike.
  const json = `${JSON.stringify(errors ? { errors, data: result.data } : { data: result.data })}\n`;
  res.writeHead(status, { 'content-type': JSON_TYPE, 'content-length': Buffer.byteLength(json) });
  res.end(json);
  deps.onServed();
  log(status, errorCode);
}

/** Decided from the headers alone, before any I/O. */
function eligible(req: IncomingMessage, rawKey: string | undefined, services: Services): boolean {
  if (req.method !== 'POST' || req.url !== '/graphql') return false;
  const h = req.headers;
  const type = h['content-type']?.toLowerCase();
  if (type !== 'application/json' && type !== 'application/json; charset=utf-8' && type !== 'application/json;charset=utf-8') return false;
  const length = Number(h['content-length']);
  if (!(length > 0 && length <= MAX_BODY_BYTES) || h['transfer-encoding'] !== undefined) return false;
  if (h['content-encoding'] !== undefined && h['content-encoding'] !== 'identity') return false;
  if (!answersWithJson(h.accept)) return false;
  // A key decides alone; without one, only the benchmark switch makes a partner.
  return rawKey !== undefined || (services.config.benchUnauthenticatedShopId !== undefined && h.cookie === undefined);
}

/** Apollo's content negotiation: fast only when it would answer application/json too. */
const negotiated = new Map<string, boolean>();
function answersWithJson(accept: string | undefined): boolean {
  if (accept === undefined || accept === '*/*' || accept === 'application/json') return true;
  let json = negotiated.get(accept);
  if (json === undefined) {
    const preferred = new Negotiator({ headers: { accept } }).mediaType(['application/json; charset=utf-8', 'application/graphql-response+json; charset=utf-8']);
    json = preferred === 'application/json; charset=utf-8';
    if (negotiated.size < 100) negotiated.set(accept, json);
  }
  return json;
}

/** The client went away before its request was complete: nothing to answer, nothing ran. */
class ClientGone extends Error {}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.once('end', () => resolve((chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks)).toString('utf8')));
    // 'close' follows every request; before 'end' it means the body never comes.
    const gone = () => {
      if (!req.complete) reject(new ClientGone());
    };
    req.once('error', gone);
    req.once('close', gone);
  });
}

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The single-operation shape; batches, persisted-query hashes and other extensions are Apollo's. */
function isGraphQLBody(body: unknown): body is GraphQLBody {
  if (!isPlainObject(body) || typeof body.query !== 'string' || body.extensions !== undefined) return false;
  const { operationName, variables } = body;
  if (operationName !== undefined && operationName !== null && typeof operationName !== 'string') return false;
  return variables === undefined || variables === null || isPlainObject(variables);
}
