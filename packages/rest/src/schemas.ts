import { type ApiErrorCode, fields } from '@pristinesend/domain';
import { z } from 'zod';
import { HTTP_STATUS } from './errors.js';

/**
 * The REST wire's output objects as zod schemas. The serializers in wire.ts are
 * typed by them and the OpenAPI document is generated from them, so what the
 * document promises and what the server sends cannot drift apart.
 */

const id = (what: string) => z.uuid().meta({ description: `The ${what}'s id (a UUID).` });
const timestamp = (what: string) =>
  z.iso.datetime().meta({ description: `${what}: ISO-8601 in UTC, with millisecond precision.` });

export const ContactStatusSchema = z.enum(fields.CONTACT_STATUSES).meta({
  id: 'ContactStatus',
  description: 'Whether the contact receives email: exactly `subscribed` or `unsubscribed`.',
});

const contactExample = {
  id: '6f1c7a52-3d8e-4b0f-9a61-2c5d8e7f9a10',
  email: 'jane@example.com',
  first_name: 'Jane',
  last_name: 'Doe',
  status: 'subscribed',
  properties: { city: 'Seattle' },
  created_at: '2026-11-26T13:00:00.000Z',
  updated_at: '2026-11-26T13:00:00.000Z',
} as const;

export const ContactSchema = z
  .object({
    id: id('contact'),
    email: z.string().meta({
      description:
        'The address as given at creation (trimmed, case kept). Unique per workspace, compared case-insensitively; never changes.',
      examples: ['jane@example.com'],
    }),
    first_name: z
      .string()
      .nullable()
      .meta({ examples: ['Jane'] }),
    last_name: z
      .string()
      .nullable()
      .meta({ examples: ['Doe'] }),
    status: ContactStatusSchema,
    properties: z.record(z.string(), z.unknown()).meta({
      description: 'Your own metadata: a JSON object (key order is not preserved).',
      examples: [{ city: 'Seattle' }],
    }),
    created_at: timestamp('Creation time'),
    updated_at: timestamp('Last change'),
  })
  .meta({ id: 'Contact', description: 'A contact of the workspace.', examples: [contactExample] });

const segmentExample = {
  id: '0b8e4c2a-7f31-4d6e-8a95-1e3f5b7c9d20',
  name: 'Pro customers',
  description: 'Everyone on a paid plan.',
  created_at: '2026-11-26T13:00:00.000Z',
  updated_at: '2026-11-26T13:00:00.000Z',
} as const;

export const SegmentSchema = z
  .object({
    id: id('segment'),
    name: z.string().meta({ description: 'Need not be unique.', examples: ['Pro customers'] }),
    description: z
      .string()
      .nullable()
      .meta({ examples: ['Everyone on a paid plan.'] }),
    created_at: timestamp('Creation time'),
    updated_at: timestamp('Last change'),
  })
  .meta({
    id: 'Segment',
    description: 'A static segment: a named set of contacts.',
    examples: [segmentExample],
  });

/** A page of a list, newest first. */
function listOf<T extends z.ZodType>(item: T, name: string, example: unknown) {
  return z
    .object({
      data: z.array(item).meta({ description: `The ${name}s of this page, newest first.` }),
      has_more: z.boolean().meta({ description: 'Whether another page follows.' }),
      next_cursor: z.string().nullable().meta({
        description: 'Pass as `cursor` to get the next page; null when `has_more` is false. Opaque.',
      }),
    })
    .meta({
      description: `A page of ${name}s.`,
      examples: [{ data: [example], has_more: true, next_cursor: 'eyJ0IjoiMjAyNi0xMS0yNlQxMz…' }],
    });
}

export const ContactListSchema = listOf(ContactSchema, 'contact', contactExample).meta({ id: 'ContactList' });
export const SegmentListSchema = listOf(SegmentSchema, 'segment', segmentExample).meta({ id: 'SegmentList' });

export const AddContactsResultSchema = z
  .object({
    added: z.int().min(0).meta({
      description: 'How many contacts were newly added; existing members and repeated ids do not count.',
    }),
  })
  .meta({ id: 'AddContactsResult', examples: [{ added: 2 }] });

const ERROR_CODES = Object.keys(HTTP_STATUS) as [ApiErrorCode, ...ApiErrorCode[]];

export const ErrorSchema = z
  .object({
    error: z.object({
      code: z.enum(ERROR_CODES).meta({ description: 'Stable, machine-readable; branch on this.' }),
      message: z.string().meta({ description: 'For humans; may change.' }),
      param: z.string().optional().meta({
        description:
          'The field or query parameter the error is about, as you named it; only for such errors.',
      }),
      request_id: z
        .string()
        .regex(/^req_[0-9a-f]{24}$/)
        .meta({ description: 'Equal to the `X-Request-Id` header; quote it to support.' }),
    }),
  })
  .meta({
    id: 'Error',
    description: 'Every error is this envelope, with `request_id` equal to the `X-Request-Id` header.',
  });

export type WireContact = z.infer<typeof ContactSchema>;
export type WireSegment = z.infer<typeof SegmentSchema>;
export type Envelope = z.infer<typeof ErrorSchema>;
