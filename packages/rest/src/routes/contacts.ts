import { fields, LIMITS, properties } from '@pristinesend/domain';
import { z } from 'zod';
import { defineRoute } from '../routing.js';
import { ContactListSchema, ContactSchema } from '../schemas.js';
import { contactToWire, pageToWire } from '../wire.js';

const name = (label: 'first_name' | 'last_name') =>
  fields
    .personName(label)
    .optional()
    .meta({ description: `At most ${LIMITS.nameChars} characters, or null.`, maxLength: LIMITS.nameChars });

const propertiesField = (description: string) =>
  properties.optional().meta({ description, examples: [{ city: 'Seattle', plan: { tier: 'pro' } }] });

const listQuery = z.object({
  limit: fields.limit.optional().meta({
    description: `Page size: default ${LIMITS.pageDefault}; larger than ${LIMITS.pageMax} is clamped.`,
  }),
  cursor: fields.cursor.optional().meta({ description: 'The `next_cursor` of the previous page.' }),
  status: fields.status.optional().meta({ description: 'Only contacts with this status.' }),
  search: fields.search.optional().meta({
    description:
      'A case-insensitive substring of the email, taken literally (`%` and `_` are ordinary characters).',
    maxLength: LIMITS.searchChars,
  }),
  segment_id: fields
    .uuid('segment_id')
    .optional()
    .meta({ description: 'Only members of this segment; an unknown segment is 404.' }),
});

const createBody = z
  .strictObject({
    email: fields.email.meta({
      description: `Required; trimmed, at most ${LIMITS.emailChars} characters. Compared case-insensitively: unique per workspace.`,
      maxLength: LIMITS.emailChars,
      examples: ['jane@example.com'],
    }),
    first_name: name('first_name'),
    last_name: name('last_name'),
    status: fields.status.optional().meta({ description: 'Defaults to `subscribed`.' }),
    properties: propertiesField(
      `A JSON object: at most ${LIMITS.propertiesKeys} keys of 1–${LIMITS.propertyKeyChars} characters, ${LIMITS.propertiesBytes / 1024} KiB as JSON. A key set to null is left out.`,
    ),
  })
  .meta({ id: 'ContactCreate' });

const updateBody = z
  .strictObject({
    email: fields.immutableEmail.meta({ description: 'Refused: an email never changes after creation.' }),
    first_name: name('first_name'),
    last_name: name('last_name'),
    status: fields.status.optional(),
    properties: propertiesField(
      'Merged into the stored object key by key: a key set to null is removed, keys not mentioned stay. The merged object must keep the limits.',
    ),
  })
  .meta({ id: 'ContactUpdate' });

const contactId = { id: "The contact's id." };

/** `/api/v1/contacts`: one entry per operation, registered and documented from here. */
export const contactRoutes = [
  defineRoute({
    method: 'GET',
    url: '/contacts',
    operationId: 'listContacts',
    tag: 'Contacts',
    summary: 'List contacts',
    description:
      'Newest first (`created_at`, then `id`, descending), paginated by cursor. Filters combine with each other and with pagination; unknown query parameters are ignored, a known one given twice is refused.',
    query: listQuery,
    status: 200,
    response: ContactListSchema,
    errors: ['invalid_field', 'not_found'],
    handler: async ({ services, workspaceId, query }) =>
      pageToWire(
        await services.contacts.list(workspaceId, {
          limit: query.limit,
          cursor: query.cursor,
          status: query.status,
          search: query.search,
          segmentId: query.segment_id,
        }),
        contactToWire,
      ),
  }),
  defineRoute({
    method: 'POST',
    url: '/contacts',
    operationId: 'createContact',
    tag: 'Contacts',
    summary: 'Create a contact',
    description:
      'The email must be new to the workspace, in any case (`Jane@X.com` conflicts with `jane@x.com`): a duplicate is `409 conflict` with `param: "email"`.',
    body: createBody,
    status: 201,
    response: ContactSchema,
    errors: ['missing_field', 'invalid_field', 'conflict'],
    handler: async ({ services, workspaceId, body }) =>
      contactToWire(
        await services.contacts.create(workspaceId, {
          email: body.email,
          firstName: body.first_name,
          lastName: body.last_name,
          status: body.status,
          properties: body.properties,
        }),
      ),
  }),
  defineRoute({
    method: 'GET',
    url: '/contacts/:id',
    operationId: 'getContact',
    tag: 'Contacts',
    summary: 'Get a contact',
    description: "An unknown id, a malformed one and another workspace's are all `404 not_found`.",
    params: contactId,
    status: 200,
    response: ContactSchema,
    errors: ['not_found'],
    handler: async ({ services, workspaceId, params }) =>
      contactToWire(await services.contacts.get(workspaceId, params.id)),
  }),
  defineRoute({
    method: 'PATCH',
    url: '/contacts/:id',
    operationId: 'updateContact',
    tag: 'Contacts',
    summary: 'Update a contact',
    description:
      'Every field is optional; `{}` changes nothing and returns the contact. `properties` merge key by key, atomically: concurrent updates of different keys lose nothing. `email` cannot change (`400 invalid_field`).',
    params: contactId,
    body: updateBody,
    status: 200,
    response: ContactSchema,
    errors: ['invalid_field', 'not_found'],
    handler: async ({ services, workspaceId, params, body }) =>
      contactToWire(
        await services.contacts.update(workspaceId, params.id, {
          firstName: body.first_name,
          lastName: body.last_name,
          status: body.status,
          properties: body.properties,
        }),
      ),
  }),
  defineRoute({
    method: 'DELETE',
    url: '/contacts/:id',
    operationId: 'deleteContact',
    tag: 'Contacts',
    summary: 'Delete a contact',
    description: 'Removes the contact and its segment memberships, permanently.',
    params: contactId,
    status: 204,
    errors: ['not_found'],
    handler: async ({ services, workspaceId, params }) => {
      await services.contacts.delete(workspaceId, params.id);
    },
  }),
];
