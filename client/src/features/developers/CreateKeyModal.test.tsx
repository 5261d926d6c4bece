import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { CombinedGraphQLErrors } from '@apollo/client';
import { defaultExpiry } from '@keysmith/shared';
import { CreateKeyModal } from './CreateKeyModal';
import type { ShopLimit } from './key-limits';
import { renderUi } from './test-utils';

const shop = (id: string, name: string, active = 0, max = 1): ShopLimit => ({ id, name, logoUrl: null, maxActiveKeys: max, active, full: active >= max });
const serverError = (code: string, field?: string, message = 'Bad input') =>
  new CombinedGraphQLErrors({ errors: [{ message: field ? `${field}: ${message}` : message, extensions: { code, ...(field ? { field } : {}) } }] });

function setup(limits: ShopLimit[] = [shop('s1', 'Lantern Books')], onCreate = jest.fn().mockResolvedValue(undefined)) {
  renderUi(<CreateKeyModal opened initialType="CURRENT_SHOP" limits={limits} onClose={() => {}} onCreate={onCreate} />);
  return { onCreate, dialog: screen.getByRole('dialog', { name: 'New API key' }) };
}

describe('CreateKeyModal', () => {
  it('journey 1: requires a name, then sends a Current Shop key expiring in one year with full access', async () => {
    const { onCreate, dialog } = setup();
    const before = defaultExpiry(new Date()).getTime();
    await userEvent.click(within(dialog).getByRole('button', { name: 'Generate key' }));
    expect(await within(dialog).findByText(/Give the key a name/)).toBeInTheDocument();
    expect(within(dialog).getByRole('textbox', { name: 'Name' })).toHaveAttribute('aria-invalid', 'true');
    expect(onCreate).not.toHaveBeenCalled();
    expect(within(dialog).getByText(/The key will belong to/)).toHaveTextContent('Lantern Books (0 of 1 active key)');

    await userEvent.type(within(dialog).getByRole('textbox', { name: 'Name' }), 'Inventory sync');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Generate key' }));
    await waitFor(() => expect(onCreate).toHaveBeenCalledTimes(1));
    const input = onCreate.mock.calls[0][0];
    expect(input).toMatchObject({ name: 'Inventory sync', type: 'CURRENT_SHOP', shopId: 's1', scopes: expect.arrayContaining(['OFFERS_WRITE']) });
    expect(input.scopes).toHaveLength(6);
    // BAC 4: exactly one year from now (give or take the test's own run time).
    expect(new Date(input.expiresAt).getTime() - before).toBeGreaterThanOrEqual(0);
    expect(new Date(input.expiresAt).getTime() - before).toBeLessThan(5000);
  });

  it('journey 2: New Shop needs shop name, URL and a checked logo', async () => {
    const user = userEvent.setup({ applyAccept: false });
    const { onCreate, dialog } = setup();
    await user.type(within(dialog).getByRole('textbox', { name: 'Name' }), 'Pop-up');
    await user.click(within(dialog).getByRole('radio', { name: /New Shop/ }));
    await user.click(within(dialog).getByRole('button', { name: 'Generate key' }));
    expect(await within(dialog).findByText('Shop name is required.')).toBeInTheDocument();
    expect(within(dialog).getByText('Shop URL is required.')).toBeInTheDocument();
    expect(within(dialog).getByText('A logo is required.')).toBeInTheDocument();
    expect(onCreate).not.toHaveBeenCalled();

    const file = within(dialog).getByLabelText('Logo file');
    await user.upload(file, new File(['<svg/>'], 'logo.svg', { type: 'image/svg+xml' }));
    expect(await within(dialog).findByText('Choose a PNG, JPEG or WebP image.')).toBeInTheDocument();
    await user.upload(file, new File([new Uint8Array(600 * 1024)], 'big.png', { type: 'image/png' }));
    expect(await within(dialog).findByText(/at most 512 KB/)).toBeInTheDocument();
    await user.upload(file, new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47])], 'logo.png', { type: 'image/png' }));
    expect(await within(dialog).findByRole('img', { name: 'Logo preview' })).toHaveAttribute('src', expect.stringMatching(/^data:image\/png;base64,/));
    expect(within(dialog).queryByText(/at most 512 KB/)).toBeNull();

    await user.type(within(dialog).getByRole('textbox', { name: 'Shop name' }), 'Pop-up shop');
    await user.type(within(dialog).getByRole('textbox', { name: 'Shop URL' }), 'https://popup.example');
    await user.click(within(dialog).getByRole('button', { name: 'Generate key' }));
    await waitFor(() => expect(onCreate).toHaveBeenCalledTimes(1));
    expect(onCreate.mock.calls[0][0]).toMatchObject({
      type: 'NEW_SHOP',
      newShop: { name: 'Pop-up shop', url: 'https://popup.example', logo: expect.stringMatching(/^data:image\/png;base64,/) },
    });
    expect(onCreate.mock.calls[0][0].shopId).toBeUndefined();
  });

  it("puts the server's extensions.field error beside that field", async () => {
    const onCreate = jest.fn().mockRejectedValue(serverError('BAD_USER_INPUT', 'expiresAt', 'Expiry date must be in the future.'));
    const { dialog } = setup(undefined, onCreate);
    await userEvent.type(within(dialog).getByRole('textbox', { name: 'Name' }), 'k');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Generate key' }));
    expect(await within(dialog).findByText('Expiry date must be in the future.')).toBeInTheDocument();
    expect(within(dialog).queryByRole('alert')).toBeNull();
  });

  it('explains a server error that belongs to no field, by its code', async () => {
    const onCreate = jest.fn().mockRejectedValue(serverError('KEY_LIMIT_REACHED'));
    const { dialog } = setup(undefined, onCreate);
    await userEvent.type(within(dialog).getByRole('textbox', { name: 'Name' }), 'k');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Generate key' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('This shop already has its maximum number of active keys');
  });

  it('previews in plain words what a read-only or custom key can do', async () => {
    const { onCreate, dialog } = setup();
    await userEvent.click(within(dialog).getByText('Read only'));
    const preview = within(dialog).getByTestId('scope-preview');
    expect(preview).toHaveTextContent('Read inventory items');
    expect(preview).toHaveTextContent('It will not be able toChange the shop profile');
    await userEvent.click(within(dialog).getByText('Custom'));
    // Custom starts from the previous preset, so the merchant edits rather than starts over.
    expect(within(dialog).getByRole('checkbox', { name: /Shop: read/ })).toBeChecked();
    for (const name of [/Shop: read/, /Inventory: read/, /Offers: read/]) await userEvent.click(within(dialog).getByRole('checkbox', { name }));
    await userEvent.type(within(dialog).getByRole('textbox', { name: 'Name' }), 'k');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Generate key' }));
    expect(await within(dialog).findByText('Choose at least one permission.')).toBeInTheDocument();
    await userEvent.click(within(dialog).getByRole('checkbox', { name: /Offers: write/ }));
    await userEvent.click(within(dialog).getByRole('button', { name: 'Generate key' }));
    await waitFor(() => expect(onCreate).toHaveBeenCalledWith(expect.objectContaining({ scopes: ['OFFERS_WRITE'] })));
  });

  it('BAC 6: a shop at its limit is listed but cannot be picked', async () => {
    setup([shop('s1', 'Lantern Books', 1), shop('s2', 'Pop-up', 0, 2)]);
    const dialog = screen.getByRole('dialog', { name: 'New API key' });
    const select = within(dialog).getByRole('combobox', { name: 'Shop' });
    expect(select).toHaveValue('Pop-up (0 of 2 active keys)');
    await userEvent.click(select);
    expect(await screen.findByRole('option', { name: /Lantern Books \(limit reached: 1 of 1 active key\)/, hidden: true })).toHaveAttribute('data-combobox-disabled', 'true');
  });

  it('with every shop full, Current Shop is disabled and says why', () => {
    setup([shop('s1', 'Lantern Books', 1)]);
    const dialog = screen.getByRole('dialog', { name: 'New API key' });
    const current = within(dialog).getByRole('radio', { name: /Current Shop/ });
    expect(current).toBeDisabled();
    expect(current).toHaveTextContent('This shop has reached its key limit.');
    expect(within(dialog).getByRole('radio', { name: /New Shop/ })).toHaveAttribute('aria-checked', 'true');
    expect(within(dialog).getByRole('textbox', { name: 'Shop name' })).toBeInTheDocument();
  });
});
