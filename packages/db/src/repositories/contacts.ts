import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import {
  ConflictError,
  type Contact,
  type ContactListFilters,
  type ContactRepository,
  type ContactUpdate,
  type MergedPropertiesRule,
  type Window,
} from '@pristinesend/domain';
import { inTransaction, likeLiteral, sql, uuidArray } from '../sql.js';
import { CONTACT_COLUMNS, type ContactRow, toContact } from './rows.js';
import { keyset } from './window.js';

/** The status and search filters as SQL conditions on `c` (contacts), with their bindings. */
function contactFilters(filters: Omit<ContactListFilters, 'segmentId'>) {
  const conditions: string[] = [];
  const bindings: unknown[] = [];
  if (filters.status) {
    conditions.push('and c.status = ?');
    bindings.push(filters.status);
  }
  if (filters.search) {
    conditions.push(`and lower(c.email) like ? escape '\\'`);
    bindings.push(`%${likeLiteral(filters.search.toLowerCase())}%`);
  }
  return { conditions, bindings };
}

export class MikroOrmContactRepository implements ContactRepository {
  constructor(private readonly em: EntityManager) {}

  async insert(contact: Contact): Promise<void> {
    try {
      await sql(
        this.em,
        `insert into contacts (workspace_id, id, email, first_name, last_name, status, properties, created_at, updated_at)
         values (?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?)`,
        [
          contact.workspaceId,
          contact.id,
          contact.email,
          contact.firstName,
          contact.lastName,
          contact.status,
          JSON.stringify(contact.properties),
          contact.createdAt,
          contact.updatedAt,
        ],
      );
    } catch (error) {
      // The unique index on (workspace_id, lower(email)) is the rule's enforcement:
      // no check-then-insert race.
      if (error instanceof UniqueConstraintViolationException) {
        throw new ConflictError('A contact with this email already exists in this workspace.', 'email');
      }
      throw error;
    }
  }

  async findById(workspaceId: string, id: string): Promise<Contact | null> {
    const rows = await sql<ContactRow>(
      this.em,
      `select ${CONTACT_COLUMNS} from contacts c where c.workspace_id = ? and c.id = ?`,
      [workspaceId, id],
    );
    return rows[0] ? toContact(rows[0]) : null;
  }

  async existingIds(workspaceId: string, ids: string[]): Promise<string[]> {
    const rows = await sql<{ id: string }>(
      this.em,
      'select id from contacts where workspace_id = ? and id = any(?::uuid[])',
      [workspaceId, uuidArray(ids)],
    );
    return rows.map((row) => row.id);
  }

  async update(
    workspaceId: string,
    id: string,
    update: ContactUpdate,
    merged: MergedPropertiesRule,
  ): Promise<Contact | null> {
    const sets = ['updated_at = ?'];
    const bindings: unknown[] = [update.updatedAt];
    for (const [column, value] of [
      ['first_name', update.firstName],
      ['last_name', update.lastName],
      ['status', update.status],
    ] as const) {
      if (value !== undefined) {
        sets.push(`${column} = ?`);
        bindings.push(value);
      }
    }
    const scope = 'where c.workspace_id = ? and c.id = ?';
    if (!update.properties) {
      const statement = `update contacts c set ${sets.join(', ')} ${scope} returning ${CONTACT_COLUMNS}`;
      const rows = await sql<ContactRow>(this.em, statement, [...bindings, workspaceId, id]);
      return rows[0] ? toContact(rows[0]) : null;
    }
    // The merge happens in the UPDATE itself, under the row lock and on the row's latest
    // version, so concurrent patches of different keys all survive.
    const patch = [JSON.stringify(update.properties.set), JSON.stringify(update.properties.remove)];
    const mergedSql = '((c.properties || ?::jsonb) - array(select jsonb_array_elements_text(?::jsonb)))';
    const statement = `update contacts c set ${sets.join(', ')}, properties = ${mergedSql} ${scope}`;

    // One statement when PostgreSQL can prove the merged object within the limits:
    // its jsonb text is never shorter than JSON.stringify's (it adds a space after
    // every ':' and ',', escapes the same characters, and writes numbers in full where
    // JavaScript may use an exponent), so a jsonb text within maxJsonBytes is a JSON
    // text within it. Otherwise the merge runs in a transaction and `check` decides.
    const proven = await sql<ContactRow>(
      this.em,
      `${statement} and (select count(*) from jsonb_object_keys(${mergedSql})) <= ?
         and octet_length(${mergedSql}::text) <= ? returning ${CONTACT_COLUMNS}`,
      [...bindings, ...patch, workspaceId, id, ...patch, merged.maxKeys, ...patch, merged.maxJsonBytes],
    );
    if (proven[0]) return toContact(proven[0]);
    return inTransaction(this.em, async (transaction) => {
      const rows = await sql<ContactRow>(
        this.em,
        `${statement} returning ${CONTACT_COLUMNS}`,
        [...bindings, ...patch, workspaceId, id],
        { transaction },
      );
      if (!rows[0]) return null;
      const contact = toContact(rows[0]);
      merged.check(contact.properties);
      return contact;
    });
  }

  async delete(workspaceId: string, id: string): Promise<boolean> {
    const rows = await sql(this.em, 'delete from contacts where workspace_id = ? and id = ? returning id', [
      workspaceId,
      id,
    ]);
    return rows.length > 0;
  }

  async list(workspaceId: string, filters: ContactListFilters, window: Window): Promise<Contact[]> {
    const { conditions, bindings } = contactFilters(filters);
    // Members page from the membership table's own (contact_created_at, contact_id)
    // index, so a segment's newest page never sorts the whole segment.
    const members = filters.segmentId !== undefined;
    const page = members
      ? keyset('m.contact_created_at', 'm.contact_id', window)
      : keyset('c.created_at', 'c.id', window);
    const from = members
      ? `segment_memberships m join contacts c on c.workspace_id = m.workspace_id and c.id = m.contact_id
         where m.workspace_id = ? and m.segment_id = ?`
      : 'contacts c where c.workspace_id = ?';
    const scope = members ? [workspaceId, filters.segmentId] : [workspaceId];
    const rows = await sql<ContactRow>(
      this.em,
      `select ${CONTACT_COLUMNS} from ${from} ${page.condition} ${conditions.join(' ')} ${page.order} limit ?`,
      [...scope, ...page.bindings, ...bindings, window.limit + 1],
      { prepare: !filters.search },
    );
    return (page.reversed ? rows.reverse() : rows).map(toContact);
  }

  async findByIds(workspaceId: string, ids: string[]): Promise<Contact[]> {
    const rows = await sql<ContactRow>(
      this.em,
      `select ${CONTACT_COLUMNS} from contacts c where c.workspace_id = ? and c.id = any(?::uuid[])`,
      [workspaceId, uuidArray(ids)],
    );
    return rows.map(toContact);
  }

  async listForSegments(
    workspaceId: string,
    segmentIds: string[],
    filters: Omit<ContactListFilters, 'segmentId'>,
    window: Window,
  ): Promise<Map<string, Contact[]>> {
    const { conditions, bindings } = contactFilters(filters);
    // One LATERAL subquery per segment, each the same index walk a single segment's page
    // makes, so the batch costs one statement however many segments it holds.
    const page = keyset('m.contact_created_at', 'm.contact_id', window);
    const rows = await sql<ContactRow & { segment_id: string }>(
      this.em,
      `select batch.segment_id, page.* from unnest(?::uuid[]) as batch(segment_id)
       cross join lateral (
         select ${CONTACT_COLUMNS} from segment_memberships m
         join contacts c on c.workspace_id = m.workspace_id and c.id = m.contact_id
         where m.workspace_id = ? and m.segment_id = batch.segment_id
         ${page.condition} ${conditions.join(' ')} ${page.order} limit ?
       ) page
       order by batch.segment_id, page.created_at desc, page.id desc`,
      [uuidArray(segmentIds), workspaceId, ...page.bindings, ...bindings, window.limit + 1],
      { prepare: !filters.search },
    );
    const bySegment = new Map<string, Contact[]>();
    for (const row of rows) {
      const members = bySegment.get(row.segment_id) ?? [];
      members.push(toContact(row));
      bySegment.set(row.segment_id, members);
    }
    return bySegment;
  }
}
