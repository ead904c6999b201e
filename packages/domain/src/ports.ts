import type { Contact, ContactListFilters } from './contacts/contact.js';
import type { Properties, PropertiesPatch } from './contacts/properties.js';
import type { ContactStatus } from './fields.js';
import type { IdempotencyStore } from './idempotency/idempotency.js';
import type { Position } from './pagination.js';
import type { Segment } from './segments/segment.js';
import type { ApiKey, Workspace } from './workspaces/workspace.js';

/**
 * Keyset window over the newest-first order. `after` pages towards older items;
 * `before` pages towards newer ones (rows come back newest first either way).
 */
export interface Window {
  limit: number;
  after?: Position;
  before?: Position;
}

export interface ContactUpdate {
  firstName?: string | null;
  lastName?: string | null;
  status?: ContactStatus;
  properties?: PropertiesPatch;
  updatedAt: Date;
}

/** What merged properties must satisfy before an update commits. */
export interface MergedPropertiesRule {
  /** Throws when the merged object breaks a limit. */
  check(properties: Properties): void;
  /**
   * Limits `check` enforces on the key count and on the UTF-8 bytes of `JSON.stringify`:
   * a repository that can prove the merged object within both inside its write may
   * skip calling `check`.
   */
  maxKeys: number;
  maxJsonBytes: number;
}

export interface ContactRepository {
  /** @throws ConflictError when the email exists in the workspace (any case). */
  insert(contact: Contact): Promise<void>;
  findById(workspaceId: string, id: string): Promise<Contact | null>;
  /** Ids among `ids` that are contacts of the workspace. */
  existingIds(workspaceId: string, ids: string[]): Promise<string[]>;
  /**
   * Applies the changes atomically; the merged properties must pass `merged` before
   * they are committed, and a throw from `merged.check` leaves the contact unchanged.
   */
  update(
    workspaceId: string,
    id: string,
    update: ContactUpdate,
    merged: MergedPropertiesRule,
  ): Promise<Contact | null>;
  delete(workspaceId: string, id: string): Promise<boolean>;
  /** `window.limit + 1` rows at most, newest first. */
  list(workspaceId: string, filters: ContactListFilters, window: Window): Promise<Contact[]>;
  /** The contacts among `ids` (UUIDs) that belong to the workspace, in any order. */
  findByIds(workspaceId: string, ids: string[]): Promise<Contact[]>;
  /**
   * For each segment, the members a `list` with `segmentId` would return (same filters and
   * window, `window.limit + 1` rows at most, newest first), in one statement for the batch.
   * Segments without rows are absent from the map.
   */
  listForSegments(
    workspaceId: string,
    segmentIds: string[],
    filters: Omit<ContactListFilters, 'segmentId'>,
    window: Window,
  ): Promise<Map<string, Contact[]>>;
}

export interface SegmentRepository {
  insert(segment: Segment): Promise<void>;
  findById(workspaceId: string, id: string): Promise<Segment | null>;
  update(
    workspaceId: string,
    id: string,
    changes: { name?: string; description?: string | null; updatedAt: Date },
  ): Promise<Segment | null>;
  delete(workspaceId: string, id: string): Promise<boolean>;
  list(workspaceId: string, window: Window): Promise<Segment[]>;
  /**
   * Adds the contacts in one statement, all or nothing: when fewer than all of the
   * (distinct) ids are contacts of the workspace, nothing is added.
   */
  addMembers(
    workspaceId: string,
    segmentId: string,
    contactIds: string[],
  ): Promise<{ found: number; added: number }>;
  /** Returns how many of the contacts were members. */
  removeMembers(workspaceId: string, segmentId: string, contactIds: string[]): Promise<number>;
  /** The segments among `ids` (UUIDs) that belong to the workspace, in any order. */
  findByIds(workspaceId: string, ids: string[]): Promise<Segment[]>;
  /**
   * For each contact, the segments it is a member of over the window (`window.limit + 1`
   * rows at most, newest first), in one statement for the batch. Contacts without rows are
   * absent from the map.
   */
  listForContacts(workspaceId: string, contactIds: string[], window: Window): Promise<Map<string, Segment[]>>;
}

export interface WorkspaceRepository {
  insert(workspace: Workspace): Promise<void>;
  findById(id: string): Promise<Workspace | null>;
  count(): Promise<number>;
}

export interface ApiKeyRepository {
  insert(key: ApiKey): Promise<void>;
  findByHash(keyHash: string): Promise<ApiKey | null>;
  /** @returns false when no such key exists. */
  revoke(id: string, at: Date): Promise<boolean>;
}

/** Every port the services need, implemented by the persistence package. */
export interface Repositories {
  idempotency: IdempotencyStore;
  contacts: ContactRepository;
  segments: SegmentRepository;
  workspaces: WorkspaceRepository;
  apiKeys: ApiKeyRepository;
}
