import { randomBytes } from 'node:crypto';
import { createOrm, createRepositories, type MikroORM } from '@pristinesend/db';
import { createServices, type Services } from '@pristinesend/domain';
import { inject } from 'vitest';
import { withDatabase, withDatabaseName } from './admin.js';
import './provided-context.js';

/**
 * A clock whose every reading is at least 1 ms after the last: rows a test creates one
 * after another get distinct `created_at`, so "newest first" is the order they were made.
 * (The server breaks ties in the same millisecond by id, which a test cannot predict.)
 */
export function tickingClock(): () => Date {
  let last = 0;
  return () => {
    last = Math.max(Date.now(), last + 1);
    return new Date(last);
  };
}

export interface TestDatabase {
  url: string;
  orm: MikroORM;
  services: Services;
  close(): Promise<void>;
}

/**
 * A fresh database for the calling test file, cloned from the migrated template
 * made by the global setup: real PostgreSQL, real migrations, no shared rows. The
 * services read `now` (by default a clock that ticks at every reading).
 */
export async function createTestDatabase(options: { now?: () => Date } = {}): Promise<TestDatabase> {
  const { serverUrl, template } = inject('testDatabase');
  const name = `${template}_${randomBytes(4).toString('hex')}`;
  await withDatabase(serverUrl, (client) => client.query(`create database ${name} template ${template}`));
  const url = withDatabaseName(serverUrl, name);
  const orm = await createOrm(url, { poolSize: 30 });
  return {
    url,
    orm,
    services: createServices(createRepositories(orm), options.now ?? tickingClock()),
    close: async () => {
      await orm.close();
      await withDatabase(serverUrl, (client) => client.query(`drop database if exists ${name} with (force)`));
    },
  };
}
