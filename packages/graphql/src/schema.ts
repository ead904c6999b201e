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
  fieldOf(name, 'id').resolve = (node: { id: string }) => toGlobalId(name, node.id);
  /*
   * The DataLoader plugin wraps every field of a loadable type so that a resolver may return
   * an ID to load. An edge always carries its node (connections.ts), so its `node` is read as
   * a plain property: one resolver call and one loader lookup less per row.
   */
  fieldOf(`${name}Edge`, 'node').resolve = undefined;
}

function fieldOf(typeName: string, fieldName: string) {
  const type = schema.getType(typeName);
  const field = isObjectType(type) ? type.getFields()[fieldName] : undefined;
  if (!field) throw new Error(`${typeName}.${fieldName} is not in the schema.`);
  return field;
}

/** The SDL committed as `schema.graphql`: sorted, so it changes only when the schema does. */
export function printSchemaSDL(): string {
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}
