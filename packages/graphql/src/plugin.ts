import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import type { Services } from '@pristinesend/domain';
import type { Logger } from './context.js';
import { errorBody, INTERNAL_ERROR_MESSAGE, unauthorizedBody } from './errors.js';
import { createGraphQLYoga, type GraphQLLimits } from './yoga.js';

/*
 * The slices of Fastify's request, reply and instance this plugin uses, written out so the
 * package needs no Fastify dependency; Fastify's own types satisfy them.
 */

/** What the plugin reads of a Fastify request. */
export interface HttpRequest {
  id: string;
  url: string;
  method: string;
  headers: IncomingHttpHeaders;
  raw: IncomingMessage;
  log: Logger;
}

/** What the plugin does with a Fastify reply. */
export interface HttpReply {
  raw: ServerResponse;
  code(statusCode: number): HttpReply;
  header(key: string, value: string): HttpReply;
  send(payload?: unknown): HttpReply;
}

type Handler<R> = (request: R, reply: HttpReply) => Promise<unknown>;

/** What the plugin registers on a Fastify instance. */
export interface HttpServer<R extends HttpRequest> {
  addHook(name: 'onRequest', hook: Handler<R>): unknown;
  route(options: { method: string[]; url: string; handler: Handler<R> }): unknown;
  setErrorHandler(
    handler: (error: Error & { statusCode?: number }, request: R, reply: HttpReply) => unknown,
  ): unknown;
  removeAllContentTypeParsers(): unknown;
  addContentTypeParser(
    contentType: string,
    parser: (request: R, payload: unknown, done: (error: Error | null, body?: unknown) => void) => void,
  ): unknown;
}

export interface GraphqlPluginOptions<R> {
  services: Services;
  /** The workspace the request's key resolved to (once, by the server), or null. */
  workspaceOf: (request: R) => string | null;
  /** Serve GraphiQL to an authenticated browser's GET of /graphql (default true). */
  graphiql?: boolean;
  limits?: Partial<GraphQLLimits>;
}

/** Every method, so that authentication answers first whatever a request uses. */
const METHODS = ['DELETE', 'GET', 'OPTIONS', 'PATCH', 'POST', 'PUT'];

function sendJson(reply: HttpReply, status: number, body: unknown) {
  return reply
    .code(status)
    .header('Content-Type', 'application/json; charset=utf-8')
    .send(JSON.stringify(body));
}

/**
 * GraphQL over HTTP at /graphql (register without a prefix). Authentication comes first:
 * without a valid key every request under /graphql, the GraphiQL page included, is HTTP 401
 * with a GraphQL error `unauthorized` and `WWW-Authenticate: Bearer`.
 */
export async function graphqlPlugin<R>(
  app: HttpServer<R & HttpRequest>,
  options: GraphqlPluginOptions<R>,
): Promise<void> {
  const yoga = createGraphQLYoga({
    services: options.services,
    graphiql: options.graphiql,
    limits: options.limits,
  });

  app.addHook('onRequest', async (request, reply) => {
    if (options.workspaceOf(request) !== null) return;
    reply.header('WWW-Authenticate', 'Bearer');
    return sendJson(reply, 401, unauthorizedBody());
  });

  // Failures before yoga runs (the server's rate limiter) are answered as GraphQL too.
  app.setErrorHandler((error, request, reply) => {
    if (error.statusCode === 429) return sendJson(reply, 429, errorBody('rate_limited', error.message));
    request.log.error({ err: error }, 'unhandled GraphQL transport error');
    return sendJson(reply, 500, errorBody('internal_error', INTERNAL_ERROR_MESSAGE));
  });

  // yoga reads the body itself (JSON, GraphQL strings, forms) under its own 1 MiB limit, so
  // every content type passes through unparsed and a bad body is answered as GraphQL.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', (_request, _payload, done) => done(null));

  app.route({
    method: METHODS,
    url: '/graphql',
    handler: async (request, reply) => {
      try {
        const response = await yoga.handleNodeRequestAndResponse(request, reply, {
          workspaceId: options.workspaceOf(request),
          requestId: request.id,
          log: request.log,
        });
        const body = await response.text();
        // yoga answers a body it cannot read with a bare 415; say why, as GraphQL.
        if (response.status === 415 && body === '') {
          return sendJson(
            reply,
            415,
            errorBody(
              'unsupported_media_type',
              'Send the operation as JSON with "Content-Type: application/json".',
            ),
          );
        }
        response.headers.forEach((value, key) => {
          reply.header(key, value);
        });
        return reply.code(response.status).send(body);
      } catch (error) {
        request.log.error({ err: error }, 'unhandled GraphQL transport error');
        return sendJson(reply, 500, errorBody('internal_error', INTERNAL_ERROR_MESSAGE));
      }
    },
  });

  app.route({
    method: METHODS,
    url: '/graphql/*',
    handler: async (_request, reply) =>
      sendJson(reply, 404, errorBody('not_found', 'No such route: GraphQL is served at /graphql.')),
  });
}
