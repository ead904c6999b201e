import type { Services } from '@pristinesend/domain';
import type { ExecutionResult } from './graphql.js';

/**
 * The slice of a pino/Fastify logger the adapter uses. Written out so that the schema
 * does not depend on Fastify.
 */
export interface Logger {
  error(details: object, message?: string): void;
}

/** What the HTTP layer hands to yoga with each request. */
export interface ServerContext {
  /** The workspace of the request's API key; null when the key is missing, unknown or revoked. */
  workspaceId: string | null;
  /** The request id (`req_…`), also sent as `X-Request-Id`. */
  requestId?: string;
  /** The request's logger, so every line carries the request id. */
  log?: Logger;
  /**
   * Why the server could not read the body (too large, a wrong length), when it reads bodies
   * itself: yoga answers it as it answers its own body errors, with the client's media type.
   */
  bodyError?: Error;
  /** A result the server's fast path computed but left yoga to answer: it carries errors. */
  executed?: ExecutionResult;
}

/** What every resolver receives: the request's workspace, always set, and the domain. */
export interface GraphQLContext {
  workspaceId: string;
  services: Services;
  requestId?: string;
  log?: Logger;
}
