import type { ReactNode } from 'react';
import { Center, Group, Paper, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconKey } from '@tabler/icons-react';

export function AuthCard({ title, subtitle, children }: { title: string; subtitle: ReactNode; children: ReactNode }) {
  return (
    <Center mih="100vh" bg="var(--ks-surface-muted)" p="md">
      <Stack w={400} gap="lg">
        <Group gap="xs" justify="center">
          <ThemeIcon size="lg" radius="md" variant="filled">
            <IconKey size={20} />
          </ThemeIcon>
          <Text fw={700} size="xl">
            Keysmith
          </Text>
        </Group>
        <Paper withBorder shadow="sm" p="xl" radius="lg">
          <Title order={2} size="h3" mb={4}>
            {title}
          </Title>
          <Text c="dimmed" size="sm" mb="lg">
            {subtitle}
          </Text>
          {children}
        </Paper>
      </Stack>
    </Center>
  );
}
