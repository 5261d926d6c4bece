// Sets the colour scheme before the app's script runs, so a dark-scheme page is never painted light
// first. Mantine's ColorSchemeScript does the same as an inline script, which the dashboard's
// Content-Security-Policy (server/src/http/spa.ts) does not allow. Same key and rules as the
// MantineProvider in src/main.tsx: the stored choice, else the system's.
try {
  var stored = window.localStorage.getItem('mantine-color-scheme-value');
  var scheme = stored === 'light' || stored === 'dark' ? stored : window.matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
  document.documentElement.setAttribute('data-mantine-color-scheme', scheme);
} catch (e) {
  // No storage (private mode, blocked): MantineProvider decides once it runs.
}
