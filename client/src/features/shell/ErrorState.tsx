import { Alert, Button, Center, Stack } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { describeError } from '../../lib/errors';

export function ErrorState({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  return (
    <Center p="xl">
      <Stack maw={480}>
        <Alert color="red" variant="light" icon={<IconAlertTriangle />} title="Could not load this page" role="alert">
          {describeError(error).message}
        </Alert>
        {onRetry && (
          <Button variant="default" onClick={onRetry}>
            Try again
          </Button>
        )}
      </Stack>
    </Center>
  );
}
