export { type ClientOptions, PristineSend } from './client.js';
export {
  APIConnectionError,
  APIConnectionTimeoutError,
  AuthenticationError,
  ConflictError,
  type ErrorDetails,
  IdempotencyConflictError,
  InternalServerError,
  InvalidRequestError,
  NotFoundError,
  PristineSendError,
  RateLimitError,
  ValidationError,
} from './errors.js';
export type { Fetch, RequestOptions } from './http.js';
export { Page, PagePromise, type PageResponse } from './pagination.js';
export type { Contacts } from './resources/contacts.js';
export type { Segments } from './resources/segments.js';
export type {
  AddContactsResult,
  Contact,
  ContactCreateParams,
  ContactListParams,
  ContactStatus,
  ContactUpdateParams,
  ListParams,
  Segment,
  SegmentCreateParams,
  SegmentListParams,
  SegmentUpdateParams,
} from './types.js';
export { VERSION } from './version.js';
