export type { GraphQLContext, Logger, ServerContext } from './context.js';
export { INTERNAL_ERROR_MESSAGE, maskError } from './errors.js';
export { parseId, toGlobalId } from './node-id.js';
export {
  type GraphqlPluginOptions,
  graphqlPlugin,
  type HttpReply,
  type HttpRequest,
  type HttpServer,
} from './plugin.js';
export { printSchemaSDL, schema } from './schema.js';
export {
  createGraphQLYoga,
  DEFAULT_LIMITS,
  type GraphQLLimits,
  type GraphQLYoga,
  type GraphQLYogaOptions,
} from './yoga.js';
