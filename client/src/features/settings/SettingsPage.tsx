import { Navigate, useNavigate, useParams } from 'react-router';
import { Container, Tabs, Title } from '@mantine/core';
import { SETTINGS_TABS } from './tabs';

export function SettingsPage() {
  const { tab } = useParams();
  const navigate = useNavigate();
  const current = SETTINGS_TABS.find((t) => t.value === tab);
  if (!current) return <Navigate to="/settings/developers" replace />;
  return (
    <Container size="xl" px={0}>
      <Title order={1} size="h2" mb="md">
        Settings
      </Title>
      <Tabs value={current.value} onChange={(v) => v && navigate(`/settings/${v}`)} keepMounted={false}>
        <Tabs.List mb="lg">
          {SETTINGS_TABS.map((t) => (
            <Tabs.Tab key={t.value} value={t.value}>
              {t.label}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {SETTINGS_TABS.map((t) => (
          <Tabs.Panel key={t.value} value={t.value}>
            <t.component />
          </Tabs.Panel>
        ))}
      </Tabs>
    </Container>
  );
}
