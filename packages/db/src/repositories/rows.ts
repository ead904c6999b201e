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

/** Days from 1970-01-01 to a civil date, from Howard Hinnant's "chrono-compatible date algorithms". */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

/**
 * PostgreSQL's text for a UTC timestamptz (`2026-11-26 13:00:00.123+00`, with 0 to 3
 * fraction digits) as milliseconds since the epoch, or NaN for any other form. Plain
 * arithmetic: `Date.UTC` is a runtime call, and a page of contacts parses 100 of these.
 */
export function utcMillis(text: string): number {
  const length = text.length;
  if (length < 22 || length > 26 || !text.endsWith('+00') || text[4] !== '-' || text[10] !== ' ') {
    return Number.NaN;
  }
  const fractionDigits = length - 23;
  if (fractionDigits > 0 && text[19] !== '.') return Number.NaN;
  const fraction = fractionDigits > 0 ? digits(text, 20, length - 3) * 10 ** (3 - fractionDigits) : 0;
  const month = digits(text, 5, 7);
  const day = digits(text, 8, 10);
  const hours = digits(text, 11, 13);
  const minutes = digits(text, 14, 16);
  const seconds = digits(text, 17, 19);
  // PostgreSQL writes only valid instants; the bounds keep a malformed text from wrapping.
  if (!(month >= 1 && month <= 12 && day >= 1 && day <= 31 && hours < 24 && minutes < 60 && seconds < 60)) {
    return Number.NaN;
  }
  const days = daysFromCivil(digits(text, 0, 4), month, day);
  return ((days * 24 + hours) * 60 + minutes) * 60_000 + seconds * 1000 + fraction;
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
