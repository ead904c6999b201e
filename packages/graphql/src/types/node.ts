import type { Contact, Segment } from '@pristinesend/domain';
import { builder } from '../builder.js';
import type { GraphQLContext } from '../context.js';
import { globalId, globalIds } from '../node-id.js';
import { ContactRef } from './contact.js';
import { SegmentRef } from './segment.js';

/** Loads what a global ID names; an ID of a type that is not a node is simply not found. */
function loadNode(
  node: { type: string; id: string },
  context: GraphQLContext,
): Promise<Contact | Segment | null> | null {
  switch (node.type) {
    case 'Contact':
      return ContactRef.getDataloader(context).load(node.id);
    case 'Segment':
      return SegmentRef.getDataloader(context).load(node.id);
    default:
      return null;
  }
}

builder.queryFields((t) => ({
  node: t.field({
    type: builder.nodeInterfaceRef(),
    nullable: true,
    description: 'Any node by global ID; null when the workspace has no such node.',
    args: { id: t.arg.id({ required: true }).validate(globalId) },
    resolve: (_root, args, context) => loadNode(args.id, context),
  }),
  nodes: t.field({
    type: [builder.nodeInterfaceRef()],
    nullable: { list: false, items: true },
    description: 'Nodes by global ID, in the order asked; null where there is no such node.',
    args: { ids: t.arg.idList({ required: true }).validate(globalIds) },
    resolve: (_root, args, context) => args.ids.map((id) => loadNode(id, context)),
  }),
}));
