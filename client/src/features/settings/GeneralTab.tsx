import { Anchor, Avatar, Badge, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconBuildingStore } from '@tabler/icons-react';
import { useQuery } from '@apollo/client/react';
import { ME } from '../auth/auth.graphql';
import { formatDate } from '../../lib/format';

/** The merchant's shops: the first one from sign-up, and headless shops created through NEW_SHOP keys. */
export function GeneralTab() {
  const { data } = useQuery(ME, { fetchPolicy: 'cache-and-network' });
  const me = data?.me;
  if (!me) return null;
  return (
    <Stack>
      <div>
        <Title order={2} size="h4">
          Your shops
        </Title>
        <Text c="dimmed" size="sm">
          Signed in as {me.email}. API keys are issued per shop in the Developers tab.
        </Text>
      </div>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
        {me.shops.map((shop, i) => (
          <Card key={shop.id} withBorder padding="lg" radius="md" aria-label={`Shop ${shop.name}`}>
            <Group wrap="nowrap" align="flex-start">
              <Avatar src={shop.logoUrl} alt="" radius="md" size="lg" color="indigo">
                <IconBuildingStore />
              </Avatar>
              <Stack gap={4} style={{ minWidth: 0 }}>
                <Group gap="xs">
                  <Text fw={600} truncate>
                    {shop.name}
                  </Text>
                  {i === 0 && <Badge variant="light">Primary</Badge>}
                  {shop.isHeadless && (
                    <Badge variant="light" color="grape">
                      Headless
                    </Badge>
                  )}
                </Group>
                {shop.url && (
                  <Anchor href={shop.url} target="_blank" rel="noreferrer" size="sm" truncate>
                    {shop.url}
                  </Anchor>
                )}
                <Text size="xs" c="dimmed">
                  Created {formatDate(shop.createdAt)} · up to {shop.maxActiveKeys} active {shop.maxActiveKeys === 1 ? 'key' : 'keys'}
                </Text>
              </Stack>
            </Group>
          </Card>
        ))}
      </SimpleGrid>
    </Stack>
  );
}
