import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261126000000_init } from './Migration20261126000000_init.js';
import { Migration20261126010000_idempotency } from './Migration20261126010000_idempotency.js';

/** Every migration, in order. Listed explicitly: nothing globs .ts files at run time. */
export const migrationsList: MigrationObject[] = [
  { name: 'Migration20261126000000_init', class: Migration20261126000000_init },
  { name: 'Migration20261126010000_idempotency', class: Migration20261126010000_idempotency },
];
