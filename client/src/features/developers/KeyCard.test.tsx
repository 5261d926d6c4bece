import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { KeysTable } from './KeysTable';
import { onAPhone } from '../../test/on-a-phone';
import { makeKey, NOW, renderUi } from './test-utils';

describe('KeysTable on a phone: one card per key', () => {
  onAPhone();

  it('shows every fact of the row, with status and actions first, and no table', () => {
    renderUi(
      <KeysTable
        now={NOW}
        onAction={() => {}}
        keys={[
          makeKey({ expiresAt: '2026-03-22T12:00:00.000Z' }),
          makeKey({ id: 'k2', name: 'Feed', type: 'NEW_SHOP', scopes: ['SHOP_READ', 'INVENTORY_READ', 'OFFERS_READ'], shop: { id: 's2', name: 'Pop-up', logoUrl: null }, lastUsedAt: '2026-03-10T11:55:00.000Z' }),
          makeKey({ id: 'k3', name: 'Old', status: 'REVOKED', revokedAt: '2026-02-02T10:00:00.000Z' }),
        ]}
      />,
    );
    expect(screen.queryByRole('table')).toBeNull();
    const cards = within(screen.getByRole('list', { name: 'API keys' })).getAllByRole('listitem');
    expect(cards.map((c) => c.getAttribute('aria-label'))).toEqual(['Inventory sync', 'Feed', 'Old']);
    const first = cards[0] as HTMLElement;
    for (const text of ['Lantern Books · Full access', 'sk_...abc123', 'Current Shop', 'Created Jan 1, 2026', 'Expires Mar 22, 2026', 'in 12 days', 'Never used', 'Active']) {
      expect(first).toHaveTextContent(text);
    }
    expect(within(first).getByRole('button', { name: 'Actions for Inventory sync' })).toBeInTheDocument();
    expect(cards[1]).toHaveTextContent('New Shop');
    expect(cards[1]).toHaveTextContent('Pop-up · Read only');
    expect(cards[1]).toHaveTextContent('Last used 5 minutes ago');
    expect(cards[2]).toHaveTextContent('Revoked');
    expect(cards[2]).toHaveTextContent('on Feb 2, 2026');
    expect(within(cards[2] as HTMLElement).queryByRole('button', { name: /Actions for/ })).toBeNull();
  });

  it('acts from the card menu and shows a rotation with End rotation now', async () => {
    const onAction = jest.fn();
    const rotation = { previousPartialKey: 'sk_...old999', previousValidUntil: '2026-03-11T12:00:00.000Z', previousLastUsedAt: null };
    renderUi(<KeysTable now={NOW} onAction={onAction} keys={[makeKey({ rotation })]} />);
    const card = screen.getByRole('listitem', { name: 'Inventory sync' });
    expect(card).toHaveTextContent('Rotating');
    const notice = within(card).getByTestId('rotation-row');
    expect(notice).toHaveTextContent('Previous key sk_...old999 keeps working until');
    expect(notice).toHaveTextContent('Not used since the rotation began.');
    await userEvent.click(within(notice).getByRole('button', { name: 'End rotation now' }));
    expect(onAction).toHaveBeenLastCalledWith('end-rotation', expect.objectContaining({ id: 'k1' }));
    await userEvent.click(within(card).getByRole('button', { name: 'Actions for Inventory sync' }));
    await userEvent.click(await screen.findByRole('menuitem', { name: 'Regenerate…' }));
    expect(onAction).toHaveBeenLastCalledWith('regenerate', expect.objectContaining({ id: 'k1' }));
  });
});
