import { NavLink as RouterNavLink, Outlet, useLocation, useNavigate } from 'react-router';
import { AppShell, Avatar, Burger, Group, Menu, NavLink, Text, ThemeIcon, UnstyledButton } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconChevronDown, IconKey, IconLogout } from '@tabler/icons-react';
import { useApolloClient, useMutation, useQuery } from '@apollo/client/react';
import { ME, SIGN_OUT } from '../auth/auth.graphql';
import { NAV_ITEMS } from './nav';
import { ColorSchemeToggle } from './ColorSchemeToggle';

export function AppLayout() {
  const [opened, { toggle, close }] = useDisclosure();
  const { data } = useQuery(ME, { fetchPolicy: 'cache-first' });
  const [signOut] = useMutation(SIGN_OUT);
  const apollo = useApolloClient();
  const navigate = useNavigate();
  const location = useLocation();
  const email = data?.me?.email ?? '';

  async function handleSignOut() {
    await signOut();
    await apollo.clearStore();
    navigate('/signin', { replace: true });
  }

  return (
    <AppShell header={{ height: 60 }} navbar={{ width: 240, breakpoint: 'sm', collapsed: { mobile: !opened } }} padding="lg">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between">
          <Group gap="xs">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label="Toggle navigation" />
            <ThemeIcon size="md" radius="md">
              <IconKey size={16} />
            </ThemeIcon>
            <Text fw={700}>Keysmith</Text>
          </Group>
          <Group gap="sm" wrap="nowrap">
            <ColorSchemeToggle />
            <Menu position="bottom-end" withinPortal>
              <Menu.Target>
                <UnstyledButton title="Account menu">
                  <Group gap={8}>
                    <Avatar size="sm" radius="xl" color="indigo" aria-hidden>
                      {email.slice(0, 1).toUpperCase()}
                    </Avatar>
                    <Text size="sm" visibleFrom="xs">
                      {email}
                    </Text>
                    <IconChevronDown size={14} />
                  </Group>
                </UnstyledButton>
              </Menu.Target>
              <Menu.Dropdown>
                <Menu.Item leftSection={<IconLogout size={14} />} onClick={() => void handleSignOut()}>
                  Sign out
                </Menu.Item>
              </Menu.Dropdown>
            </Menu>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="sm" aria-label="Main navigation">
        <Text size="xs" fw={600} c="dimmed" tt="uppercase" px="sm" py="xs">
          Settings
        </Text>
        {NAV_ITEMS.map((item) => (
          <NavLink
            key={item.to}
            component={RouterNavLink}
            to={item.to}
            label={item.label}
            leftSection={<item.icon size={18} />}
            active={location.pathname.startsWith(item.to)}
            onClick={close}
          />
        ))}
      </AppShell.Navbar>
      <AppShell.Main bg="var(--ks-surface-muted)">
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
