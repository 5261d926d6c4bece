import type { Icon } from '@tabler/icons-react';
import { IconBuildingStore } from '@tabler/icons-react';
import { IconListDetails } from '@tabler/icons-react';
import { IconCode } from '@tabler/icons-react';

/** The navigation, one entry per page. Features add themselves here. */
export const NAV_ITEMS: Array<{ to: string; label: string; icon: Icon }> = [
  { to: '/settings/general', label: 'General', icon: IconBuildingStore },
  { to: '/settings/developers', label: 'Developers', icon: IconCode },
  { to: '/settings/logs', label: 'Request logs', icon: IconListDetails },
];
