import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ApiScopeName } from '@keysmith/shared';
import type { Services } from '../services';

/** A key that passed verification for this request (shared by the requests of one cache entry: read-only). */
export interface VerifiedKey {
  readonly id: string;
  readonly shopId: string;
  readonly merchantId: string;
  readonly scopes: readonly ApiScopeName[];
  /** The request came with the previous (rotating) secret. */
  readonly usedPreviousSecret: boolean;
}

export type Caller =
  | { kind: 'anonymous' }
  | { kind: 'merchant'; merchantId: string; sessionIdHash: string }
  | { kind: 'partner'; key: VerifiedKey };

export interface Context {
  caller: Caller;
  services: Services;
  /**
   * The HTTP exchange, as plain node types: partner calls on the compiled fast path
   * (http/partner-fast-path.ts) never pass through Express. Read headers from `req`;
   * write headers on `res` (see session-cookie.ts).
   */
  req: IncomingMessage;
  res: ServerResponse;
  /** Client address, honouring TRUST_PROXY. */
  ip: string;
}
