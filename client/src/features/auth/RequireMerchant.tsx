import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { Center, Loader } from '@mantine/core';
import { useQuery } from '@apollo/client/react';
import { ME } from './auth.graphql';
import { ErrorState } from '../shell/ErrorState';

/** Pages behind sign-in: without a session, go to /signin and come back afterwards. */
export function RequireMerchant({ children }: { children: ReactNode }) {
  const location = useLocation();
  const { data, loading, error, refetch } = useQuery(ME, { fetchPolicy: 'cache-first' });
  if (loading && !data) {
    return (
      <Center h="100vh">
        <Loader aria-label="Loading" />
      </Center>
    );
  }
  if (error && !data) return <ErrorState error={error} onRetry={() => void refetch()} />;
  if (!data?.me) return <Navigate to={`/signin?next=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  return <>{children}</>;
}
