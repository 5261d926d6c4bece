import type { Request } from 'express';
import { parse as parseCookies } from 'cookie';
import type { Caller } from '../graphql/context';
import type { Services } from '../services';
import { SESSION_COOKIE } from '../modules/auth/auth.service';

/**
 * Who is calling: a merchant with a session cookie, or nobody.
 * (API keys are resolved first, in the api-keys module, when one is sent.)
 */
export async function resolveCaller(req: Request, services: Services): Promise<Caller> {
  const header = req.headers.cookie;
  const sessionId = header ? parseCookies(header)[SESSION_COOKIE] : undefined;
  if (sessionId) {
    const session = await services.auth.merchantForSession(sessionId);
    if (session) return { kind: 'merchant', ...session };
  }
  return { kind: 'anonymous' };
}
