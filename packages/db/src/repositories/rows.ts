import type { ApiKey, Contact, ContactStatus, Properties, Segment, Workspace } from '@pristinesend/domain';

/** Column lists and row → domain mappings, written once for every query. */

/** The number written by the ASCII digits `text[start..end)`; NaN if any is not a digit. */
function digits(text: string, start: number, end: number): number {
  let value = 0;
  for (let index = start; index < end; index++) {
    const digit = text.charCodeAt(index) - 48;
    if (digit < 0 || digit > 9) return Number.NaN;
    value = value * 10 + digit;
  }
  return value;
}

/**
 * PostgreSQL's text for a UTC timestamptz (`2026-11-26 13:00:00.123+00`, with 0 to 3
 * fraction digits) as milliseconds since the epoch, or NaN for any other form.
 */
function utcMillis(text: string): number {
  const length = text.length;
  if (length < 22 || length > 26 || !text.endsWith('+00') || text[4] !== '-' || text[10] !== ' ') {
    return Number.NaN;
  }
  const fractionDigits = length - 23;
  if (fractionDigits > 0 && text[19] !== '.') return Number.NaN;
  const fraction = fractionDigits > 0 ? digits(text, 20, length - 3) * 10 ** (3 - fractionDigits) : 0;
  return Date.UTC(
    digits(text, 0, 4),
    digits(text, 5, 7) - 1,
    digits(text, 8, 10),
    digits(text, 11, 13),
    digits(text, 14, 16),
    digits(text, 17, 19),
    fraction,
  );
}

/**
 * MikroORM's connection hands timestamps over as PostgreSQL's text so nothing is lost
 * on the way; parse them here. The UTC form (a session in UTC, servers' usual default)
 * is read digit by digit: `Date`'s string parser was the most expensive line of a list page.
 */
export function toDate(value: string | Date): Date {
  if (value instanceof Date) return value;
  const millis = utcMillis(value);
  if (!Number.isNaN(millis)) return new Date(millis);
  return new Date(value.replace(' ', 'T').replace(/([+-]\d\d)$/, '$1:00'));
}

function toNullableDate(value: string | Date | null): Date | null {
  return value === null ? null : toDate(value);
}

export const CONTACT_COLUMNS =
  'c.id, c.workspace_id, c.email, c.first_name, c.last_name, c.status, c.properties, c.created_at, c.updated_at';

export interface ContactRow {
  id: string;
  workspace_id: string;
  email: string;
  first_name: string | null;
  last_name: string | null;
  status: ContactStatus;
  properties: Properties;
  created_at: string | Date;
  updated_at: string | Date;
}

export function toContact(row: ContactRow): Contact {
  return {
    id: row.id,
    workspaceId: row.workspace_id,
    email: row.email,
    firstName: row.first_name,
    lastName: row.last_name,
    status: row.status,
    properties: row.properties,
    createdAt: toDate(row.created_at),
    updatedAt: toDate(row.updated_at),
  };
}

export const SEGMENT_COLUMNS = 's.id, s.workspace_id, s.name, s.description, s.created_at, s.updated_at';

export interface SegmentRow {
  id: string;
  workspace_id: string;
  name: string;
  description: string | null;
  created_at: string | Date;
  updated_at: string | Date;
}

export function toSegment(row: SegmentRow): Segment {
  return {
    id: row.id,
    workspaceId: row.workspace_id,
    name: row.name,
    description: row.description,
    createdAt: toDate(row.created_at),
    updatedAt: toDate(row.updated_at),
  };
}

export interface WorkspaceRow {
  id: string;
  name: string;
  created_at: string | Date;
}

export function toWorkspace(row: WorkspaceRow): Workspace {
  return { id: row.id, name: row.name, createdAt: toDate(row.created_at) };
}

export interface ApiKeyRow {
  id: string;
  workspace_id: string;
  prefix: string;
  key_hash: string;
  created_at: string | Date;
  revoked_at: string | Date | null;
}

export function toApiKey(row: ApiKeyRow): ApiKey {
  return {
    id: row.id,
    workspaceId: row.workspace_id,
    prefix: row.prefix,
    keyHash: row.key_hash,
    createdAt: toDate(row.created_at),
    revokedAt: toNullableDate(row.revoked_at),
  };
}
