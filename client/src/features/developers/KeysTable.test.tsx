import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { KeysTable } from './KeysTable';
import { makeKey, NOW, renderUi } from './test-utils';

describe('KeysTable (BAC 2)', () => {
  it('shows name, shop, type, partial key, dates, last use and status', () => {
    renderUi(
      <KeysTable
        now={NOW}
        onAction={() => {}}
        keys={[
          makeKey(),
          makeKey({ id: 'k2', name: 'Feed', type: 'NEW_SHOP', scopes: ['SHOP_READ', 'INVENTORY_READ', 'OFFERS_READ'], shop: { id: 's2', name: 'Pop-up', logoUrl: '/logos/s2' }, lastUsedAt: '2026-03-10T11:55:00.000Z' }),
        ]}
      />,
    );
    const headers = screen.getAllByRole('columnheader').map((h) => h.textContent);
    expect(headers).toEqual(['Name', 'Type', 'Partial Key', 'Created', 'Expires', 'Last used', 'Status', 'Actions']);
    const first = screen.getByRole('row', { name: 'Inventory sync' });
    expect(first).toHaveTextContent('Lantern Books');
    expect(first).toHaveTextContent('Current Shop');
    expect(first).toHaveTextContent('sk_...abc123');
    expect(first).toHaveTextContent('Jan 1, 2026');
    expect(first).toHaveTextContent('Jan 1, 2027');
    expect(first).toHaveTextContent('Never');
    expect(first).toHaveTextContent('Active');
    expect(first).toHaveTextContent('Full access');
    const second = screen.getByRole('row', { name: 'Feed' });
    expect(second).toHaveTextContent('New Shop');
    expect(second).toHaveTextContent('Read only');
    expect(second).toHaveTextContent('5 minutes ago');
  });

  it('marks active keys expiring within 30 days, and dates revoked ones', () => {
    renderUi(
      <KeysTable
        now={NOW}
        onAction={() => {}}
        keys={[makeKey({ expiresAt: '2026-03-22T12:00:00.000Z' }), makeKey({ id: 'k2', name: 'Old', status: 'REVOKED', revokedAt: '2026-02-02T10:00:00.000Z', expiresAt: '2026-03-12T12:00:00.000Z' })]}
      />,
    );
    expect(within(screen.getByRole('row', { name: 'Inventory sync' })).getByText('in 12 days')).toBeInTheDocument();
    const revoked = screen.getByRole('row', { name: 'Old' });
    expect(revoked).toHaveTextContent('Revoked');
    expect(revoked).toHaveTextContent('on Feb 2, 2026');
    expect(within(revoked).queryByText(/in \d+ days/)).toBeNull();
    // A revoked key has no actions left.
    expect(screen.queryByRole('button', { name: 'Actions for Old' })).toBeNull();
  });

  it('offers regenerate from the row menu', async () => {
    const onAction = jest.fn();
    renderUi(<KeysTable now={NOW} onAction={onAction} keys={[makeKey()]} />);
    await userEvent.click(screen.getByRole('button', { name: 'Actions for Inventory sync' }));
    expect(screen.queryByRole('menuitem', { name: /End rotation/ })).toBeNull();
    await userEvent.click(await screen.findByRole('menuitem', { name: 'Regenerate…' }));
    expect(onAction).toHaveBeenLastCalledWith('regenerate', expect.objectContaining({ id: 'k1' }));
  });

  it('offers revoke from the row menu', async () => {
    const onAction = jest.fn();
    renderUi(<KeysTable now={NOW} onAction={onAction} keys={[makeKey()]} />);
    await userEvent.click(screen.getByRole('button', { name: 'Actions for Inventory sync' }));
    await userEvent.click(await screen.findByRole('menuitem', { name: 'Revoke…' }));
    expect(onAction).toHaveBeenLastCalledWith('revoke', expect.objectContaining({ id: 'k1' }));
  });

  it('shows a rotation: previous key, until when, last use, and End rotation now', async () => {
    const onAction = jest.fn();
    const rotation = { previousPartialKey: 'sk_...old999', previousValidUntil: '2026-03-11T12:00:00.000Z', previousLastUsedAt: '2026-03-10T11:58:00.000Z' };
    renderUi(<KeysTable now={NOW} onAction={onAction} keys={[makeKey({ rotation })]} />);
    const row = screen.getByTestId('rotation-row');
    expect(row).toHaveTextContent('Previous key sk_...old999 keeps working until');
    expect(row).toHaveTextContent('(in a day)');
    expect(row).toHaveTextContent('Last used 2 minutes ago.');
    expect(screen.getByRole('row', { name: 'Inventory sync' })).toHaveTextContent('Rotating');
    await userEvent.click(within(row).getByRole('button', { name: 'End rotation now' }));
    expect(onAction).toHaveBeenCalledWith('end-rotation', expect.objectContaining({ id: 'k1' }));
  });

  it('says when the previous key has not been used since the rotation began', () => {
    const rotation = { previousPartialKey: 'sk_...old999', previousValidUntil: '2026-03-11T12:00:00.000Z', previousLastUsedAt: null };
    renderUi(<KeysTable now={NOW} onAction={() => {}} keys={[makeKey({ rotation })]} />);
    expect(screen.getByTestId('rotation-row')).toHaveTextContent('Not used since the rotation began.');
  });
});
