import { ActionIcon, Code, CopyButton, Group, Tooltip } from '@mantine/core';
import { IconCheck, IconCopy } from '@tabler/icons-react';

/** A code block with a copy button beside it. */
export function CopyField({ value, label, testId, block = false }: { value: string; label: string; testId?: string; block?: boolean }) {
  return (
    <Group gap="xs" wrap="nowrap" align={block ? 'flex-start' : 'center'}>
      <Code block={block} data-testid={testId} style={{ flex: 1, wordBreak: 'break-all', whiteSpace: block ? 'pre-wrap' : undefined, fontSize: 13 }} p={block ? 'sm' : 8}>
        {value}
      </Code>
      <CopyButton value={value} timeout={2000}>
        {({ copied, copy }) => (
          <Tooltip label={copied ? 'Copied' : label} withArrow position="left">
            <ActionIcon color={copied ? 'teal' : 'gray'} variant={copied ? 'filled' : 'default'} size="lg" onClick={copy} aria-label={copied ? 'Copied' : label}>
              {copied ? <IconCheck size={16} /> : <IconCopy size={16} />}
            </ActionIcon>
          </Tooltip>
        )}
      </CopyButton>
    </Group>
  );
}
