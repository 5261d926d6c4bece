import type { Context } from '../../graphql/context';
import { SESSION_COOKIE } from './auth.service';

/** httpOnly + SameSite=Lax; Secure in production (COOKIE_SECURE). */
export function setSessionCookie(ctx: Context, sessionId: string, expiresAt: Date): void {
  ctx.res.cookie(SESSION_COOKIE, sessionId, {
    httpOnly: true,
    sameSite: 'lax',
    secure: ctx.services.config.cookieSecure,
    path: '/',
    expires: expiresAt,
  });
}

export function clearSessionCookie(ctx: Context): void {
  ctx.res.clearCookie(SESSION_COOKIE, { httpOnly: true, sameSite: 'lax', secure: ctx.services.config.cookieSecure, path: '/' });
}
