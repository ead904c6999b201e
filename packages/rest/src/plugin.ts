import { type Services, UnauthorizedError } from '@pristinesend/domain';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { errorHandler, notFoundHandler } from './errors.js';
import { idempotentPosts } from './idempotency.js';
import { contactRoutes } from './routes/contacts.js';
import { segmentRoutes } from './routes/segments.js';

export interface RestPluginOptions {
  services: Services;
  /** The workspace the request's key resolved to (once, by the server), or null. */
  workspaceOf: (request: FastifyRequest) => string | null;
}

export interface RestOptions {
  services: Services;
  workspaceOf: (request: FastifyRequest) => string;
}

/**
 * Accepts only JSON bodies: anything else is 415 (Fastify would otherwise take
 * text/plain as a string).
 */
export function jsonBodiesOnly(app: FastifyInstance) {
  app.removeAllContentTypeParsers();
  app.addContentTypeParser(
    'application/json',
    { parseAs: 'string' },
    app.getDefaultJsonParser('error', 'error'),
  );
}

/** The documented REST API; register with `prefix: '/api/v1'`. */
export async function restApi(app: FastifyInstance, options: RestPluginOptions) {
  jsonBodiesOnly(app);
  app.setErrorHandler(errorHandler);
  app.setNotFoundHandler(notFoundHandler);
  // Authentication comes first: without a valid key every path, known or not, is 401.
  app.addHook('onRequest', async (request) => {
    if (options.workspaceOf(request) === null) throw new UnauthorizedError();
  });
  const routeOptions: RestOptions = {
    services: options.services,
    workspaceOf: (request) => options.workspaceOf(request) as string,
  };
  idempotentPosts(app, routeOptions.services, routeOptions.workspaceOf);
  contactRoutes(app, routeOptions);
  segmentRoutes(app, routeOptions);
}
