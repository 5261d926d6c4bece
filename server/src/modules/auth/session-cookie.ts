import { stringifySetCookie, type SerializeOptions } from 'cookie';
import type { Context } from '../../graphql/context';
import { SESSION_COOKIE } from './auth.service';

/** httpOnly + SameSite=Lax; Secure in production (COOKIE_SECURE). Plain node headers: the context holds no Express response. */
function cookieOptions(ctx: Context): SerializeOptions {
  return { httpOnly: true, sameSite: 'lax', secure: ctx.services.config.cookieSecure, path: '/' };
}

export function setSessionCookie(ctx: Context, sessionId: string, expiresAt: Date): void {
  ctx.res.appendHeader('Set-Cookie', stringifySetCookie(SESSION_COOKIE, sessionId, { ...cookieOptions(ctx), expires: expiresAt }));
}

export function clearSessionCookie(ctx: Context): void {
  ctx.res.appendHeader('Set-Cookie', stringifySetCookie(SESSION_COOKIE, '', { ...cookieOptions(ctx), expires: new Date(0) }));
}
