import type { Segment } from '@pristinesend/domain';
import { builder } from '../builder.js';
import { forwardArgs, pageRequest, toConnection } from '../connections.js';
import { idOf } from '../node-id.js';

/** A segment; loads by id through a per-request DataLoader (node, nodes, segment, payloads). */
export const SegmentRef = builder.loadableNode('Segment', {
  id: { resolve: (segment: Segment) => segment.id },
  load: (ids: string[], context) => context.services.segments.findByIds(context.workspaceId, ids),
  sort: (segment) => segment.id,
  isTypeOf: (value) => typeof value === 'object' && value !== null && 'name' in value && !('email' in value),
  fields: (t) => ({
    databaseId: t.exposeID('id', { description: 'The UUID, as the REST API and the SDK name it.' }),
    name: t.exposeString('name'),
    description: t.exposeString('description', { nullable: true }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
  }),
});

export const SegmentConnection = builder.connectionObject(
  { type: SegmentRef, name: 'SegmentConnection' },
  { name: 'SegmentEdge' },
);

builder.queryFields((t) => ({
  segment: t.field({
    type: SegmentRef,
    nullable: true,
    description: 'A segment by global ID or UUID; null when the workspace has no such segment.',
    args: { id: t.arg.id({ required: true }).validate(idOf('Segment')) },
    resolve: (_root, args) => args.id,
  }),
  segments: t.field({
    type: SegmentConnection,
    description: 'Segments newest first.',
    args: forwardArgs,
    resolve: async (_root, args, context) => {
      const request = pageRequest(args);
      return toConnection(
        await context.services.segments.listWindow(context.workspaceId, request.window),
        request,
      );
    },
  }),
}));
