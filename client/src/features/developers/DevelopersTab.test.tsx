import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ApolloClient, ApolloLink, InMemoryCache, Observable } from '@apollo/client';
import { ApolloProvider } from '@apollo/client/react';
import { DevelopersTab } from './DevelopersTab';
import { makeKey, renderUi } from './test-utils';
import type { KeyRowFragment } from '../../gql/graphql';
import { generateApiKey } from '@keysmith/shared';

// A real-format key made at run time (a literal one would look like a leaked secret to scanners).
const SECRET = generateApiKey();

/** A tiny in-memory server for the tab's operations. */
function fakeServer(initial: KeyRowFragment[] = []) {
  let keys = initial.map((k) => ({ ...k }));
  const shops = [{ __typename: 'Shop', id: 's1', name: 'Lantern Books', logoUrl: null, isHeadless: false, maxActiveKeys: 1 }];
  const typed = (k: KeyRowFragment) => ({ __typename: 'ApiKey', ...k, shop: { __typename: 'Shop', ...k.shop }, rotation: null });
  const ops: string[] = [];
  const handle = (name: string, v: Record<string, any>): unknown => {
    ops.push(name);
    switch (name) {
      case 'DeveloperKeys':
        return { apiKeys: keys.filter((k) => v.includeRevoked || k.status !== 'REVOKED').map(typed), me: { __typename: 'Merchant', id: 'm1', shops } };
      case 'CreateApiKey': {
        const k = makeKey({ id: `k${keys.length + 1}`, name: v.input.name, partialKey: `sk_...${SECRET.slice(-6)}` });
        keys = [k, ...keys];
        return { createApiKey: { __typename: 'CreatedApiKey', secret: SECRET, apiKey: { __typename: 'ApiKey', id: k.id, name: k.name, partialKey: k.partialKey, scopes: k.scopes } } };
      }
      case 'RevokeApiKey': {
        keys = keys.map((k) => (k.id === v.id ? { ...k, status: 'REVOKED', revokedAt: new Date().toISOString() } : k));
        return { revokeApiKey: typed(keys.find((k) => k.id === v.id) as KeyRowFragment) };
      }
      default:
        throw new Error(`unexpected ${name}`);
    }
  };
  const link = new ApolloLink(
    (op) =>
      new Observable((sub) => {
        sub.next({ data: handle(op.operationName ?? '', op.variables) } as never);
        sub.complete();
      }),
  );
  const client = new ApolloClient({ link, cache: new InMemoryCache() });
  renderUi(
    <ApolloProvider client={client}>
      <DevelopersTab />
    </ApolloProvider>,
  );
  return { client, ops };
}

describe('DevelopersTab', () => {
  it('shows an empty state with a call to action', async () => {
    fakeServer();
    expect(await screen.findByText('No active API keys')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Create your first key' })).toBeEnabled();
  });

  it('BAC 5: shows the secret once; after closing, neither the page nor the Apollo cache holds it', async () => {
    const { client, ops } = fakeServer();
    await userEvent.click(await screen.findByRole('button', { name: 'New API Key' }));
    const dialog = await screen.findByRole('dialog', { name: 'New API key' });
    await userEvent.type(within(dialog).getByRole('textbox', { name: 'Name' }), 'Inventory sync');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Generate key' }));

    const success = await screen.findByRole('dialog', { name: 'Your new API key' });
    expect(within(success).getByTestId('revealed-secret')).toHaveTextContent(SECRET);
    expect(success).toHaveTextContent('It will not be shown again');
    expect(success).toHaveTextContent(`Authorization: Bearer ${SECRET}`);
    expect(within(success).getByRole('button', { name: 'Copy key' })).toBeInTheDocument();
    expect(within(success).getByRole('link', { name: /Apollo Sandbox/ })).toHaveAttribute('href', `${window.location.origin}/graphql`);
    // The mutation's result was never normalised, and the list was refetched instead.
    expect(JSON.stringify(client.cache.extract())).not.toContain(SECRET);
    await waitFor(() => expect(ops.filter((o) => o === 'DeveloperKeys')).toHaveLength(2));

    await userEvent.click(within(success).getByRole('button', { name: "I've saved my key" }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    await waitFor(() => expect(document.body.innerHTML).not.toContain(SECRET));
    expect(JSON.stringify(client.cache.extract())).not.toContain(SECRET);
    expect(await screen.findByRole('row', { name: 'Inventory sync' })).toHaveTextContent(`sk_...${SECRET.slice(-6)}`);
    // BAC 6: the shop now has its one active key.
    expect(screen.getByRole('button', { name: 'New API Key' })).toHaveAttribute('aria-disabled', 'true');
    expect(screen.getByTestId('limit-notice')).toHaveTextContent('Lantern Books already has its maximum of 1 active key');
  });

  it('BAC 8: revoke asks first, naming the key, then frees the slot', async () => {
    fakeServer([makeKey()]);
    const newKey = await screen.findByRole('button', { name: 'New API Key' });
    await waitFor(() => expect(newKey).toHaveAttribute('aria-disabled', 'true'));
    await userEvent.click(screen.getByRole('button', { name: 'Actions for Inventory sync' }));
    await userEvent.click(await screen.findByRole('menuitem', { name: 'Revoke…' }));
    const confirm = await screen.findByRole('dialog', { name: 'Revoke key' });
    expect(confirm).toHaveTextContent('Revoke Inventory sync (sk_...abc123) of Lantern Books?');
    await userEvent.click(within(confirm).getByRole('button', { name: 'Revoke key' }));
    await waitFor(() => expect(screen.queryByRole('row', { name: 'Inventory sync' })).toBeNull());
    expect(screen.getByRole('button', { name: 'New API Key' })).not.toHaveAttribute('aria-disabled');
  });
});
