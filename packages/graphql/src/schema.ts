import { builder } from './builder.js';
import { isObjectType, lexicographicSortSchema, printSchema } from './graphql.js';
import { type NodeType, toGlobalId } from './node-id.js';
import './scalars.js';
import './types/contact.js';
import './types/segment.js';
import './types/membership.js';
import './types/node.js';
import './mutations/contacts.js';
import './mutations/segments.js';

/** The executable schema: every type file above registered itself on the builder. */
export const schema = builder.toSchema();

/**
 * The Relay plugin resolves every node's `id` through an async wrapper: two promises and
 * three objects per node, and a compiled query then tracks each as pending. On a page of
 * 50 contacts that was a tenth of what a GraphQL request allocated. A node's id is always
 * its UUID's global ID, so it is resolved synchronously, with the same encoding.
 */
const NODE_TYPES: readonly NodeType[] = ['Contact', 'Segment'];
for (const name of NODE_TYPES) {
  const type = schema.getType(name);
  const id = isObjectType(type) ? type.getFields().id : undefined;
  if (!id) throw new Error(`Node type ${name} has no id field.`);
  id.resolve = (node: { id: string }) => toGlobalId(name, node.id);
}

/** The SDL committed as `schema.graphql`: sorted, so it changes only when the schema does. */
export function printSchemaSDL(): string {
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}
