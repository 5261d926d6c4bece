import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { Alert, Anchor, Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useApolloClient, useMutation } from '@apollo/client/react';
import { SIGN_UP } from './auth.graphql';
import { AuthCard } from './AuthCard';
import { describeError } from '../../lib/errors';
import { safeNext } from './safe-next';
import { validateSignUp, type SignUpValues } from './sign-up-validation';

export function SignUpPage() {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const apollo = useApolloClient();
  const [values, setValues] = useState<SignUpValues>({ email: '', password: '', shopName: '' });
  const [errors, setErrors] = useState<Partial<Record<keyof SignUpValues, string>>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [signUp, { loading }] = useMutation(SIGN_UP);

  const set = (key: keyof SignUpValues) => (e: { currentTarget: { value: string } }) => {
    const value = e.currentTarget.value;
    setValues((v) => ({ ...v, [key]: value }));
    setErrors((er) => ({ ...er, [key]: undefined }));
  };

  async function submit(e: FormEvent) {
    e.preventDefault();
    setFormError(null);
    const found = validateSignUp(values);
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    try {
      await signUp({ variables: values });
    } catch (err) {
      const info = describeError(err);
      if (info.field && info.field in values) setErrors({ [info.field]: info.message });
      else setFormError(info.message);
      return;
    }
    await apollo.resetStore();
    navigate(safeNext(params.get('next')), { replace: true });
  }

  return (
    <AuthCard
      title="Create your account"
      subtitle={
        <>
          Already have one?{' '}
          <Anchor component={Link} to="/signin">
            Sign in
          </Anchor>
        </>
      }
    >
      <form onSubmit={submit} noValidate>
        <Stack>
          {formError && (
            <Alert color="red" variant="light" role="alert">
              {formError}
            </Alert>
          )}
          <TextInput label="Email" type="email" autoComplete="email" required value={values.email} onChange={set('email')} error={errors.email} />
          <PasswordInput
            label="Password"
            description="8 to 72 characters"
            autoComplete="new-password"
            required
            value={values.password}
            onChange={set('password')}
            error={errors.password}
          />
          <TextInput label="Shop name" required value={values.shopName} onChange={set('shopName')} error={errors.shopName} />
          <Button type="submit" loading={loading} fullWidth mt="xs">
            Create account
          </Button>
        </Stack>
      </form>
    </AuthCard>
  );
}
