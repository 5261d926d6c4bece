import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { MantineProvider } from '@mantine/core';
import { ApolloClient, ApolloLink, InMemoryCache, Observable } from '@apollo/client';
import { ApolloProvider } from '@apollo/client/react';
import { SignUpPage } from './SignUpPage';
import { validateSignUp } from './sign-up-validation';

describe('validateSignUp', () => {
  it('applies the server rules: email, 8..72 bytes, shop name', () => {
    expect(validateSignUp({ email: 'a@b.co', password: 'password', shopName: 'S' })).toEqual({});
    expect(validateSignUp({ email: 'nope', password: 'é'.repeat(37), shopName: '  ' })).toEqual({
      email: 'Enter a valid email address.',
      password: 'Use at most 72 bytes.',
      shopName: 'Shop name is required.',
    });
  });
});

function renderWithServer(respond: () => unknown) {
  const requests: unknown[] = [];
  const link = new ApolloLink((op) => {
    requests.push(op.variables);
    return new Observable((sub) => {
      sub.next(respond() as never);
      sub.complete();
    });
  });
  const client = new ApolloClient({ link, cache: new InMemoryCache() });
  render(
    <ApolloProvider client={client}>
      <MantineProvider>
        <MemoryRouter>
          <SignUpPage />
        </MemoryRouter>
      </MantineProvider>
    </ApolloProvider>,
  );
  return requests;
}

describe('SignUpPage', () => {
  it('shows client-side errors beside the fields and sends nothing', async () => {
    const requests = renderWithServer(() => ({ data: null }));
    await userEvent.click(screen.getByRole('button', { name: 'Create account' }));
    expect(await screen.findByText('Enter a valid email address.')).toBeInTheDocument();
    expect(screen.getByText('Shop name is required.')).toBeInTheDocument();
    expect(requests).toHaveLength(0);
  });

  it("puts the server's BAD_USER_INPUT message beside the field it names", async () => {
    renderWithServer(() => ({
      errors: [{ message: 'email: An account with this email already exists.', extensions: { code: 'BAD_USER_INPUT', field: 'email' } }],
    }));
    await userEvent.type(screen.getByRole('textbox', { name: 'Email' }), 'taken@example.com');
    await userEvent.type(screen.getByLabelText(/^Password/), 'password123');
    await userEvent.type(screen.getByRole('textbox', { name: 'Shop name' }), 'Shop');
    await userEvent.click(screen.getByRole('button', { name: 'Create account' }));
    expect(await screen.findByText('An account with this email already exists.')).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: 'Email' })).toHaveAttribute('aria-invalid', 'true');
  });
});
