import { resolve } from 'node:path';
import { createOrm, type MikroORM, migrate, startEmbeddedPostgres } from '@pristinesend/db';
import type { Env } from './env.js';

export interface Database {
  orm: MikroORM;
  /** `embedded` when the project started its own PostgreSQL. */
  kind: 'embedded' | 'external';
  close(): Promise<void>;
}

/**
 * Connects to DATABASE_URL, or without it starts the embedded PostgreSQL with its
 * data under PRISTINESEND_DATA_DIR (reusing it when the server already runs it),
 * then applies pending migrations.
 */
export async function openDatabase(env: Env, log: (message: string) => void = () => {}): Promise<Database> {
  const embedded = env.DATABASE_URL
    ? undefined
    : await startEmbeddedPostgres({
        dataDir: resolve(env.PRISTINESEND_DATA_DIR, 'postgres'),
        port: env.PRISTINESEND_EMBEDDED_PG_PORT,
      });
  const url = env.DATABASE_URL ?? (embedded?.url as string);
  try {
    const orm = await createOrm(url, { poolSize: env.PRISTINESEND_DB_POOL_SIZE });
    const applied = await migrate(orm);
    if (applied.length > 0) log(`applied migrations: ${applied.join(', ')}`);
    return {
      orm,
      kind: embedded ? 'embedded' : 'external',
      close: async () => {
        await orm.close();
        await embedded?.stop();
      },
    };
  } catch (error) {
    await embedded?.stop();
    throw error;
  }
}
