import { ForeignKeyConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { NotFoundError, type Segment, type SegmentRepository, type Window } from '@pristinesend/domain';
import { sql, uuidArray } from '../sql.js';
import { SEGMENT_COLUMNS, type SegmentRow, toSegment } from './rows.js';
import { keyset } from './window.js';

export class MikroOrmSegmentRepository implements SegmentRepository {
  constructor(private readonly em: EntityManager) {}

  async insert(segment: Segment): Promise<void> {
    await sql(
      this.em,
      'insert into segments (workspace_id, id, name, description, created_at, updated_at) values (?, ?, ?, ?, ?, ?)',
      [
        segment.workspaceId,
        segment.id,
        segment.name,
        segment.description,
        segment.createdAt,
        segment.updatedAt,
      ],
    );
  }

  async findById(workspaceId: string, id: string): Promise<Segment | null> {
    const rows = await sql<SegmentRow>(
      this.em,
      `select ${SEGMENT_COLUMNS} from segments s where s.workspace_id = ? and s.id = ?`,
      [workspaceId, id],
    );
    return rows[0] ? toSegment(rows[0]) : null;
  }

  async update(
    workspaceId: string,
    id: string,
    changes: { name?: string; description?: string | null; updatedAt: Date },
  ): Promise<Segment | null> {
    const sets = ['updated_at = ?'];
    const bindings: unknown[] = [changes.updatedAt];
    if (changes.name !== undefined) {
      sets.push('name = ?');
      bindings.push(changes.name);
    }
    if (changes.description !== undefined) {
      sets.push('description = ?');
      bindings.push(changes.description);
    }
    const rows = await sql<SegmentRow>(
      this.em,
      `update segments s set ${sets.join(', ')} where s.workspace_id = ? and s.id = ? returning ${SEGMENT_COLUMNS}`,
      [...bindings, workspaceId, id],
    );
    return rows[0] ? toSegment(rows[0]) : null;
  }

  async delete(workspaceId: string, id: string): Promise<boolean> {
    const rows = await sql(this.em, 'delete from segments where workspace_id = ? and id = ? returning id', [
      workspaceId,
      id,
    ]);
    return rows.length > 0;
  }

  async list(workspaceId: string, window: Window): Promise<Segment[]> {
    const page = keyset('s.created_at', 's.id', window);
    const rows = await sql<SegmentRow>(
      this.em,
      `select ${SEGMENT_COLUMNS} from segments s where s.workspace_id = ? ${page.condition} ${page.order} limit ?`,
      [workspaceId, ...page.bindings, window.limit + 1],
    );
    return (page.reversed ? rows.reverse() : rows).map(toSegment);
  }

  async addMembers(
    workspaceId: string,
    segmentId: string,
    contactIds: string[],
  ): Promise<{ found: number; added: number }> {
    try {
      // One statement, all or nothing: rows are inserted only when every id was found.
      const rows = await sql<{ found: string; added: string }>(
        this.em,
        `with found as (
           select id, created_at from contacts where workspace_id = ? and id = any(?::uuid[])
         ), inserted as (
           insert into segment_memberships (workspace_id, segment_id, contact_id, contact_created_at, created_at)
           select ?, ?, found.id, found.created_at, ? from found
           where (select count(*) from found) = ?
           on conflict do nothing
           returning 1
         )
         select (select count(*) from found) as found, (select count(*) from inserted) as added`,
        [workspaceId, uuidArray(contactIds), workspaceId, segmentId, new Date(), contactIds.length],
      );
      return { found: Number(rows[0]?.found ?? 0), added: Number(rows[0]?.added ?? 0) };
    } catch (error) {
      // The segment or a contact was deleted while the memberships were being added.
      if (error instanceof ForeignKeyConstraintViolationException)
        throw new NotFoundError('segment', segmentId);
      throw error;
    }
  }

  async removeMembers(workspaceId: string, segmentId: string, contactIds: string[]): Promise<number> {
    const rows = await sql(
      this.em,
      'delete from segment_memberships where workspace_id = ? and segment_id = ? and contact_id = any(?::uuid[]) returning 1',
      [workspaceId, segmentId, uuidArray(contactIds)],
    );
    return rows.length;
  }

  async findByIds(workspaceId: string, ids: string[]): Promise<Segment[]> {
    const rows = await sql<SegmentRow>(
      this.em,
      `select ${SEGMENT_COLUMNS} from segments s where s.workspace_id = ? and s.id = any(?::uuid[])`,
      [workspaceId, uuidArray(ids)],
    );
    return rows.map(toSegment);
  }

  async listForContacts(
    workspaceId: string,
    contactIds: string[],
    window: Window,
  ): Promise<Map<string, Segment[]>> {
    // One LATERAL subquery per contact over its memberships, so the batch is one statement.
    const page = keyset('s.created_at', 's.id', window);
    const rows = await sql<SegmentRow & { contact_id: string }>(
      this.em,
      `select batch.contact_id, page.* from unnest(?::uuid[]) as batch(contact_id)
       cross join lateral (
         select ${SEGMENT_COLUMNS} from segment_memberships m
         join segments s on s.workspace_id = m.workspace_id and s.id = m.segment_id
         where m.workspace_id = ? and m.contact_id = batch.contact_id
         ${page.condition} ${page.order} limit ?
       ) page
       order by batch.contact_id, page.created_at desc, page.id desc`,
      [uuidArray(contactIds), workspaceId, ...page.bindings, window.limit + 1],
    );
    const byContact = new Map<string, Segment[]>();
    for (const row of rows) {
      const segments = byContact.get(row.contact_id) ?? [];
      segments.push(toSegment(row));
      byContact.set(row.contact_id, segments);
    }
    return byContact;
  }
}
