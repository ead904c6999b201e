import { type Contact, type ContactListFilters, fields } from '@pristinesend/domain';
import { builder } from '../builder.js';
import { bothWaysArgs, pageRequest, toConnection } from '../connections.js';
import { idOf } from '../node-id.js';

/** The domain's lowercase statuses, named as GraphQL enums are. */
export const ContactStatus = builder.enumType('ContactStatus', {
  values: {
    SUBSCRIBED: { value: 'subscribed' },
    UNSUBSCRIBED: { value: 'unsubscribed' },
  } as const,
});

/** A contact; loads by id through a per-request DataLoader (node, nodes, contact, payloads). */
export const ContactRef = builder.loadableNode('Contact', {
  id: { resolve: (contact: Contact) => contact.id },
  load: (ids: string[], context) => context.services.contacts.findByIds(context.workspaceId, ids),
  // Rows come back in any order and without the missing ids; this matches them to the keys.
  sort: (contact) => contact.id,
  isTypeOf: (value) => typeof value === 'object' && value !== null && 'email' in value,
  fields: (t) => ({
    databaseId: t.exposeID('id', { description: 'The UUID, as the REST API and the SDK name it.' }),
    email: t.exposeString('email'),
    firstName: t.exposeString('firstName', { nullable: true }),
    lastName: t.exposeString('lastName', { nullable: true }),
    status: t.expose('status', { type: ContactStatus }),
    properties: t.expose('properties', { type: 'JSON' }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
  }),
});

export const ContactConnection = builder.connectionObject(
  { type: ContactRef, name: 'ContactConnection' },
  { name: 'ContactEdge' },
);

/** The filters `contacts` takes on `Query` and on `Segment`. */
export const contactFilterArgs = builder.args((t) => ({
  status: t.field({ type: ContactStatus }),
  search: t
    .string({ description: 'A case-insensitive substring of the email, taken literally.' })
    .validate(fields.search),
}));

/** GraphQL's absent-or-null filters as the domain's absent ones. */
export function toContactFilters(args: {
  status?: Contact['status'] | null;
  search?: string | null;
}): Omit<ContactListFilters, 'segmentId'> {
  return {
    ...(args.status != null && { status: args.status }),
    ...(args.search != null && { search: args.search }),
  };
}

builder.queryFields((t) => ({
  contact: t.field({
    type: ContactRef,
    nullable: true,
    description: 'A contact by global ID or UUID; null when the workspace has no such contact.',
    args: { id: t.arg.id({ required: true }).validate(idOf('Contact')) },
    resolve: (_root, args) => args.id,
  }),
  contacts: t.field({
    type: ContactConnection,
    description: 'Contacts newest first; filters combine, and `segmentId` keeps the members of one segment.',
    args: {
      ...bothWaysArgs,
      ...contactFilterArgs,
      segmentId: t.arg
        .id({ description: 'Only the members of this segment: its global ID or its UUID.' })
        .validate(idOf('Segment')),
    },
    resolve: async (_root, args, context) => {
      const request = pageRequest(args);
      const filters = {
        ...toContactFilters(args),
        ...(args.segmentId != null && { segmentId: args.segmentId }),
      };
      const page = await context.services.contacts.listWindow(context.workspaceId, filters, request.window);
      return toConnection(page, request);
    },
  }),
}));
