import { contactIdsSchema, fields, LIMITS } from '@pristinesend/domain';
import { z } from 'zod';
import { defineRoute } from '../routing.js';
import { AddContactsResultSchema, SegmentListSchema, SegmentSchema } from '../schemas.js';
import { pageToWire, segmentToWire } from '../wire.js';

const listQuery = z.object({
  limit: fields.limit.optional().meta({
    description: `Page size: default ${LIMITS.pageDefault}; larger than ${LIMITS.pageMax} is clamped.`,
  }),
  cursor: fields.cursor.optional().meta({ description: 'The `next_cursor` of the previous page.' }),
});

const segmentName = fields.segmentName.meta({
  description: `1 to ${LIMITS.segmentNameChars} characters; need not be unique.`,
  minLength: 1,
  maxLength: LIMITS.segmentNameChars,
  examples: ['Pro customers'],
});
const segmentDescription = fields.segmentDescription.optional().meta({
  description: `At most ${LIMITS.segmentDescriptionChars} characters, or null.`,
  maxLength: LIMITS.segmentDescriptionChars,
});

const createBody = z.strictObject({ name: segmentName, description: segmentDescription }).meta({
  id: 'SegmentCreate',
});

const updateBody = z
  .strictObject({ name: segmentName.optional(), description: segmentDescription })
  .meta({ id: 'SegmentUpdate' });

const addContactsBody = z
  .strictObject({
    contact_ids: contactIdsSchema.meta({
      description: `1 to ${LIMITS.bulkContactIds} contact ids; repeats count once.`,
    }),
  })
  .meta({ id: 'AddContacts' });

const segmentId = { id: "The segment's id." };
const membership = { id: "The segment's id.", contact_id: "The contact's id." };

/** `/api/v1/segments` and membership: one entry per operation, registered and documented from here. */
export const segmentRoutes = [
  defineRoute({
    method: 'GET',
    url: '/segments',
    operationId: 'listSegments',
    tag: 'Segments',
    summary: 'List segments',
    description: 'Newest first, paginated by cursor like contacts.',
    query: listQuery,
    status: 200,
    response: SegmentListSchema,
    errors: ['invalid_field'],
    handler: async ({ services, workspaceId, query }) =>
      pageToWire(await services.segments.list(workspaceId, query), segmentToWire),
  }),
  defineRoute({
    method: 'POST',
    url: '/segments',
    operationId: 'createSegment',
    tag: 'Segments',
    summary: 'Create a segment',
    description: 'A static segment: its members are managed through the membership operations.',
    body: createBody,
    status: 201,
    response: SegmentSchema,
    errors: ['missing_field', 'invalid_field'],
    handler: async ({ services, workspaceId, body }) =>
      segmentToWire(await services.segments.create(workspaceId, body)),
  }),
  defineRoute({
    method: 'GET',
    url: '/segments/:id',
    operationId: 'getSegment',
    tag: 'Segments',
    summary: 'Get a segment',
    description: "An unknown id, a malformed one and another workspace's are all `404 not_found`.",
    params: segmentId,
    status: 200,
    response: SegmentSchema,
    errors: ['not_found'],
    handler: async ({ services, workspaceId, params }) =>
      segmentToWire(await services.segments.get(workspaceId, params.id)),
  }),
  defineRoute({
    method: 'PATCH',
    url: '/segments/:id',
    operationId: 'updateSegment',
    tag: 'Segments',
    summary: 'Update a segment',
    description: 'Every field is optional; `{}` changes nothing and returns the segment.',
    params: segmentId,
    body: updateBody,
    status: 200,
    response: SegmentSchema,
    errors: ['invalid_field', 'not_found'],
    handler: async ({ services, workspaceId, params, body }) =>
      segmentToWire(await services.segments.update(workspaceId, params.id, body)),
  }),
  defineRoute({
    method: 'DELETE',
    url: '/segments/:id',
    operationId: 'deleteSegment',
    tag: 'Segments',
    summary: 'Delete a segment',
    description: 'Its memberships go; its contacts stay.',
    params: segmentId,
    status: 204,
    errors: ['not_found'],
    handler: async ({ services, workspaceId, params }) => {
      await services.segments.delete(workspaceId, params.id);
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/segments/:id/contacts',
    operationId: 'addContactsToSegment',
    tag: 'Segments',
    summary: 'Add contacts to a segment',
    description:
      'All or nothing: if any id is not a contact of this workspace the answer is `404 not_found` and nothing is added. A malformed id is `400 invalid_field` (`param: "contact_ids"`).',
    params: segmentId,
    body: addContactsBody,
    status: 200,
    response: AddContactsResultSchema,
    errors: ['missing_field', 'invalid_field', 'not_found'],
    handler: async ({ services, workspaceId, params, body }) => ({
      added: await services.segments.addContacts(workspaceId, params.id, body.contact_ids),
    }),
  }),
  defineRoute({
    method: 'PUT',
    url: '/segments/:id/contacts/:contact_id',
    operationId: 'addContactToSegment',
    tag: 'Segments',
    summary: 'Add a contact to a segment',
    description: 'Idempotent: adding a member again is `204` too. Both must be in the workspace.',
    params: membership,
    status: 204,
    errors: ['not_found'],
    handler: async ({ services, workspaceId, params }) => {
      await services.segments.addContact(workspaceId, params.id, params.contact_id);
    },
  }),
  defineRoute({
    method: 'DELETE',
    url: '/segments/:id/contacts/:contact_id',
    operationId: 'removeContactFromSegment',
    tag: 'Segments',
    summary: 'Remove a contact from a segment',
    description: 'Idempotent: removing a non-member is `204` too. Both must be in the workspace.',
    params: membership,
    status: 204,
    errors: ['not_found'],
    handler: async ({ services, workspaceId, params }) => {
      await services.segments.removeContact(workspaceId, params.id, params.contact_id);
    },
  }),
];
