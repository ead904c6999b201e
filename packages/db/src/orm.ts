import { Migrator } from '@mikro-orm/migrations';
import { MikroORM } from '@mikro-orm/postgresql';
import { entities } from './entities.js';
import { migrationsList } from './migrations/index.js';

export interface OrmOptions {
  /** Largest number of pooled connections (default 10). */
  poolSize?: number;
}

/** Connects MikroORM to PostgreSQL; call `migrate` before serving. */
export async function createOrm(databaseUrl: string, options: OrmOptions = {}): Promise<MikroORM> {
  return MikroORM.init({
    clientUrl: databaseUrl,
    entities,
    extensions: [Migrator],
    migrations: { migrationsList, transactional: true, allOrNothing: true, snapshot: false, silent: true },
    pool: { min: 0, max: options.poolSize ?? 10 },
    discovery: { warnWhenNoEntities: false },
    debug: false,
    // Repositories never use the identity map; forks are made where transactions are.
    allowGlobalContext: true,
  });
}

/** Applies every pending migration; returns the names applied. */
export async function migrate(orm: MikroORM): Promise<string[]> {
  const applied = await orm.getMigrator().up();
  return applied.map((migration) => migration.name);
}

/** True when the database is reachable and no migration is pending. */
export async function isReady(orm: MikroORM): Promise<boolean> {
  try {
    return (await orm.getMigrator().getPendingMigrations()).length === 0;
  } catch {
    return false;
  }
}
