import { z } from 'zod';
import { toWindow } from '../contacts/service.js';
import { NotFoundError } from '../errors.js';
import * as fields from '../fields.js';
import { type Page, toWindowPage, withinPageLimits } from '../pagination.js';
import type { ContactRepository, SegmentRepository, Window } from '../ports.js';
import { parseInput } from '../validation.js';
import type { NewSegmentInput, Segment, SegmentChanges } from './segment.js';

export const newSegmentSchema = z.strictObject({
  name: fields.segmentName,
  description: fields.segmentDescription.optional(),
});

export const segmentChangesSchema = z.strictObject({
  name: fields.segmentName.optional(),
  description: fields.segmentDescription.optional(),
});

export const contactIdsSchema = z
  .array(fields.uuid('Every contact id'), { error: 'Contact ids must be an array of UUIDs.' })
  .min(1, `List 1 to ${fields.LIMITS.bulkContactIds} contact ids.`)
  .max(fields.LIMITS.bulkContactIds, `List 1 to ${fields.LIMITS.bulkContactIds} contact ids.`);

const { isUuid } = fields;

/** Validated ids without repeats; UUIDs compare case-insensitively, as PostgreSQL compares them. */
function distinctIds(contactIds: string[]): string[] {
  const valid = parseInput(z.object({ contactIds: contactIdsSchema }), { contactIds }).contactIds;
  return [...new Set(valid.map((id) => id.toLowerCase()))];
}

/** Static segments of one workspace and their membership. */
export class SegmentService {
  constructor(
    private readonly segments: SegmentRepository,
    private readonly contacts: ContactRepository,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** @throws MissingFieldError | InvalidFieldError */
  async create(workspaceId: string, input: NewSegmentInput): Promise<Segment> {
    const valid = parseInput(newSegmentSchema, input);
    const now = this.now();
    const segment: Segment = {
      id: crypto.randomUUID(),
      workspaceId,
      name: valid.name,
      description: valid.description ?? null,
      createdAt: now,
      updatedAt: now,
    };
    await this.segments.insert(segment);
    return segment;
  }

  /** @throws NotFoundError */
  async get(workspaceId: string, id: string): Promise<Segment> {
    const segment = isUuid(id) ? await this.segments.findById(workspaceId, id) : null;
    if (!segment) throw new NotFoundError('segment', id);
    return segment;
  }

  /** @throws NotFoundError | InvalidFieldError */
  async update(workspaceId: string, id: string, changes: SegmentChanges): Promise<Segment> {
    const valid = parseInput(segmentChangesSchema, changes);
    if (valid.name === undefined && valid.description === undefined) return this.get(workspaceId, id);
    const updated = isUuid(id)
      ? await this.segments.update(workspaceId, id, { ...valid, updatedAt: this.now() })
      : null;
    if (!updated) throw new NotFoundError('segment', id);
    return updated;
  }

  /** Deletes the segment and its memberships; its contacts stay. @throws NotFoundError */
  async delete(workspaceId: string, id: string): Promise<void> {
    const deleted = isUuid(id) && (await this.segments.delete(workspaceId, id));
    if (!deleted) throw new NotFoundError('segment', id);
  }

  /** Newest first, keyset-paginated. @throws InvalidFieldError for a malformed cursor */
  async list(
    workspaceId: string,
    query: { limit?: number; cursor?: string; before?: string } = {},
  ): Promise<Page<Segment>> {
    return this.listWindow(workspaceId, toWindow(query));
  }

  /**
   * Adds contacts to the segment, all or nothing.
   * @returns how many were not members before (repeats and members don't count)
   * @throws NotFoundError when the segment, or any of the contacts, is not in the workspace
   */
  async addContacts(workspaceId: string, segmentId: string, contactIds: string[]): Promise<number> {
    const ids = distinctIds(contactIds);
    await this.get(workspaceId, segmentId);
    const { found, added } = await this.segments.addMembers(workspaceId, segmentId, ids);
    if (found !== ids.length) throw new NotFoundError('contact');
    return added;
  }

  /**
   * Removes contacts from the segment; contacts that are not members are fine.
   * Like adding, all or nothing: every id must be a contact of the workspace.
   * @returns how many were members
   * @throws NotFoundError when the segment, or any of the contacts, is not in the workspace
   */
  async removeContacts(workspaceId: string, segmentId: string, contactIds: string[]): Promise<number> {
    const ids = distinctIds(contactIds);
    await this.get(workspaceId, segmentId);
    if ((await this.contacts.existingIds(workspaceId, ids)).length !== ids.length)
      throw new NotFoundError('contact');
    return this.segments.removeMembers(workspaceId, segmentId, ids);
  }

  /** Idempotent single add. @throws NotFoundError when the segment or the contact is not in the workspace */
  async addContact(workspaceId: string, segmentId: string, contactId: string): Promise<void> {
    if (!isUuid(contactId)) throw new NotFoundError('contact', contactId);
    await this.addContacts(workspaceId, segmentId, [contactId]);
  }

  /**
   * Idempotent single remove: a contact of the workspace that is not a member is fine.
   * @throws NotFoundError when the segment or the contact is not in the workspace
   */
  async removeContact(workspaceId: string, segmentId: string, contactId: string): Promise<void> {
    if (!isUuid(contactId)) throw new NotFoundError('contact', contactId);
    await this.get(workspaceId, segmentId);
    const removed = await this.segments.removeMembers(workspaceId, segmentId, [contactId]);
    if (removed === 0 && (await this.contacts.existingIds(workspaceId, [contactId])).length === 0) {
      throw new NotFoundError('contact', contactId);
    }
  }

  /** The segments among `ids` that are in the workspace, in any order; other ids are skipped. */
  async findByIds(workspaceId: string, ids: string[]): Promise<Segment[]> {
    const valid = fields.distinctUuids(ids);
    return valid.length === 0 ? [] : this.segments.findByIds(workspaceId, valid);
  }

  /** One page over a keyset window in either direction (see `toWindowPage`). */
  async listWindow(workspaceId: string, window: Window): Promise<Page<Segment>> {
    const bounded = withinPageLimits(window);
    return toWindowPage(await this.segments.list(workspaceId, bounded), bounded);
  }

  /**
   * For each contact, one page of the segments it is a member of, in one statement for the
   * whole batch (what keeps GraphQL's `contacts { segments }` from being N+1). Pages come in
   * the order of `contactIds`; an id that is not a contact of the workspace gets an empty page.
   */
  async listForContacts(workspaceId: string, contactIds: string[], window: Window): Promise<Page<Segment>[]> {
    const bounded = withinPageLimits(window);
    const valid = fields.distinctUuids(contactIds);
    const rows =
      valid.length === 0
        ? new Map<string, Segment[]>()
        : await this.segments.listForContacts(workspaceId, valid, bounded);
    return contactIds.map((id) => toWindowPage(rows.get(id.toLowerCase()) ?? [], bounded));
  }
}
