/**
 * The SDK's hand-written types agree with the OpenAPI document: checked by `tsc`
 * (`pnpm typecheck`), not at run time. `openapi-types.gen.ts` is generated from the
 * document by `pnpm openapi:types`; openapi.types.test.ts checks it is up to date.
 * A field added, removed or retyped on either side fails to compile here.
 */
import type {
  AddContactsResult,
  Contact,
  ContactCreateParams,
  ContactListParams,
  ContactUpdateParams,
  PageResponse,
  Segment,
  SegmentCreateParams,
  SegmentListParams,
  SegmentUpdateParams,
} from 'pristinesend';
import type { components, operations } from './openapi-types.gen.js';

type Schemas = components['schemas'];
type Json<T> = T extends { content: { 'application/json': infer Body } } ? Body : never;
type Query<O extends keyof operations> = NonNullable<operations[O]['parameters']['query']>;

/** Same keys, and each side assignable to the other. */
type Agree<A, B> = [keyof A, keyof B] extends [keyof B, keyof A]
  ? [A] extends [B]
    ? [B] extends [A]
      ? true
      : false
    : false
  : false;
type Check<T extends true> = T;

// Responses: exactly what the server sends.
export type Checks = [
  Check<Agree<Contact, Schemas['Contact']>>,
  Check<Agree<Segment, Schemas['Segment']>>,
  Check<Agree<PageResponse<Contact>, Schemas['ContactList']>>,
  Check<Agree<PageResponse<Segment>, Schemas['SegmentList']>>,
  Check<Agree<AddContactsResult, Schemas['AddContactsResult']>>,
  Check<Agree<Contact, Json<operations['createContact']['responses'][201]>>>,
  Check<Agree<Contact, Json<operations['getContact']['responses'][200]>>>,
  Check<Agree<Contact, Json<operations['updateContact']['responses'][200]>>>,
  Check<Agree<Segment, Json<operations['createSegment']['responses'][201]>>>,
  Check<Agree<AddContactsResult, Json<operations['addContactsToSegment']['responses'][200]>>>,
  // Request bodies: the SDK's snake_case fields are the wire's (its camelCase aliases are extra).
  Check<Agree<Omit<ContactCreateParams, 'firstName' | 'lastName'>, Schemas['ContactCreate']>>,
  // `email` is in the document only to say it is refused.
  Check<Agree<Omit<ContactUpdateParams, 'firstName' | 'lastName'>, Omit<Schemas['ContactUpdate'], 'email'>>>,
  Check<Agree<SegmentCreateParams, Schemas['SegmentCreate']>>,
  Check<Agree<SegmentUpdateParams, Schemas['SegmentUpdate']>>,
  Check<Agree<{ contact_ids: string[] }, Schemas['AddContacts']>>,
  // Query parameters (the SDK also takes `cursor: null` for "first page", and sends nothing then).
  Check<Agree<Omit<ContactListParams, 'segmentId' | 'cursor'> & { cursor?: string }, Query<'listContacts'>>>,
  Check<Agree<Omit<SegmentListParams, 'cursor'> & { cursor?: string }, Query<'listSegments'>>>,
];

// The checks have teeth: a missing field or another object does not pass.
// @ts-expect-error a contact without its email is not the document's contact
export type MissingField = Check<Agree<Omit<Contact, 'email'>, Schemas['Contact']>>;
// @ts-expect-error a contact is not a segment
export type OtherObject = Check<Agree<Contact, Schemas['Segment']>>;
