import { InitialSchema1763900000000 } from './1763900000000-initial-schema';
import { InventoryPageIndex1764000000000 } from './1764000000000-inventory-page-index';
import { LogRetentionById1765000000000 } from './1765000000000-log-retention-by-id';

/** Every migration, in order. Applied at start on both dialects. */
export const MIGRATIONS = [InitialSchema1763900000000, InventoryPageIndex1764000000000, LogRetentionById1765000000000];
