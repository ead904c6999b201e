export * from './contacts/contact.js';
export * from './contacts/properties.js';
export {
  ContactService,
  contactChangesSchema,
  type ListQuery,
  newContactSchema,
  toWindow,
} from './contacts/service.js';
export * from './errors.js';
export * as fields from './fields.js';
export { CONTACT_STATUSES, type ContactStatus, LIMITS } from './fields.js';
export * from './idempotency/idempotency.js';
export { toIsoString } from './iso-time.js';
export * from './pagination.js';
export type * from './ports.js';
export * from './segments/segment.js';
export {
  contactIdsSchema,
  newSegmentSchema,
  SegmentService,
  segmentChangesSchema,
} from './segments/service.js';
export * from './services.js';
export * from './text.js';
export * from './validation.js';
export * from './workspaces/api-keys.js';
export * from './workspaces/service.js';
export * from './workspaces/workspace.js';
