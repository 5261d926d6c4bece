import { screen } from '@testing-library/react';
import { renderUi } from '../developers/test-utils';
import { LogTable } from './LogTable';

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
