import type { Services } from '@pristinesend/domain';
import { graphqlPlugin } from '@pristinesend/graphql';
import { errorHandler, notFoundHandler, restApi, sendError } from '@pristinesend/rest';
import { trpcPlugin } from '@pristinesend/trpc';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { adminApi } from './admin.js';
import { authenticator, isProtectedPath } from './auth.js';
import { apiDocs } from './docs.js';
import { type RateLimitOptions, registerRateLimit } from './rate-limit.js';
import { newRequestId } from './request-id.js';

export interface ServerOptions {
  services: Services;
  adminToken?: string;
  logger?: FastifyServerOptions['logger'];
  /** Whether the database is reachable and migrated (for /readyz). */
  isReady?: () => Promise<boolean>;
  /** Per-key rate limit (default: off, as in tests; main.ts passes the configured one). */
  rateLimit?: RateLimitOptions;
  /** Serve GraphiQL at /graphql to an authenticated browser (default true; off in production). */
  graphiql?: boolean;
}

/** Log settings: the request id on every line, and never a credential. */
export function loggerOptions(level: string): FastifyServerOptions['logger'] {
  return {
    level,
    redact: {
      paths: ['req.headers.authorization', 'req.headers.cookie', '*.apiKey', '*.api_key'],
      censor: '[redacted]',
    },
  };
}

/**
 * `app.close()` waits for in-flight requests, but a keep-alive connection that was busy
 * when it began stays open after its response, holding close() up for the keep-alive
 * timeout. While closing, responses say `Connection: close` and idle connections are
 * closed as they appear, so close() ends when the last in-flight request does.
 */
function drainOnClose(app: FastifyInstance) {
  let draining = false;
  app.addHook('preClose', (done) => {
    draining = true;
    const reaper = setInterval(() => app.server.closeIdleConnections(), 50).unref();
    app.server.once('close', () => clearInterval(reaper));
    done();
  });
  app.addHook('onSend', (_request, reply, payload, done) => {
    if (draining) reply.header('Connection', 'close');
    done(null, payload);
  });
}

/** The whole HTTP surface on one Fastify instance; the composition root wires services in. */
export async function buildServer(options: ServerOptions): Promise<FastifyInstance> {
  const { services } = options;
  const authenticate = authenticator(services.workspaces);
  const app = Fastify({
    logger: options.logger ?? false,
    genReqId: newRequestId,
    requestIdHeader: false,
    bodyLimit: 1024 * 1024,
    // Long path segments reach the routes (and become a clean 404 or 405), not the router's own 404.
    routerOptions: { maxParamLength: 1024 },
    // A path the router cannot decode is a route that does not exist, after authentication.
    frameworkErrors: async (error, request, reply) => {
      reply.header('X-Request-Id', request.id);
      if (isProtectedPath(request.url)) {
        await authenticate(request);
        if (request.workspaceId === null)
          return sendError(reply, 'unauthorized', 'A valid API key is required.');
      }
      request.log.info({ err: error }, 'unroutable request');
      return sendError(reply, 'not_found', 'No such route.');
    },
  });
  app.decorateRequest('workspaceId', null);
  app.addHook('onRequest', async (request, reply) => {
    reply.header('X-Request-Id', request.id);
    await authenticate(request);
  });
  drainOnClose(app);
  app.setErrorHandler(errorHandler);
  app.setNotFoundHandler(notFoundHandler);
  await registerRateLimit(app, options.rateLimit ?? { perSecond: 0 });

  app.get('/healthz', async () => ({ status: 'ok' }));
  app.get('/readyz', async (_request, reply) => {
    const ready = options.isReady ? await options.isReady() : true;
    return reply.code(ready ? 200 : 503).send({ status: ready ? 'ready' : 'unavailable' });
  });

  // The OpenAPI document (/openapi.json) and its reference page (/docs), public like /healthz.
  await app.register(apiDocs);

  const workspaceOf = (request: { workspaceId: string | null }) => request.workspaceId;
  await app.register(restApi, { prefix: '/api/v1', services, workspaceOf });
  await app.register(adminApi, { prefix: '/admin/v1', services, adminToken: options.adminToken });
  // Adapters for typed clients (tRPC, GraphQL) register here, each with { services, workspaceOf }.
  await app.register(trpcPlugin, { prefix: '/trpc', services, workspaceOf });
  await app.register(graphqlPlugin, { services, workspaceOf, graphiql: options.graphiql });
  return app;
}
