import type { EntityManager } from '@mikro-orm/postgresql';
import type { ApiKey, ApiKeyRepository, Workspace, WorkspaceRepository } from '@pristinesend/domain';
import { sql } from '../sql.js';
import { type ApiKeyRow, toApiKey, toWorkspace, type WorkspaceRow } from './rows.js';

export class MikroOrmWorkspaceRepository implements WorkspaceRepository {
  constructor(private readonly em: EntityManager) {}

  async insert(workspace: Workspace): Promise<void> {
    await sql(this.em, 'insert into workspaces (id, name, created_at) values (?, ?, ?)', [
      workspace.id,
      workspace.name,
      workspace.createdAt,
    ]);
  }

  async findById(id: string): Promise<Workspace | null> {
    const rows = await sql<WorkspaceRow>(
      this.em,
      'select id, name, created_at from workspaces where id = ?',
      [id],
    );
    return rows[0] ? toWorkspace(rows[0]) : null;
  }

  async count(): Promise<number> {
    const rows = await sql<{ count: string }>(this.em, 'select count(*) as count from workspaces');
    return Number(rows[0]?.count ?? 0);
  }
}

export class MikroOrmApiKeyRepository implements ApiKeyRepository {
  constructor(private readonly em: EntityManager) {}

  async insert(key: ApiKey): Promise<void> {
    await sql(
      this.em,
      'insert into api_keys (workspace_id, id, prefix, key_hash, created_at, revoked_at) values (?, ?, ?, ?, ?, ?)',
      [key.workspaceId, key.id, key.prefix, key.keyHash, key.createdAt, key.revokedAt],
    );
  }

  async findByHash(keyHash: string): Promise<ApiKey | null> {
    const rows = await sql<ApiKeyRow>(
      this.em,
      'select id, workspace_id, prefix, key_hash, created_at, revoked_at from api_keys where key_hash = ?',
      [keyHash],
    );
    return rows[0] ? toApiKey(rows[0]) : null;
  }

  async revoke(id: string, at: Date): Promise<boolean> {
    const rows = await sql(
      this.em,
      'update api_keys set revoked_at = coalesce(revoked_at, ?) where id = ? returning id',
      [at, id],
    );
    return rows.length > 0;
  }
}
