import { useState } from 'react';
import { Alert, Button, Card, Center, Loader, Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery } from '@apollo/client/react';
import type { ApiKeyType, KeyRowFragment } from '../../gql/graphql';
import { describeError } from '../../lib/errors';
import { DEVELOPER_KEYS } from './developers.graphql';
import { everyShopFull, shopLimits, type ShopLimit } from './key-limits';
import { useKeyActions, type RevealedKey } from './use-key-actions';
import { DevelopersHeader } from './DevelopersHeader';
import { LimitNotice } from './LimitNotice';
import { KeysTable } from './KeysTable';
import { EmptyKeys } from './EmptyKeys';
import { KeyLimitsCard } from './KeyLimitsCard';
import { DeveloperDialogs, type Dialog } from './DeveloperDialogs';

/** Settings > Developers (BAC 1-8): the merchant's API keys across all their shops. */
export function DevelopersTab() {
  const [showRevoked, setShowRevoked] = useState(false);
  const [dialog, setDialog] = useState<Dialog>(null);
  // The full secret lives here, and only while the success modal is open (BAC 5).
  const [revealed, setRevealed] = useState<RevealedKey | null>(null);
  const [secretOpen, setSecretOpen] = useState(false);
  const actions = useKeyActions();
  const { data, loading, error, refetch } = useQuery(DEVELOPER_KEYS, { variables: { includeRevoked: showRevoked } });

  const keys = data?.apiKeys ?? [];
  const limits = shopLimits(data?.me?.shops ?? [], keys);
  const allFull = everyShopFull(limits);
  const regenerable = keys.find((k) => k.status === 'ACTIVE' && k.shop.id === limits[0]?.id) ?? null;
  const blockedReason = allFull ? 'Key limit reached: regenerate or revoke a key, or raise the limit.' : null;

  const open = (d: Dialog) => setDialog(d);
  const onAction = (action: 'regenerate' | 'revoke' | 'end-rotation', key: KeyRowFragment) => open({ kind: action, key });
  const openCreate = (type: ApiKeyType) => open({ kind: 'create', type });

  function reveal(r: RevealedKey) {
    setDialog(null);
    setRevealed(r);
    setSecretOpen(true);
  }

  if (error && !data) {
    return (
      <Alert color="red" variant="light" title="Could not load your API keys" role="alert">
        {describeError(error).message}
        <Button variant="default" size="xs" mt="sm" display="block" onClick={() => void refetch()}>
          Try again
        </Button>
      </Alert>
    );
  }

  return (
    <Stack gap="lg">
      <DevelopersHeader showRevoked={showRevoked} onShowRevoked={setShowRevoked} blockedReason={blockedReason} onNew={() => openCreate('CURRENT_SHOP')} />
      {allFull && (
        <LimitNotice
          limits={limits}
          regenerable={regenerable}
          onRegenerate={(key) => open({ kind: 'regenerate', key })}
          onRaiseLimit={(shop: ShopLimit) => open({ kind: 'limit', shop })}
          onNewShopKey={() => openCreate('NEW_SHOP')}
        />
      )}
      <Card withBorder radius="md" padding={0}>
        {loading && !data ? (
          <Center p="xl">
            <Loader size="sm" aria-label="Loading keys" />
          </Center>
        ) : keys.length > 0 ? (
          <KeysTable keys={keys} onAction={onAction} />
        ) : (
          <EmptyKeys showingRevoked={showRevoked} canCreate onCreate={() => openCreate(allFull ? 'NEW_SHOP' : 'CURRENT_SHOP')} />
        )}
      </Card>
      {limits.length > 0 && <KeyLimitsCard limits={limits} onEdit={(shop) => open({ kind: 'limit', shop })} />}
      <DeveloperDialogs
        dialog={dialog}
        limits={limits}
        actions={actions}
        onClose={() => setDialog(null)}
        onReveal={reveal}
        revealed={revealed}
        secretOpen={secretOpen}
        onSecretClose={() => setSecretOpen(false)}
        onSecretClosed={() => setRevealed(null)}
        notify={(message) => notifications.show({ color: 'teal', message, closeButtonProps: { 'aria-label': 'Dismiss' } })}
      />
    </Stack>
  );
}
