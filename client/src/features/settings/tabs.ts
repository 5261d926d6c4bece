import type { ComponentType } from 'react';
import { GeneralTab } from './GeneralTab';
import { RequestLogsTab } from '../request-logs/RequestLogsTab';
import { DevelopersTab } from '../developers/DevelopersTab';

/** Settings tabs, in order; each is reachable at /settings/<value>. */
export const SETTINGS_TABS: Array<{ value: string; label: string; component: ComponentType }> = [
  { value: 'general', label: 'General', component: GeneralTab },
  { value: 'developers', label: 'Developers', component: DevelopersTab },
  { value: 'logs', label: 'Request logs', component: RequestLogsTab },
];
