import type { ApolloClient } from '@apollo/client';
import type { ApiRequestLogFilter, RequestLogsQuery } from '../../gql/graphql';
import { REQUEST_LOGS } from './request-logs.graphql';
import { toCsv, type LogRowView } from './log-format';

/** Enough for any spreadsheet; more than this is a job for the database, not a browser. */
export const EXPORT_MAX_ROWS = 10_000;

/** Every row matching the filter (not only the loaded pages), newest first, as a CSV download. */
export async function exportCsv(client: ApolloClient, filter: ApiRequestLogFilter): Promise<number> {
  const rows: LogRowView[] = [];
  let after: string | null = null;
  do {
    const { data }: { data?: RequestLogsQuery } = await client.query({ query: REQUEST_LOGS, variables: { filter, first: 200, after }, fetchPolicy: 'no-cache' });
    if (!data) break;
    rows.push(...data.apiRequestLogs.edges.map((e) => e.node));
    after = data.apiRequestLogs.pageInfo.hasNextPage ? (data.apiRequestLogs.pageInfo.endCursor ?? null) : null;
  } while (after && rows.length < EXPORT_MAX_ROWS);
  const blob = new Blob([toCsv(rows.slice(0, EXPORT_MAX_ROWS))], { type: 'text/csv;charset=utf-8' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = `request-logs-${new Date().toISOString().slice(0, 19).replace(/:/g, '')}.csv`;
  document.body.append(a);
  a.click();
  a.remove();
  URL.revokeObjectURL(url);
  return Math.min(rows.length, EXPORT_MAX_ROWS);
}
