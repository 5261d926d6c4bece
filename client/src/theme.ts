import { alpha, createTheme, type CSSVariablesResolver } from '@mantine/core';

export const theme = createTheme({
  primaryColor: 'indigo',
  // Shade 7 keeps links and buttons at WCAG AA contrast on white.
  primaryShade: 7,
  defaultRadius: 'md',
  fontFamily: 'Inter, system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
  headings: { fontWeight: '650' },
});

/**
 * Colours that differ by colour scheme, in one place:
 * - Mantine's default "dimmed" grey is below AA contrast (4.5:1) in both schemes: a darker one in light,
 *   a lighter one in dark (its default, dark.2, measures 3.5-4.3 on the dark surfaces);
 * - `--ks-surface-muted`: the page behind the cards (and the scope preview), a step away from the cards' colour;
 * - `--ks-attention-icon`: the rotation notice's icon, at 3:1 contrast or more on its yellow-tinted row;
 * - orange's light variant in dark (the key-limit notice, shown for as long as a shop is at its limit):
 *   Mantine 9 makes it a near-solid brown block, louder than anything else on the page, with a near-white
 *   icon; a faint tint and an orange icon say "attention" there.
 */
export const cssVariablesResolver: CSSVariablesResolver = (t) => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': t.colors.gray[7] as string,
    '--ks-surface-muted': t.colors.gray[0] as string,
    '--ks-attention-icon': t.colors.yellow[9] as string,
  },
  dark: {
    '--mantine-color-dimmed': t.colors.dark[1] as string,
    '--ks-surface-muted': t.colors.dark[8] as string,
    '--ks-attention-icon': t.colors.yellow[4] as string,
    '--mantine-color-orange-light': alpha(t.colors.orange[6] as string, 0.12),
    '--mantine-color-orange-light-hover': alpha(t.colors.orange[6] as string, 0.2),
    '--mantine-color-orange-light-color': t.colors.orange[5] as string,
  },
});
