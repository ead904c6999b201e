import { z } from 'zod';
import { InvalidFieldError, NotFoundError } from '../errors.js';
import * as fields from '../fields.js';
import { decodeCursor, type Page, toWindowPage, withinPageLimits } from '../pagination.js';
import type { ContactRepository, SegmentRepository, Window } from '../ports.js';
import { parseInput } from '../validation.js';
import type { Contact, ContactChanges, ContactListFilters, NewContactInput } from './contact.js';
import { properties, propertiesLimitViolation, splitPropertiesPatch } from './properties.js';

export const newContactSchema = z.strictObject({
  email: fields.email,
  firstName: fields.personName('First name').optional(),
  lastName: fields.personName('Last name').optional(),
  status: fields.status.optional(),
  properties: properties.optional(),
});

export const contactChangesSchema = z.strictObject({
  email: fields.immutableEmail,
  firstName: fields.personName('First name').optional(),
  lastName: fields.personName('Last name').optional(),
  status: fields.status.optional(),
  properties: properties.optional(),
});

export interface ListQuery extends ContactListFilters {
  limit?: number;
  /** Opaque cursor from `nextCursor`: the page after it. */
  cursor?: string;
  /** Opaque cursor: the page just before it (newer items), for backward paging. */
  before?: string;
}

export function toWindow(query: { limit?: number; cursor?: string; before?: string }): Window {
  // Clamped to the page limits by listWindow, the one path every list takes.
  const limit = query.limit ?? fields.LIMITS.pageDefault;
  return {
    limit,
    ...(query.cursor !== undefined && { after: decodeCursor(query.cursor) }),
    ...(query.before !== undefined && { before: decodeCursor(query.before, 'before') }),
  };
}

/** Contacts of one workspace: every rule of the contract lives here once. */
export class ContactService {
  constructor(
    private readonly contacts: ContactRepository,
    private readonly segments: SegmentRepository,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /**
   * @throws MissingFieldError | InvalidFieldError for bad input
   * @throws ConflictError when the email exists in the workspace, in any case
   */
  async create(workspaceId: string, input: NewContactInput): Promise<Contact> {
    const valid = parseInput(newContactSchema, input);
    const now = this.now();
    const contact: Contact = {
      id: crypto.randomUUID(),
      workspaceId,
      email: valid.email,
      firstName: valid.firstName ?? null,
      lastName: valid.lastName ?? null,
      status: valid.status ?? 'subscribed',
      // null means "absent", on create as on update
      properties: splitPropertiesPatch(valid.properties ?? {}).set,
      createdAt: now,
      updatedAt: now,
    };
    await this.contacts.insert(contact);
    return contact;
  }

  /** @throws NotFoundError */
  async get(workspaceId: string, id: string): Promise<Contact> {
    const contact = fields.isUuid(id) ? await this.contacts.findById(workspaceId, id) : null;
    if (!contact) throw new NotFoundError('contact', id);
    return contact;
  }

  /**
   * Changes names and status, and merges properties key by key (`null` removes a
   * key) atomically, so concurrent updates of different keys lose nothing.
   * @throws NotFoundError
   * @throws InvalidFieldError when the input, or the merged properties, break a limit
   */
  async update(workspaceId: string, id: string, changes: ContactChanges): Promise<Contact> {
    const valid = parseInput(contactChangesSchema, changes);
    const { email: _email, ...rest } = valid;
    if (Object.values(rest).every((value) => value === undefined)) return this.get(workspaceId, id);
    if (!fields.isUuid(id)) throw new NotFoundError('contact', id);
    const updated = await this.contacts.update(
      workspaceId,
      id,
      {
        firstName: valid.firstName,
        lastName: valid.lastName,
        status: valid.status,
        properties: valid.properties && splitPropertiesPatch(valid.properties),
        updatedAt: this.now(),
      },
      {
        check: (merged) => {
          const violation = propertiesLimitViolation(merged);
          if (violation) throw new InvalidFieldError('properties', `After the merge: ${violation}`);
        },
        maxKeys: fields.LIMITS.propertiesKeys,
        maxJsonBytes: fields.LIMITS.propertiesBytes,
      },
    );
    if (!updated) throw new NotFoundError('contact', id);
    return updated;
  }

  /** Deletes the contact and its segment memberships. @throws NotFoundError */
  async delete(workspaceId: string, id: string): Promise<void> {
    const deleted = fields.isUuid(id) && (await this.contacts.delete(workspaceId, id));
    if (!deleted) throw new NotFoundError('contact', id);
  }

  /**
   * Newest first, keyset-paginated; filters combine.
   * @throws InvalidFieldError for a malformed cursor
   * @throws NotFoundError when `segmentId` is not a segment of the workspace
   */
  async list(workspaceId: string, query: ListQuery = {}): Promise<Page<Contact>> {
    const { limit, cursor, before, ...filters } = query;
    return this.listWindow(workspaceId, filters, toWindow({ limit, cursor, before }));
  }

  /** The contacts among `ids` that are in the workspace, in any order; other ids are skipped. */
  async findByIds(workspaceId: string, ids: string[]): Promise<Contact[]> {
    const valid = fields.distinctUuids(ids);
    return valid.length === 0 ? [] : this.contacts.findByIds(workspaceId, valid);
  }

  /**
   * One page over a keyset window in either direction: `after` pages towards older
   * contacts, `before` towards newer ones (see `toWindowPage`). Filters combine as in `list`.
   * @throws NotFoundError when `filters.segmentId` is not a segment of the workspace
   */
  async listWindow(workspaceId: string, filters: ContactListFilters, window: Window): Promise<Page<Contact>> {
    const bounded = withinPageLimits(window);
    if (filters.segmentId !== undefined) {
      const segment = fields.isUuid(filters.segmentId)
        ? await this.segments.findById(workspaceId, filters.segmentId)
        : null;
      if (!segment) throw new NotFoundError('segment', filters.segmentId);
    }
    const rows = await this.contacts.list(workspaceId, withoutEmptySearch(filters), bounded);
    return toWindowPage(rows, bounded);
  }

  /**
   * For each segment, one page of its members under the same filters and window, in one
   * statement for the whole batch (what keeps GraphQL's `segments { contacts }` from being
   * N+1). Pages come in the order of `segmentIds`; an id that is not a segment of the
   * workspace gets an empty page.
   */
  async listForSegments(
    workspaceId: string,
    segmentIds: string[],
    filters: Omit<ContactListFilters, 'segmentId'>,
    window: Window,
  ): Promise<Page<Contact>[]> {
    const bounded = withinPageLimits(window);
    const valid = fields.distinctUuids(segmentIds);
    const rows =
      valid.length === 0
        ? new Map<string, Contact[]>()
        : await this.contacts.listForSegments(workspaceId, valid, withoutEmptySearch(filters), bounded);
    return segmentIds.map((id) => toWindowPage(rows.get(id.toLowerCase()) ?? [], bounded));
  }
}

/** An empty search matches everything: it is no filter at all. */
function withoutEmptySearch<F extends { search?: string }>(filters: F): F {
  if (filters.search !== '') return filters;
  const { search: _search, ...rest } = filters;
  return rest as F;
}
