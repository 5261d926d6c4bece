import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MantineProvider } from '@mantine/core';
import { ColorSchemeToggle } from './ColorSchemeToggle';

const KEY = 'mantine-color-scheme-value';

function renderToggle() {
  return render(
    <MantineProvider defaultColorScheme="auto">
      <ColorSchemeToggle />
    </MantineProvider>,
  );
}

describe('ColorSchemeToggle', () => {
  beforeEach(() => localStorage.clear());

  it('offers dark on a light system, switches the page and keeps the choice in this browser', async () => {
    renderToggle();
    await userEvent.click(await screen.findByRole('button', { name: 'Switch to dark theme' }));
    expect(document.documentElement).toHaveAttribute('data-mantine-color-scheme', 'dark');
    expect(localStorage.getItem(KEY)).toBe('dark');
    await userEvent.click(screen.getByRole('button', { name: 'Switch to light theme' }));
    expect(document.documentElement).toHaveAttribute('data-mantine-color-scheme', 'light');
    expect(localStorage.getItem(KEY)).toBe('light');
  });

  it('starts from the stored choice', async () => {
    localStorage.setItem(KEY, 'dark');
    renderToggle();
    expect(await screen.findByRole('button', { name: 'Switch to light theme' })).toBeInTheDocument();
  });
});
