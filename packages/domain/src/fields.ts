import { z } from 'zod';
import { codePointLength, isStorableText } from './text.js';

/**
 * Field schemas shared by every adapter. Adapters compose their wire shapes
 * (snake_case for REST, camelCase for tRPC and GraphQL) from these, so each limit
 * is written once and an error's `param` is named as the client wrote it.
 */

export const LIMITS = {
  emailChars: 254,
  nameChars: 256,
  propertiesKeys: 100,
  propertyKeyChars: 100,
  propertiesBytes: 16 * 1024,
  /** Not in the contract: a bound on nesting so no JSON value can exhaust a parser's stack. */
  propertiesDepth: 32,
  segmentNameChars: 200,
  segmentDescriptionChars: 1000,
  searchChars: 254,
  pageDefault: 50,
  pageMax: 100,
  bulkContactIds: 1000,
} as const;

/** A string of at most `max` code points that PostgreSQL can store unchanged. */
export function text(label: string, max: number) {
  return z
    .string({ error: `${label} must be a string.` })
    .refine((value) => codePointLength(value) <= max, `${label} must be at most ${max} characters.`)
    .refine(isStorableText, `${label} must not contain NUL characters or unpaired surrogates.`);
}

export const email = z
  .string({ error: 'Email must be a string.' })
  .trim()
  .refine((value) => value.length > 0, 'Email is not a valid email address.')
  .refine(
    (value) => codePointLength(value) <= LIMITS.emailChars,
    `Email must be at most ${LIMITS.emailChars} characters.`,
  )
  .pipe(z.email({ error: 'Email is not a valid email address.' }));

/** Present in an update only to be refused: an email never changes after creation. */
export const immutableEmail = z.never({ error: 'Email cannot be changed after creation.' }).optional();

export const personName = (label: string) => text(label, LIMITS.nameChars).nullable();

export const CONTACT_STATUSES = ['subscribed', 'unsubscribed'] as const;
export type ContactStatus = (typeof CONTACT_STATUSES)[number];
export const status = z.enum(CONTACT_STATUSES, { error: "Status must be 'subscribed' or 'unsubscribed'." });

/** Any canonical 8-4-4-4-12 hex UUID, as PostgreSQL accepts it. */
export const uuid = (label: string) => z.guid({ error: `${label} must be a UUID.` });

const anyUuid = uuid('id');
/** Whether a value is a UUID; one schema, built once, for the hot paths. */
export const isUuid = (value: string): boolean => anyUuid.safeParse(value).success;

/** The well-formed UUIDs of a batch, each once: malformed ids can match nothing, repeats count once. */
export const distinctUuids = (ids: readonly string[]): string[] => [...new Set(ids.filter(isUuid))];

export const segmentName = text('Name', LIMITS.segmentNameChars).refine(
  (value) => value.length > 0,
  'Name must not be empty.',
);
export const segmentDescription = text('Description', LIMITS.segmentDescriptionChars).nullable();

export const search = text('Search', LIMITS.searchChars);

/** Query-string limit: decimal digits only, at least 1, clamped to the maximum. */
export const limit = z
  .string({ error: 'Limit must be a whole number of at least 1.' })
  .regex(/^[0-9]+$/, 'Limit must be a whole number of at least 1.')
  // Any run of digits: a value too large for a number becomes Infinity and is clamped.
  .transform(Number)
  .refine((value) => value >= 1, 'Limit must be a whole number of at least 1.')
  .transform((value) => Math.min(value, LIMITS.pageMax));

/** Numeric limit for typed transports (tRPC, GraphQL): a whole number ≥ 1, clamped. */
export const limitNumber = z
  .number({ error: 'Limit must be a whole number of at least 1.' })
  .int('Limit must be a whole number of at least 1.')
  .min(1, 'Limit must be a whole number of at least 1.')
  .transform((value) => Math.min(value, LIMITS.pageMax));

export const cursor = z.string({ error: 'Cursor must be a string.' }).max(512, 'Cursor is malformed.');
