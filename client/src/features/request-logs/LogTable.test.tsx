import { screen, within } from '@testing-library/react';
import { renderUi } from '../developers/test-utils';
import { LogTable } from './LogTable';
import { onAPhone } from '../../test/on-a-phone';

const row = {
  id: 'r1',
  at: '2026-03-10T12:00:00.000Z',
  apiKey: { name: 'Inventory sync', partialKey: 'sk_...abc123' },
  usedPreviousSecret: false,
  operationName: null,
  operationType: 'mutation',
  fields: ['nope'],
  httpStatus: 400,
  errorCode: 'GRAPHQL_VALIDATION_FAILED',
  durationMs: 13,
  ip: '127.0.0.1',
  userAgent: 'inventory-sync/2.3',
};

describe('LogTable', () => {
  it('shows an error code whole, breakable only between its words', () => {
    renderUi(<LogTable rows={[row]} />);
    const code = screen.getByText('GRAPHQL_VALIDATION_FAILED');
    // One break opportunity after each underscore, none inside a word.
    expect(code.querySelectorAll('wbr')).toHaveLength(2);
    expect(code.innerHTML).toBe('GRAPHQL_<wbr>VALIDATION_<wbr>FAILED');
    expect(screen.getByLabelText('HTTP 400')).toHaveTextContent('400');
  });

  it('shows no code for a call without one', () => {
    renderUi(<LogTable rows={[{ ...row, httpStatus: 200, errorCode: null }]} />);
    expect(screen.getByLabelText('HTTP 200')).toBeInTheDocument();
    expect(screen.queryByText(/VALIDATION/)).toBeNull();
  });
});

describe('LogTable on a phone: one card per call', () => {
  onAPhone();

  it('shows status, code, duration, operation, key, time and client, and no table', () => {
    renderUi(<LogTable rows={[row, { ...row, id: 'r2', httpStatus: 200, errorCode: null, operationName: 'Inv', operationType: 'query', fields: ['inventory'], usedPreviousSecret: true }]} />);
    expect(screen.queryByRole('table')).toBeNull();
    const [first, second] = within(screen.getByRole('list', { name: 'Request logs' })).getAllByRole('listitem') as [HTMLElement, HTMLElement];
    expect(within(first).getByLabelText('HTTP 400')).toHaveTextContent('400');
    for (const text of ['GRAPHQL_VALIDATION_FAILED', '13 ms', 'mutation: nope', 'Inventory sync', 'sk_...abc123', '127.0.0.1 · inventory-sync/2.3']) expect(first).toHaveTextContent(text);
    expect(first).not.toHaveTextContent('previous secret');
    expect(second).toHaveTextContent('query Inv: inventory');
    expect(second).toHaveTextContent('previous secret');
  });
});
