import type { ReactElement } from 'react';
import { render } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { MantineProvider } from '@mantine/core';
import type { KeyRowFragment } from '../../gql/graphql';

export function renderUi(ui: ReactElement) {
  return render(
    <MantineProvider>
      <MemoryRouter>{ui}</MemoryRouter>
    </MantineProvider>,
  );
}

export const NOW = new Date('2026-03-10T12:00:00.000Z');

export function makeKey(over: Partial<KeyRowFragment> = {}): KeyRowFragment {
  return {
    id: 'k1',
    name: 'Inventory sync',
    type: 'CURRENT_SHOP',
    partialKey: 'sk_...abc123',
    scopes: ['SHOP_READ', 'SHOP_WRITE', 'INVENTORY_READ', 'INVENTORY_WRITE', 'OFFERS_READ', 'OFFERS_WRITE'],
    status: 'ACTIVE',
    createdAt: '2026-01-01T10:00:00.000Z',
    expiresAt: '2027-01-01T10:00:00.000Z',
    revokedAt: null,
    lastUsedAt: null,
    shop: { id: 's1', name: 'Lantern Books', logoUrl: null },
    rotation: null,
    ...over,
  };
}
