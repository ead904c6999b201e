import { builder } from './builder.js';
import { lexicographicSortSchema, printSchema } from './graphql.js';
import './scalars.js';
import './types/contact.js';
import './types/segment.js';
import './types/membership.js';
import './types/node.js';
import './mutations/contacts.js';
import './mutations/segments.js';

/** The executable schema: every type file above registered itself on the builder. */
export const schema = builder.toSchema();

/** The SDL committed as `schema.graphql`: sorted, so it changes only when the schema does. */
export function printSchemaSDL(): string {
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}
