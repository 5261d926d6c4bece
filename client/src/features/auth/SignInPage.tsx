import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { Alert, Anchor, Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useApolloClient, useMutation } from '@apollo/client/react';
import { SIGN_IN } from './auth.graphql';
import { AuthCard } from './AuthCard';
import { describeError } from '../../lib/errors';
import { safeNext } from './safe-next';

export function SignInPage() {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const apollo = useApolloClient();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [signIn, { loading, error }] = useMutation(SIGN_IN);

  async function submit(e: FormEvent) {
    e.preventDefault();
    try {
      await signIn({ variables: { email, password } });
    } catch {
      return; // shown from `error`
    }
    await apollo.resetStore();
    navigate(safeNext(params.get('next')), { replace: true });
  }

  return (
    <AuthCard
      title="Sign in"
      subtitle={
        <>
          New to Keysmith?{' '}
          <Anchor component={Link} to={`/signup${params.get('next') ? `?next=${encodeURIComponent(params.get('next') as string)}` : ''}`}>
            Create an account
          </Anchor>
        </>
      }
    >
      <form onSubmit={submit} noValidate>
        <Stack>
          {params.get('expired') && !error && (
            <Alert color="yellow" variant="light">
              Your session has ended. Sign in again to continue where you were.
            </Alert>
          )}
          {error && (
            <Alert color="red" variant="light" role="alert">
              {describeError(error).message}
            </Alert>
          )}
          <TextInput label="Email" type="email" autoComplete="email" required value={email} onChange={(e) => setEmail(e.currentTarget.value)} />
          <PasswordInput label="Password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.currentTarget.value)} />
          <Button type="submit" loading={loading} fullWidth mt="xs">
            Sign in
          </Button>
        </Stack>
      </form>
    </AuthCard>
  );
}
