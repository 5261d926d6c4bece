import { useMediaQuery } from '@mantine/hooks';

/**
 * Below this width the dashboard's wide tables (keys: 900 px, request logs: 820 px) no longer
 * fit beside the navigation, and their lists show one card per item instead.
 */
export const NARROW_QUERY = '(max-width: 61.99em)';

/** True on a phone or a narrow tablet. Read during the first render, so a phone never draws the table first. */
export function useNarrow(): boolean {
  return useMediaQuery(NARROW_QUERY, false, { getInitialValueInEffect: false });
}
