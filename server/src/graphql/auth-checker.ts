import type { AuthChecker } from 'type-graphql';
import { isApiScope, type ApiScopeName } from '@keysmith/shared';
import type { Context } from './context';
import { forbidden, unauthenticated } from './errors';

/**
 * The one place that decides who may call what.
 *
 *   @Authorized('MERCHANT')           signed-in merchants only; API keys are refused.
 *   @Authorized('INVENTORY_READ', ..) partner surface: an API key holding every listed
 *                                     scope, or a signed-in merchant (for their first shop).
 */
export type Role = 'MERCHANT' | ApiScopeName;

export const authChecker: AuthChecker<Context, Role> = ({ context }, roles) => {
  const { caller } = context;
  if (roles.includes('MERCHANT')) {
    if (caller.kind === 'merchant') return true;
    if (caller.kind === 'partner') throw forbidden('API keys cannot manage keys, logs or settings; sign in to the dashboard instead.');
    throw unauthenticated();
  }
  const required = roles.filter(isApiScope);
  if (caller.kind === 'merchant') return true;
  if (caller.kind === 'anonymous') throw unauthenticated('Send an API key: Authorization: Bearer sk_...');
  const missing = required.filter((s) => !caller.key.scopes.includes(s));
  if (missing.length > 0) {
    throw forbidden(`This API key lacks the scope ${missing.join(', ')}.`, { requiredScopes: missing });
  }
  return true;
};
