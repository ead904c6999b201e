import { Migration } from '@mikro-orm/migrations';

/**
 * The first schema. `workspace_id` leads every primary key and unique index so the
 * tables can be distributed by workspace; timestamps keep milliseconds only, so a
 * keyset cursor built from a JS Date matches the stored value exactly.
 */
export class Migration20261126000000_init extends Migration {
  override async up(): Promise<void> {
    this.addSql('create extension if not exists pg_trgm;');

    this.addSql(`create table workspaces (
      id uuid primary key,
      name text not null,
      created_at timestamptz(3) not null
    );`);

    this.addSql(`create table api_keys (
      workspace_id uuid not null references workspaces (id) on delete cascade,
      id uuid not null,
      prefix text not null,
      key_hash text not null,
      created_at timestamptz(3) not null,
      revoked_at timestamptz(3),
      primary key (workspace_id, id)
    );`);
    // Authentication looks a key up by its hash before it knows the workspace.
    // Not unique on purpose: 238 random bits cannot collide, and unique indexes
    // stay led by workspace_id.
    this.addSql('create index api_keys_key_hash_idx on api_keys (key_hash);');
    this.addSql('create index api_keys_id_idx on api_keys (id);');

    this.addSql(`create table contacts (
      workspace_id uuid not null references workspaces (id) on delete cascade,
      id uuid not null,
      email text not null,
      first_name text,
      last_name text,
      status text not null check (status in ('subscribed', 'unsubscribed')),
      properties jsonb not null default '{}'::jsonb,
      created_at timestamptz(3) not null,
      updated_at timestamptz(3) not null,
      primary key (workspace_id, id)
    );`);
    this.addSql('create unique index contacts_email_unique on contacts (workspace_id, lower(email));');
    this.addSql('create index contacts_newest_idx on contacts (workspace_id, created_at desc, id desc);');
    this.addSql(
      'create index contacts_status_newest_idx on contacts (workspace_id, status, created_at desc, id desc);',
    );
    this.addSql('create index contacts_email_trgm_idx on contacts using gin (lower(email) gin_trgm_ops);');
    // With the default statistics target '%smith%' is estimated at 0.01% instead of
    // ~1%, and the planner picks a bitmap scan and sort over walking newest-first.
    this.addSql('alter index contacts_email_unique alter column 2 set statistics 1000;');
    this.addSql('alter index contacts_email_trgm_idx alter column 1 set statistics 1000;');

    this.addSql(`create table segments (
      workspace_id uuid not null references workspaces (id) on delete cascade,
      id uuid not null,
      name text not null,
      description text,
      created_at timestamptz(3) not null,
      updated_at timestamptz(3) not null,
      primary key (workspace_id, id)
    );`);
    this.addSql('create index segments_newest_idx on segments (workspace_id, created_at desc, id desc);');

    // contact_created_at copies the contact's (immutable) created_at so that a
    // segment's members page newest-first from this table's own index, with one
    // good plan for every segment, instead of joining and sorting.
    this.addSql(`create table segment_memberships (
      workspace_id uuid not null,
      segment_id uuid not null,
      contact_id uuid not null,
      contact_created_at timestamptz(3) not null,
      created_at timestamptz(3) not null,
      primary key (workspace_id, segment_id, contact_id),
      foreign key (workspace_id, segment_id) references segments (workspace_id, id) on delete cascade,
      foreign key (workspace_id, contact_id) references contacts (workspace_id, id) on delete cascade
    );`);
    this.addSql(
      'create index segment_memberships_newest_idx on segment_memberships (workspace_id, segment_id, contact_created_at desc, contact_id desc);',
    );
    this.addSql(
      'create index segment_memberships_contact_idx on segment_memberships (workspace_id, contact_id);',
    );
  }

  override async down(): Promise<void> {
    this.addSql('drop table if exists segment_memberships, segments, contacts, api_keys, workspaces;');
  }
}
