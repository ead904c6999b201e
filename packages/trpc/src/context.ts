import type { Services } from '@pristinesend/domain';

/**
 * The slice of a pino/Fastify logger procedures may use. Written out rather than
 * imported so that the router's type, which frontends import, does not need Fastify.
 */
export interface Logger {
  error(details: object, message?: string): void;
  warn(details: object, message?: string): void;
  info(details: object, message?: string): void;
}

/** What every procedure receives; built once per HTTP request by the Fastify plugin. */
export interface Context {
  /** The workspace of the request's API key; null when the key is missing, unknown or revoked. */
  workspaceId: string | null;
  /** The request id (`req_…`) that also travels as `X-Request-Id`. */
  requestId: string;
  services: Services;
  /** The request's logger: every line carries the request id. */
  logger: Logger;
}
