import { type Services, UnauthorizedError } from '@pristinesend/domain';
import { getTRPCErrorShape, TRPCError, transformTRPCResponse } from '@trpc/server';
import { type FastifyTRPCPluginOptions, fastifyRequestHandler } from '@trpc/server/adapters/fastify';
import { getHTTPStatusCodeFromError } from '@trpc/server/http';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Context } from './context.js';
import { rememberRequestId } from './errors.js';
import { answerQueries, plainQueryCalls } from './queries.js';
import { type AppRouter, appRouter } from './router.js';

export interface TrpcPluginOptions {
  services: Services;
  /** The workspace the request's key resolved to (once, by the server), or null. */
  workspaceOf: (request: FastifyRequest) => string | null;
}

/** Fastify's own failures (body limits, content types) by status, as tRPC codes. */
const FRAMEWORK_CODE: Record<number, TRPCError['code']> = {
  400: 'BAD_REQUEST',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'TOO_MANY_REQUESTS',
};

/**
 * The tRPC router over HTTP (queries, mutations, batches); register with
 * `prefix: '/trpc'`. Authentication comes first: a request without a valid key is
 * UNAUTHORIZED (HTTP 401) whatever its procedure, batch or body.
 */
export async function trpcPlugin(app: FastifyInstance, options: TrpcPluginOptions) {
  const createContext = (request: FastifyRequest): Context => ({
    workspaceId: options.workspaceOf(request),
    requestId: String(request.id),
    services: options.services,
    logger: request.log,
  });

  // Answered in tRPC's whole-request error shape, which a batching client applies to every call.
  const sendError = (request: FastifyRequest, reply: FastifyReply, error: TRPCError) => {
    const shape = getTRPCErrorShape({
      config: appRouter._def._config,
      error,
      type: 'unknown',
      path: undefined,
      input: undefined,
      ctx: createContext(request),
    });
    if (error.code === 'UNAUTHORIZED') reply.header('WWW-Authenticate', 'Bearer');
    return reply
      .code(getHTTPStatusCodeFromError(error))
      .type('application/json')
      .send(transformTRPCResponse(appRouter._def._config, { error: shape }));
  };

  const unauthorized = () => {
    const cause = new UnauthorizedError();
    return new TRPCError({ code: 'UNAUTHORIZED', message: cause.message, cause });
  };

  app.addHook('onRequest', async (request, reply) => {
    if (options.workspaceOf(request) === null) return sendError(request, reply, unauthorized());
  });

  app.setNotFoundHandler((request, reply) => {
    if (options.workspaceOf(request) === null) return sendError(request, reply, unauthorized());
    return sendError(request, reply, new TRPCError({ code: 'NOT_FOUND', message: 'No such tRPC path.' }));
  });

  app.setErrorHandler((error: FastifyError, request, reply) => {
    const code =
      (error.statusCode !== undefined && FRAMEWORK_CODE[error.statusCode]) || 'INTERNAL_SERVER_ERROR';
    if (code === 'INTERNAL_SERVER_ERROR') request.log.error({ err: error }, 'unhandled tRPC adapter error');
    return sendError(request, reply, new TRPCError({ code, message: error.message }));
  });

  const onError = (error: TRPCError, request: FastifyRequest, path: string | undefined) => {
    rememberRequestId(error, String(request.id));
    if (error.code === 'INTERNAL_SERVER_ERROR') {
      request.log.error({ err: error.cause ?? error, path }, 'unhandled tRPC error');
    }
  };

  const trpcOptions = {
    router: appRouter,
    createContext: ({ req }) => createContext(req),
    onError: ({ error, req, path }) => onError(error, req, path),
  } satisfies FastifyTRPCPluginOptions<AppRouter>['trpcOptions'];

  // tRPC reads bodies itself: JSON as text, form data as the raw stream (as its Fastify plugin sets up).
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, body, done) =>
    done(null, body),
  );
  app.removeContentTypeParser('multipart/form-data');
  app.addContentTypeParser('multipart/form-data', {}, (_request, body, done) => done(null, body));

  app.all<{ Params: { path: string } }>('/:path', async (request, reply) => {
    const { path } = request.params;
    const calls = plainQueryCalls(request, path);
    if (calls) {
      return answerQueries(reply, calls, createContext(request), (error, callPath) =>
        onError(error, request, callPath),
      );
    }
    await fastifyRequestHandler({ ...trpcOptions, req: request, res: reply, path });
    return reply;
  });
}
