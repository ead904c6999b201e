import { EnvelopArmorPlugin } from '@escape.tech/graphql-armor';
import { type Services, UnauthorizedError } from '@pristinesend/domain';
import { createYoga, type Plugin, type YogaServerInstance } from 'graphql-yoga';
import type { GraphQLContext, Logger, ServerContext } from './context.js';
import { maskError } from './errors.js';
import { GraphQLError } from './graphql.js';
import { useJit } from './jit.js';
import { schema } from './schema.js';

/** Bounds on one operation, checked before it runs; an operation over any of them is not executed. */
export interface GraphQLLimits {
  /** Nesting of selections (default 12). */
  maxDepth: number;
  /**
   * graphql-armor's estimate: every object 2 and every scalar 1, times 1.5 per level and
   * times a literal `first`/`last` (default 250 000, about 5 000 nested nodes: 100 contacts
   * with 50 segments each, or 20 segments × 10 contacts × 5 segments, pass; 100 × 100 does
   * not). Sizes given as variables or left to the default count as 1.
   */
  maxCost: number;
  /** Aliased fields (default 15). */
  maxAliases: number;
  /** Lexical tokens in the document (default 1000). */
  maxTokens: number;
  /** Directives (default 50). */
  maxDirectives: number;
}

export const DEFAULT_LIMITS: GraphQLLimits = {
  maxDepth: 12,
  maxCost: 250_000,
  maxAliases: 15,
  maxTokens: 1000,
  maxDirectives: 50,
};

/** The largest body read, as on the REST API. */
export const MAX_BODY_BYTES = 1024 * 1024;

export interface GraphQLYogaOptions {
  services: Services;
  /** Serve GraphiQL to a browser's GET of /graphql (default true). */
  graphiql?: boolean;
  limits?: Partial<GraphQLLimits>;
  /** Where unexpected errors are logged when the request brings no logger of its own. */
  logger?: Logger;
  /**
   * Whether the HTTP server reads each body itself, under MAX_BODY_BYTES, and reports a body
   * it could not read as `bodyError` (default false: yoga reads and limits the body).
   */
  serverReadsBody?: boolean;
}

export type GraphQLYoga = YogaServerInstance<ServerContext, GraphQLContext>;

/**
 * graphql-armor's checks as validation errors. Its rules only log a rejection unless told
 * to report it; reported, the operation fails validation and never executes. The token
 * limit works while parsing, where there is no validation context, so it throws instead.
 */
function armor(limits: GraphQLLimits) {
  const report = {
    propagateOnRejection: false,
    onReject: [
      (context: { reportError(error: GraphQLError): void } | null, error: GraphQLError) =>
        // armor words every rejection as a "Syntax Error", which these are not.
        context?.reportError(new GraphQLError(error.message.replace(/^Syntax Error: /, ''))),
    ],
  };
  return EnvelopArmorPlugin({
    maxDepth: { n: limits.maxDepth, ...report },
    costLimit: { maxCost: limits.maxCost, ...report },
    maxAliases: { n: limits.maxAliases, ...report },
    maxDirectives: { n: limits.maxDirectives, ...report },
    maxTokens: { n: limits.maxTokens, propagateOnRejection: true },
  });
}

/** Logs what `maskError` masked, with the request's logger and id; the client saw only `internal_error`. */
function reportUnexpectedErrors(fallback: Logger): Plugin<GraphQLContext, ServerContext> {
  return {
    onExecutionResult({ result, context }) {
      const results = Array.isArray(result) ? result : [result];
      for (const single of results) {
        if (!single || !('errors' in single) || !single.errors) continue;
        for (const error of single.errors as readonly GraphQLError[]) {
          if (error.extensions?.code !== 'internal_error') continue;
          (context.log ?? fallback).error(
            { err: error.originalError ?? error, requestId: context.requestId, path: error.path },
            'unexpected GraphQL error',
          );
        }
      }
    },
  };
}

/**
 * What the HTTP server did before yoga, answered as yoga answers its own: a body it refused,
 * and a query its fast path ran whose result carries errors (not run again).
 */
function fromServer(): Plugin<GraphQLContext, ServerContext> {
  return {
    onRequestParse({ serverContext }) {
      if (serverContext.bodyError) throw serverContext.bodyError;
    },
    onParams({ context, setResult }) {
      if (context.executed) setResult(context.executed);
    },
  };
}

const consoleLogger: Logger = {
  error: (details, message) => console.error(message, details),
};

/**
 * The GraphQL server, transport-free: `yoga.fetch(request, { workspaceId })` in tests, the
 * Fastify plugin in the app. Each request's server context carries the workspace its key
 * resolved to; without one the request is 401 `unauthorized` and nothing runs.
 */
export function createGraphQLYoga(options: GraphQLYogaOptions): GraphQLYoga {
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  return createYoga<ServerContext, GraphQLContext>({
    schema,
    graphqlEndpoint: '/graphql',
    graphiql: options.graphiql === false ? false : { title: 'PristineSend Contacts' },
    landingPage: false,
    // Keys are secrets meant for servers; no cross-origin browser access.
    cors: false,
    // Unexpected errors are logged by reportUnexpectedErrors; domain errors are not log-worthy.
    logging: false,
    // Streaming the body through yoga's limit costs more than the rest of a small request.
    maxRequestBodySize: options.serverReadsBody ? false : MAX_BODY_BYTES,
    maskedErrors: { maskError },
    context: ({ workspaceId, requestId, log }): GraphQLContext => {
      if (!workspaceId) throw new UnauthorizedError();
      return { workspaceId, services: options.services, requestId, log };
    },
    plugins: [fromServer(), armor(limits), useJit(), reportUnexpectedErrors(options.logger ?? consoleLogger)],
  });
}
