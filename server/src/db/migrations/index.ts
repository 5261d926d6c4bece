import { InitialSchema1763900000000 } from './1763900000000-initial-schema';

/** Every migration, in order. Applied at start on both dialects. */
export const MIGRATIONS = [InitialSchema1763900000000];
