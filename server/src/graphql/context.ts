import type { Request, Response } from 'express';
import type { ApiScopeName } from '@keysmith/shared';
import type { Services } from '../services';

/** A key that passed verification for this request. */
export interface VerifiedKey {
  id: string;
  shopId: string;
  merchantId: string;
  scopes: readonly ApiScopeName[];
  /** The request came with the previous (rotating) secret. */
  usedPreviousSecret: boolean;
}

export type Caller =
  | { kind: 'anonymous' }
  | { kind: 'merchant'; merchantId: string; sessionIdHash: string }
  | { kind: 'partner'; key: VerifiedKey };

export interface Context {
  caller: Caller;
  services: Services;
  req: Request;
  res: Response;
  /** Client address, honouring TRUST_PROXY. */
  ip: string;
}
