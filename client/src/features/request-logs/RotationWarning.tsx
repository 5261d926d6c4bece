import { useMemo, useState } from 'react';
import { Alert, List, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useQuery } from '@apollo/client/react';
import dayjs from 'dayjs';
import { PREVIOUS_SECRET_USE } from './request-logs.graphql';

/** How far back a call with the previous secret still counts as "in use". */
const RECENT_MS = 60 * 60 * 1000;

const recentWindowStart = () => new Date(Date.now() - RECENT_MS).toISOString();

/**
 * During a rotation, who still calls with the previous secret? Ending the
 * grace period now would break them, so say so while it is still true.
 */
export function RotationWarning({ shopId, pollInterval }: { shopId: string | null; pollInterval: number }) {
  // Fixed when the view opens, so the variables (and Apollo's cache entry) stay stable between renders.
  const [from] = useState(recentWindowStart);
  const { data } = useQuery(PREVIOUS_SECRET_USE, { variables: { filter: { usedPreviousSecret: true, shopId, from } }, pollInterval });
  const keys = useMemo(() => {
    const byKey = new Map<string, { name: string; partialKey: string; validUntil: string; last: string; calls: number }>();
    for (const { node } of data?.apiRequestLogs.edges ?? []) {
      const rotation = node.apiKey.rotation;
      if (!rotation) continue; // rotation already over: nothing left to warn about
      const k = byKey.get(node.apiKey.id);
      if (k) k.calls += 1;
      else byKey.set(node.apiKey.id, { name: node.apiKey.name, partialKey: rotation.previousPartialKey, validUntil: rotation.previousValidUntil, last: node.at, calls: 1 });
    }
    return [...byKey.values()];
  }, [data]);
  if (keys.length === 0) return null;
  return (
    <Alert color="yellow" variant="light" icon={<IconAlertTriangle />} title="The previous secret is still in use" role="alert">
      <Text size="sm" mb={4}>
        These keys are being rotated, but partners still call with the old secret. Update them before the grace period ends.
      </Text>
      <List size="sm">
        {keys.map((k) => (
          <List.Item key={k.partialKey}>
            <strong>{k.name}</strong> ({k.partialKey}): {k.calls >= 200 ? '200+' : k.calls} {k.calls === 1 ? 'call' : 'calls'} in the last hour, last{' '}
            {dayjs(k.last).format('HH:mm:ss')}; old secret stops {dayjs(k.validUntil).format('MMM D, HH:mm')}
          </List.Item>
        ))}
      </List>
    </Alert>
  );
}
