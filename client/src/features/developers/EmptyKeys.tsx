import { Button, EmptyState } from '@mantine/core';
import { IconKey, IconPlus } from '@tabler/icons-react';

/** No keys yet: say what a key is for, and offer to make one. */
export function EmptyKeys({ showingRevoked, onCreate, canCreate }: { showingRevoked: boolean; onCreate: () => void; canCreate: boolean }) {
  return (
    <EmptyState
      py={48}
      px="md"
      variant="light"
      icon={<IconKey size={26} />}
      title={showingRevoked ? 'No API keys' : 'No active API keys'}
      description="An API key lets a partner integration, or your own code, call your shop's GraphQL API. You choose what it may do and when it expires; the key itself is shown once."
    >
      <EmptyState.Actions>
        <Button leftSection={<IconPlus size={16} />} onClick={onCreate} disabled={!canCreate}>
          Create your first key
        </Button>
      </EmptyState.Actions>
    </EmptyState>
  );
}
