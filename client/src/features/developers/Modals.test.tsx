import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { CombinedGraphQLErrors } from '@apollo/client';
import { RegenerateModal } from './RegenerateModal';
import { SecretModal } from './SecretModal';
import { LimitModal } from './LimitModal';
import { makeKey, renderUi } from './test-utils';

describe('RegenerateModal (journey 3, BAC 7)', () => {
  it('warns of immediate invalidation by default', async () => {
    const onConfirm = jest.fn().mockResolvedValue(undefined);
    renderUi(<RegenerateModal apiKey={makeKey()} onClose={() => {}} onConfirm={onConfirm} />);
    const dialog = screen.getByRole('dialog', { name: 'Regenerate key' });
    expect(dialog).toHaveTextContent('The old key will stop working immediately.');
    expect(within(dialog).getByRole('radio', { name: /Immediately/ })).toBeChecked();
    await userEvent.click(within(dialog).getByRole('button', { name: 'Regenerate key' }));
    expect(onConfirm).toHaveBeenCalledWith(expect.objectContaining({ id: 'k1' }), 0);
  });

  it('offers 1 hour, 24 hours or 7 days of grace instead', async () => {
    const onConfirm = jest.fn().mockResolvedValue(undefined);
    renderUi(<RegenerateModal apiKey={makeKey()} onClose={() => {}} onConfirm={onConfirm} />);
    const dialog = screen.getByRole('dialog', { name: 'Regenerate key' });
    for (const label of ['After 1 hour', 'After 24 hours', 'After 7 days']) expect(within(dialog).getByRole('radio', { name: label })).toBeInTheDocument();
    await userEvent.click(within(dialog).getByRole('radio', { name: 'After 7 days' }));
    expect(dialog).toHaveTextContent('The old key keeps working until');
    expect(dialog).not.toHaveTextContent('stop working immediately');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Regenerate key' }));
    expect(onConfirm).toHaveBeenCalledWith(expect.anything(), 604800);
  });

  it('shows a friendly message when the server refuses', async () => {
    const err = new CombinedGraphQLErrors({ errors: [{ message: 'x', extensions: { code: 'NOT_FOUND' } }] });
    renderUi(<RegenerateModal apiKey={makeKey()} onClose={() => {}} onConfirm={jest.fn().mockRejectedValue(err)} />);
    await userEvent.click(screen.getByRole('button', { name: 'Regenerate key' }));
    expect(await screen.findByText(/That item no longer exists/)).toBeInTheDocument();
  });
});

describe('SecretModal (BAC 5)', () => {
  const revealed = { secret: 'sk_FULLSECRET', apiKey: { id: 'k1', name: 'Feed', partialKey: 'sk_...SECRET', scopes: ['INVENTORY_READ'] }, regenerated: true };

  it('shows the key with copy, a warning, a curl call the scopes allow, and Sandbox', async () => {
    const onClose = jest.fn();
    renderUi(<SecretModal revealed={revealed} opened onClose={onClose} onClosed={() => {}} origin="https://keys.example" />);
    const dialog = screen.getByRole('dialog', { name: 'Your regenerated API key' });
    expect(within(dialog).getByTestId('revealed-secret')).toHaveTextContent('sk_FULLSECRET');
    expect(dialog).toHaveTextContent('It will not be shown again');
    expect(dialog).toHaveTextContent("curl -X POST https://keys.example/graphql");
    expect(dialog).toHaveTextContent("-H 'Authorization: Bearer sk_FULLSECRET'");
    expect(dialog).toHaveTextContent('{ inventory(first: 5)');
    expect(within(dialog).getByRole('link', { name: /Apollo Sandbox/ })).toHaveAttribute('href', 'https://keys.example/graphql');
    expect(within(dialog).getByRole('button', { name: 'Copy key' })).toBeInTheDocument();
    await userEvent.click(within(dialog).getByRole('button', { name: "I've saved my key" }));
    expect(onClose).toHaveBeenCalled();
  });

  it('does not close on a stray click outside', async () => {
    const onClose = jest.fn();
    renderUi(<SecretModal revealed={revealed} opened onClose={onClose} onClosed={() => {}} />);
    const overlay = document.querySelector('.mantine-Modal-overlay') as HTMLElement;
    await userEvent.click(overlay);
    expect(onClose).not.toHaveBeenCalled();
  });
});

describe('LimitModal', () => {
  it('accepts 1..25 and saves', async () => {
    const onSave = jest.fn().mockResolvedValue(undefined);
    renderUi(<LimitModal shop={{ id: 's1', name: 'Lantern Books', logoUrl: null, maxActiveKeys: 1, active: 1, full: true }} onClose={() => {}} onSave={onSave} />);
    const input = screen.getByRole('textbox', { name: 'Active keys allowed' });
    expect(input).toHaveValue('2');
    await userEvent.clear(input);
    await userEvent.type(input, '30');
    await userEvent.click(screen.getByRole('button', { name: 'Save limit' }));
    expect(await screen.findByText('Enter a whole number from 1 to 25.')).toBeInTheDocument();
    expect(onSave).not.toHaveBeenCalled();
    await userEvent.clear(input);
    await userEvent.type(input, '5');
    await userEvent.click(screen.getByRole('button', { name: 'Save limit' }));
    await waitFor(() => expect(onSave).toHaveBeenCalledWith('s1', 5));
  });
});
