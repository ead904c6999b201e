// Response objects are typed exactly as the wire gives them (snake_case); input types accept both
// spellings of each multi-word field, which the SDK sends as snake_case.

/** A contact's subscription status. */
export type ContactStatus = 'subscribed' | 'unsubscribed';

/** A contact, as the API returns it. */
export interface Contact {
  id: string;
  email: string;
  first_name: string | null;
  last_name: string | null;
  status: ContactStatus;
  /** Arbitrary JSON metadata. */
  properties: Record<string, unknown>;
  /** ISO-8601 timestamp with millisecond precision. */
  created_at: string;
  /** ISO-8601 timestamp with millisecond precision. */
  updated_at: string;
}

/** Fields of a new contact. `first_name` and `firstName` are the same field; pass either. */
export interface ContactCreateParams {
  email: string;
  first_name?: string | null | undefined;
  firstName?: string | null | undefined;
  last_name?: string | null | undefined;
  lastName?: string | null | undefined;
  /** Defaults to `'subscribed'`. */
  status?: ContactStatus | undefined;
  /** A JSON object of metadata. */
  properties?: Record<string, unknown> | undefined;
}

/** Fields to change; those left out stay. The email never changes. */
export interface ContactUpdateParams {
  first_name?: string | null | undefined;
  firstName?: string | null | undefined;
  last_name?: string | null | undefined;
  lastName?: string | null | undefined;
  status?: ContactStatus | undefined;
  /** Merged into the stored properties key by key; a key set to `null` is removed. */
  properties?: Record<string, unknown> | undefined;
}

/** Parameters shared by every list call. */
export interface ListParams {
  /** Items per page: default 50, at most 100 (larger values are clamped). */
  limit?: number | undefined;
  /** A `next_cursor` from an earlier page; omit for the first page. */
  cursor?: string | null | undefined;
}

/** Filters for listing contacts; they combine with each other and with pagination. */
export interface ContactListParams extends ListParams {
  status?: ContactStatus | undefined;
  /** A case-insensitive substring of the email, taken literally. */
  search?: string | undefined;
  /** Only members of this segment. `segment_id` and `segmentId` are the same parameter. */
  segment_id?: string | undefined;
  segmentId?: string | undefined;
}

/** A static segment: a named set of contacts. */
export interface Segment {
  id: string;
  name: string;
  description: string | null;
  /** ISO-8601 timestamp with millisecond precision. */
  created_at: string;
  /** ISO-8601 timestamp with millisecond precision. */
  updated_at: string;
}

export interface SegmentCreateParams {
  /** 1 to 200 characters; need not be unique. */
  name: string;
  /** At most 1000 characters. */
  description?: string | null | undefined;
}

export interface SegmentUpdateParams {
  name?: string | undefined;
  description?: string | null | undefined;
}

export type SegmentListParams = ListParams;

/** The result of adding contacts to a segment in bulk. */
export interface AddContactsResult {
  /** How many contacts were newly added; existing members and repeated ids do not count. */
  added: number;
}
