import { useState } from 'react';

/**
 * The last non-null value: lets a modal keep showing what it was about
 * while it fades out after the parent has already cleared it.
 */
export function useRetained<T>(value: T | null): T | null {
  const [kept, setKept] = useState<T | null>(value);
  // Adjusting state while rendering (React's "derived state" pattern), not in an effect.
  if (value !== null && value !== kept) setKept(value);
  return value ?? kept;
}
