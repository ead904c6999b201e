import type { MikroORM } from '@mikro-orm/postgresql';
import type { Repositories } from '@pristinesend/domain';
import { MikroOrmContactRepository } from './repositories/contacts.js';
import { MikroOrmIdempotencyStore } from './repositories/idempotency.js';
import { MikroOrmSegmentRepository } from './repositories/segments.js';
import { MikroOrmApiKeyRepository, MikroOrmWorkspaceRepository } from './repositories/workspaces.js';

export type { MikroORM } from '@mikro-orm/postgresql';
export { type EmbeddedDatabase, type EmbeddedOptions, freePort, startEmbeddedPostgres } from './embedded.js';
export { entities } from './entities.js';
export { migrationsList } from './migrations/index.js';
export { createOrm, isReady, migrate, type OrmOptions } from './orm.js';
export { STATEMENT_CHANNEL } from './sql.js';

/** The domain's ports, implemented on MikroORM's PostgreSQL connection. */
export function createRepositories(orm: MikroORM): Repositories {
  const em = orm.em;
  return {
    contacts: new MikroOrmContactRepository(em),
    segments: new MikroOrmSegmentRepository(em),
    workspaces: new MikroOrmWorkspaceRepository(em),
    apiKeys: new MikroOrmApiKeyRepository(em),
    idempotency: new MikroOrmIdempotencyStore(em),
  };
}
