/**
 * graphql-js, the one copy every dependency uses. graphql 16 ships CommonJS and ESM side by
 * side without an `exports` map: Node, and so Pothos, yoga and graphql-armor, loads the
 * CommonJS `index.js`, while Vite-based tools (vitest) give source files the ESM
 * `index.mjs`. Two copies make `instanceof GraphQLError` lie and `printSchema` refuse the
 * schema, so this package imports graphql values only through here, pinned to `index.js`.
 */
export type { DocumentNode, ExecutionResult } from 'graphql/index.js';
export {
  GraphQLError,
  getOperationAST,
  isObjectType,
  lexicographicSortSchema,
  printSchema,
  valueFromASTUntyped,
} from 'graphql/index.js';
