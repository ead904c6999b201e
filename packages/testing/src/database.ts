import { randomBytes } from 'node:crypto';
import { createOrm, createRepositories, type MikroORM } from '@pristinesend/db';
import { createServices, type Services } from '@pristinesend/domain';
import { inject } from 'vitest';
import { withDatabase, withDatabaseName } from './admin.js';
import './provided-context.js';

export interface TestDatabase {
  url: string;
  orm: MikroORM;
  services: Services;
  close(): Promise<void>;
}

/**
 * A fresh database for the calling test file, cloned from the migrated template
 * made by the global setup: real PostgreSQL, real migrations, no shared rows.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const { serverUrl, template } = inject('testDatabase');
  const name = `${template}_${randomBytes(4).toString('hex')}`;
  await withDatabase(serverUrl, (client) => client.query(`create database ${name} template ${template}`));
  const url = withDatabaseName(serverUrl, name);
  const orm = await createOrm(url, { poolSize: 30 });
  return {
    url,
    orm,
    services: createServices(createRepositories(orm)),
    close: async () => {
      await orm.close();
      await withDatabase(serverUrl, (client) => client.query(`drop database if exists ${name} with (force)`));
    },
  };
}
