import type { EntityManager } from '@mikro-orm/postgresql';
import type { IdempotencyRecord, IdempotencyStore } from '@pristinesend/domain';
import { sql } from '../sql.js';

export class MikroOrmIdempotencyStore implements IdempotencyStore {
  constructor(private readonly em: EntityManager) {}

  async claim(
    workspaceId: string,
    key: string,
    fingerprint: string,
    times: { now: Date; expiredBefore: Date; abandonedBefore: Date },
  ): Promise<IdempotencyRecord | 'claimed'> {
    // One statement decides, so two instances racing on a key cannot both run it.
    const claimed = await sql(
      this.em,
      `insert into idempotency_keys as k (workspace_id, key, fingerprint, status, body, created_at, locked_at)
       values (?, ?, ?, null, null, ?, ?)
       on conflict (workspace_id, key) do update
         set fingerprint = excluded.fingerprint, status = null, body = null,
             created_at = excluded.created_at, locked_at = excluded.locked_at
         where k.created_at < ?
            or (k.status is null and k.locked_at < ? and k.fingerprint = excluded.fingerprint)
       returning 1`,
      [workspaceId, key, fingerprint, times.now, times.now, times.expiredBefore, times.abandonedBefore],
    );
    if (claimed.length > 0) return 'claimed';
    const rows = await sql<IdempotencyRecord>(
      this.em,
      'select fingerprint, status, body from idempotency_keys where workspace_id = ? and key = ?',
      [workspaceId, key],
    );
    // Swept between the two statements: claim again.
    return rows[0] ?? this.claim(workspaceId, key, fingerprint, times);
  }

  async complete(workspaceId: string, key: string, status: number, body: string): Promise<void> {
    await sql(
      this.em,
      'update idempotency_keys set status = ?, body = ? where workspace_id = ? and key = ?',
      [status, body, workspaceId, key],
    );
  }

  async release(workspaceId: string, key: string): Promise<void> {
    await sql(this.em, 'delete from idempotency_keys where workspace_id = ? and key = ? and status is null', [
      workspaceId,
      key,
    ]);
  }

  async sweep(expiredBefore: Date): Promise<number> {
    const rows = await sql(this.em, 'delete from idempotency_keys where created_at < ? returning 1', [
      expiredBefore,
    ]);
    return rows.length;
  }
}
