import {
  type Contact,
  fields,
  type Page,
  type Properties,
  properties,
  type Segment,
  toIsoString,
} from '@pristinesend/domain';
import { z } from 'zod';

/**
 * tRPC speaks camelCase with ISO-8601 dates. Inputs are composed from the domain's
 * field schemas (so every limit is the domain's), outputs are written here once.
 */

/**
 * The id of the resource a procedure acts on. Any string: like a REST path segment,
 * a malformed id is simply not found.
 */
export const targetId = (param: string) => z.string({ error: `${param} must be a string.` });

/**
 * A cursor from `nextCursor`. `null` also means "the first page", so a client can
 * pass `nextCursor` back as it came (React Query's infinite queries do).
 */
export const cursorInput = fields.cursor.nullish().transform((value) => value ?? undefined);

/**
 * The domain's properties schema, typed for clients: it validates from `unknown`, but a
 * typed client should be told the JSON object it must send.
 */
export const propertiesInput = properties as z.ZodType<Properties, Properties>;

/** A contact as tRPC clients receive it. */
export interface ContactWire {
  id: string;
  email: string;
  firstName: string | null;
  lastName: string | null;
  status: Contact['status'];
  properties: Properties;
  createdAt: string;
  updatedAt: string;
}

/** A segment as tRPC clients receive it. */
export interface SegmentWire {
  id: string;
  name: string;
  description: string | null;
  createdAt: string;
  updatedAt: string;
}

/** One page of a list, as every list procedure returns it. */
export interface PageWire<T> {
  data: T[];
  hasMore: boolean;
  /** Pass back as `cursor` for the next page; null on the last page. */
  nextCursor: string | null;
}

/** The output shape of a contact. */
export function contactToWire(contact: Contact): ContactWire {
  return {
    id: contact.id,
    email: contact.email,
    firstName: contact.firstName,
    lastName: contact.lastName,
    status: contact.status,
    properties: contact.properties,
    createdAt: toIsoString(contact.createdAt),
    updatedAt: toIsoString(contact.updatedAt),
  };
}

/** The output shape of a segment. */
export function segmentToWire(segment: Segment): SegmentWire {
  return {
    id: segment.id,
    name: segment.name,
    description: segment.description,
    createdAt: toIsoString(segment.createdAt),
    updatedAt: toIsoString(segment.updatedAt),
  };
}

/** Re-wraps the domain's page as `{ data, hasMore, nextCursor }`. */
export function pageToWire<T, W>(page: Page<T>, toWire: (item: T) => W): PageWire<W> {
  return { data: page.items.map(toWire), hasMore: page.hasMore, nextCursor: page.nextCursor };
}
