import { Migration } from '@mikro-orm/migrations';

/**
 * Idempotency keys live in PostgreSQL, not in a process, so a retry that lands on
 * another instance sees the first response.
 */
export class Migration20261126010000_idempotency extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table idempotency_keys (
      workspace_id uuid not null references workspaces (id) on delete cascade,
      key text not null,
      fingerprint text not null,
      status integer,
      body text,
      created_at timestamptz(3) not null,
      locked_at timestamptz(3) not null,
      primary key (workspace_id, key)
    );`);
    // The sweep deletes by age across workspaces.
    this.addSql('create index idempotency_keys_created_idx on idempotency_keys (created_at);');
  }

  override async down(): Promise<void> {
    this.addSql('drop table if exists idempotency_keys;');
  }
}
