import { ApolloClient, ApolloLink, CombinedGraphQLErrors, HttpLink, InMemoryCache } from '@apollo/client';
import { ErrorLink } from '@apollo/client/link/error';
import { ErrorCode } from '@keysmith/shared';

/** Operations that are expected to answer UNAUTHENTICATED without meaning "your session ended". */
const SESSIONLESS = new Set(['SignIn', 'SignUp', 'Me']);

/** An expired session sends the merchant to sign-in, and back here afterwards. */
const sessionExpired = new ErrorLink(({ error, operation }) => {
  if (!CombinedGraphQLErrors.is(error) || SESSIONLESS.has(operation.operationName ?? '')) return;
  if (error.errors.some((e) => e.extensions?.code === ErrorCode.UNAUTHENTICATED)) {
    const next = window.location.pathname + window.location.search;
    if (!window.location.pathname.startsWith('/signin')) window.location.assign(`/signin?next=${encodeURIComponent(next)}&expired=1`);
  }
});

export function createApolloClient(uri = '/graphql') {
  return new ApolloClient({
    link: ApolloLink.from([sessionExpired, new HttpLink({ uri, credentials: 'same-origin' })]),
    cache: new InMemoryCache(),
    defaultOptions: { watchQuery: { fetchPolicy: 'cache-and-network' } },
  });
}
