import { lazy, Suspense, useMemo } from 'react';
import { Alert, Button, Card, Center, Group, Skeleton, Text, Title } from '@mantine/core';
import { ErrorBoundary } from 'react-error-boundary';
import dayjs from 'dayjs';
import type { UsageBucketSize } from '../../gql/graphql';
import { PLOT_HEIGHT } from './plot-size';

const UsagePlot = lazy(() => import('./UsagePlot'));

interface Props {
  buckets: ReadonlyArray<{ start: string; requests: number; errors: number }>;
  bucket: UsageBucketSize;
  /** "all keys" or the key's name. */
  scopeLabel: string;
}

/** Requests and errors over time, for the whole shop or one key (the key filter decides). */
export function UsageChart({ buckets, bucket, scopeLabel }: Props) {
  const data = useMemo(
    () => buckets.map((b) => ({ time: dayjs(b.start).format(bucket === 'HOUR' ? 'MMM D HH:mm' : 'MMM D'), Requests: b.requests, Errors: b.errors })),
    [buckets, bucket],
  );
  const total = buckets.reduce((n, b) => n + b.requests, 0);
  const errors = buckets.reduce((n, b) => n + b.errors, 0);
  return (
    <Card withBorder radius="md" padding="lg" aria-label="Usage chart">
      <Group justify="space-between" mb="sm" align="flex-end">
        <div>
          <Title order={3} size="h5">
            Usage per {bucket === 'HOUR' ? 'hour' : 'day'}
          </Title>
          <Text size="sm" c="dimmed">
            {scopeLabel}
          </Text>
        </div>
        <Text size="sm" c="dimmed" data-testid="usage-totals">
          {total} {total === 1 ? 'request' : 'requests'} · {errors} {errors === 1 ? 'error' : 'errors'}
        </Text>
      </Group>
      {/* The chart's code arrives on its own: if that fails (offline, or a new version deployed since the page
          loaded), say so in its place and keep the rest of the tab working. */}
      <ErrorBoundary fallback={<ChartUnavailable />}>
        <Suspense fallback={<Skeleton h={PLOT_HEIGHT} radius="sm" />}>
          <UsagePlot data={data} />
        </Suspense>
      </ErrorBoundary>
    </Card>
  );
}

function ChartUnavailable() {
  return (
    <Center h={PLOT_HEIGHT}>
      <Alert color="gray" variant="light" title="The chart could not be loaded" role="alert">
        <Text size="sm" mb="xs">
          The counts above and the log below are up to date. Reloading the page fetches the chart again.
        </Text>
        <Button size="compact-sm" variant="default" onClick={() => window.location.reload()}>
          Reload
        </Button>
      </Alert>
    </Center>
  );
}
