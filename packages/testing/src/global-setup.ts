import { chmodSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createOrm, type EmbeddedDatabase, migrate, startEmbeddedPostgres } from '@pristinesend/db';
import type { TestProject } from 'vitest/node';
import { withDatabase, withDatabaseName } from './admin.js';
import './provided-context.js';

/**
 * Once per run: a PostgreSQL server (embedded by default, DATABASE_URL's server
 * otherwise) and a template database with every migration applied. Each test file
 * clones the template, so files run in parallel on their own data.
 */
export default async function setup(project: TestProject) {
  let embedded: EmbeddedDatabase | undefined;
  let serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    const root = mkdtempSync(join(tmpdir(), 'pristinesend-test-'));
    chmodSync(root, 0o755);
    embedded = await startEmbeddedPostgres({ dataDir: join(root, 'data'), ephemeral: true });
    serverUrl = embedded.url;
  }
  const template = `ps_test_${process.pid}_${Date.now().toString(36)}`;
  await withDatabase(serverUrl, (client) => client.query(`create database ${template}`));
  const orm = await createOrm(withDatabaseName(serverUrl, template), { poolSize: 2 });
  try {
    await migrate(orm);
  } finally {
    await orm.close();
  }
  project.provide('testDatabase', { serverUrl, template });

  return async () => {
    await withDatabase(serverUrl, async (client) => {
      const { rows } = await client.query<{ datname: string }>(
        'select datname from pg_database where datname like $1',
        [`${template}%`],
      );
      for (const { datname } of rows) await client.query(`drop database if exists ${datname} with (force)`);
    });
    await embedded?.stop();
  };
}
