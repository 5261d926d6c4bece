import { useMemo, useState } from 'react';
import { Alert, Button, Card, Group, Loader, Stack, Switch, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDownload, IconListSearch } from '@tabler/icons-react';
import { useApolloClient, useQuery } from '@apollo/client/react';
import { describeError } from '../../lib/errors';
import { API_USAGE, LOG_FILTER_OPTIONS, REQUEST_LOGS } from './request-logs.graphql';
import { bucketFor, EMPTY_FILTER, toApiFilter, type LogFilterState } from './filters';
import { LogFilters } from './LogFilters';
import { LogTable } from './LogTable';
import { UsageChart } from './UsageChart';
import { RotationWarning } from './RotationWarning';
import { exportCsv } from './export-csv';

const PAGE = 50;
const LIVE_MS = 5000;

/** Every key-authenticated call of the merchant's shops: filters, usage chart, table, live mode, CSV. */
export function RequestLogsTab() {
  const [filter, setFilter] = useState<LogFilterState>(EMPTY_FILTER);
  const [live, setLive] = useState(false);
  const [exporting, setExporting] = useState(false);
  const apollo = useApolloClient();
  const apiFilter = useMemo(() => toApiFilter(filter), [filter]);
  const bucket = bucketFor(filter);
  const pollInterval = live ? LIVE_MS : 0;

  const options = useQuery(LOG_FILTER_OPTIONS);
  const logs = useQuery(REQUEST_LOGS, { variables: { filter: apiFilter, first: PAGE }, pollInterval, notifyOnNetworkStatusChange: true });
  // The chart shows requests and errors side by side, so "errors only" does not narrow it.
  const usage = useQuery(API_USAGE, { variables: { filter: { ...apiFilter, errorsOnly: null }, bucket }, pollInterval });

  const keys = options.data?.apiKeys ?? [];
  const shops = options.data?.me?.shops ?? [];
  const edges = logs.data?.apiRequestLogs.edges ?? [];
  const pageInfo = logs.data?.apiRequestLogs.pageInfo;
  const keyName = keys.find((k) => k.id === filter.apiKeyId)?.name;
  const rangeLabel = filter.range[0] ? '' : bucket === 'HOUR' ? ', last 24 hours' : '';

  async function loadMore() {
    if (!pageInfo?.endCursor) return;
    await logs.fetchMore({
      variables: { after: pageInfo.endCursor },
      updateQuery: (prev, { fetchMoreResult }) => ({
        apiRequestLogs: { ...fetchMoreResult.apiRequestLogs, edges: [...prev.apiRequestLogs.edges, ...fetchMoreResult.apiRequestLogs.edges] },
      }),
    });
  }

  async function handleExport() {
    setExporting(true);
    try {
      const n = await exportCsv(apollo, apiFilter);
      notifications.show({ color: 'green', message: `Exported ${n} ${n === 1 ? 'row' : 'rows'}.` });
    } catch (e) {
      notifications.show({ color: 'red', title: 'Export failed', message: describeError(e).message });
    } finally {
      setExporting(false);
    }
  }

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={2} size="h4">
            Request logs
          </Title>
          <Text c="dimmed" size="sm">
            Every call made with your API keys, including refused ones. Times are shown in your time zone.
          </Text>
        </div>
        <Group gap="md">
          <Switch label="Live" checked={live} onChange={(e) => setLive(e.currentTarget.checked)} description={live ? 'Refreshing every 5 s' : undefined} />
          <Button variant="default" leftSection={<IconDownload size={16} />} onClick={() => void handleExport()} loading={exporting} disabled={edges.length === 0}>
            Export CSV
          </Button>
        </Group>
      </Group>

      <RotationWarning shopId={filter.shopId} pollInterval={pollInterval} />

      <Card withBorder radius="md" padding="lg">
        <LogFilters value={filter} onChange={setFilter} keys={keys} shops={shops} />
      </Card>

      <UsageChart buckets={usage.data?.apiUsage ?? []} bucket={bucket} scopeLabel={`${keyName ? `Key ${keyName}` : 'All keys'}${rangeLabel}`} />

      {logs.error && (
        <Alert color="red" title="Could not load the logs">
          {describeError(logs.error).message}
        </Alert>
      )}
      <Card withBorder radius="md" padding={0}>
        {edges.length > 0 ? (
          <LogTable rows={edges.map((e) => e.node)} />
        ) : logs.loading ? (
          <Group justify="center" p="xl">
            <Loader size="sm" />
          </Group>
        ) : (
          <Stack align="center" gap={4} p="xl">
            <IconListSearch size={32} color="var(--mantine-color-gray-5)" />
            <Text fw={500}>No requests{filter === EMPTY_FILTER ? ' yet' : ' match these filters'}</Text>
            <Text size="sm" c="dimmed">
              Calls made with your API keys appear here within a second.
            </Text>
          </Stack>
        )}
      </Card>
      {pageInfo?.hasNextPage && !live && (
        <Group justify="center">
          <Button variant="light" onClick={() => void loadMore()} loading={logs.loading && edges.length > 0}>
            Load more
          </Button>
        </Group>
      )}
    </Stack>
  );
}
