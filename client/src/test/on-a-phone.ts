import { NARROW_QUERY } from '../lib/layout';

/** For the tests of a describe block: a phone-sized screen, where the dashboard's one width query matches. */
export function onAPhone(): void {
  const original = window.matchMedia;
  beforeEach(() => {
    window.matchMedia = ((query: string) => ({ ...original(query), matches: query === NARROW_QUERY })) as typeof window.matchMedia;
  });
  afterEach(() => {
    window.matchMedia = original;
  });
}
