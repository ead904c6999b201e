import { builder } from '../builder.js';
import { bothWaysArgs, forwardArgs, pageRequest, toConnection } from '../connections.js';
import type { GraphQLContext } from '../context.js';
import { ContactConnection, ContactRef, contactFilterArgs, toContactFilters } from './contact.js';
import { SegmentConnection, SegmentRef } from './segment.js';

/*
 * The links between contacts and segments. Each is loaded for all parents of a list at once
 * (one SQL statement per batch); `byPath` gives every place in the query its own loader, so
 * two aliases with different arguments never share a batch.
 */

builder.objectField(SegmentRef, 'contacts', (t) =>
  t.loadable({
    type: ContactConnection,
    byPath: true,
    description: 'The members, newest contact first; filters combine.',
    args: { ...bothWaysArgs, ...contactFilterArgs },
    resolve: (segment) => segment.id,
    load: async (segmentIds: string[], context: GraphQLContext, args) => {
      const request = pageRequest(args);
      const pages = await context.services.contacts.listForSegments(
        context.workspaceId,
        segmentIds,
        toContactFilters(args),
        request.window,
      );
      return pages.map((page) => toConnection(page, request));
    },
  }),
);

builder.objectField(ContactRef, 'segments', (t) =>
  t.loadable({
    type: SegmentConnection,
    byPath: true,
    description: 'The segments this contact is a member of, newest segment first.',
    args: forwardArgs,
    resolve: (contact) => contact.id,
    load: async (contactIds: string[], context: GraphQLContext, args) => {
      const request = pageRequest(args);
      const pages = await context.services.segments.listForContacts(
        context.workspaceId,
        contactIds,
        request.window,
      );
      return pages.map((page) => toConnection(page, request));
    },
  }),
);
