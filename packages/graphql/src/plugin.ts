import type { IncomingHttpHeaders, ServerResponse } from 'node:http';
import type { Services } from '@pristinesend/domain';
import type { Logger, ServerContext } from './context.js';
import { errorBody, INTERNAL_ERROR_MESSAGE, unauthorizedBody } from './errors.js';
import { runFast } from './fast-path.js';
import { GraphQLError } from './graphql.js';
import { createGraphQLYoga, type GraphQLLimits, MAX_BODY_BYTES } from './yoga.js';

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
  /** The body as read by the content-type parser below; absent when there was none. */
  body?: unknown;
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
    options: { parseAs: 'buffer'; bodyLimit: number },
    parser: (request: R, body: Buffer, done: (error: Error | null, body?: unknown) => void) => void,
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
    serverReadsBody: true,
  });

  /*
   * yoga gets a fetch Request with the body already read: bridging the Node request (its
   * stream piped through yoga's size limit, an AbortController bound to the socket) cost more
   * CPU than executing the query. A plain JSON query skips the fetch API altogether (runFast).
   */
  async function answer(request: R & HttpRequest, reply: HttpReply, bodyError?: Error) {
    const context: ServerContext = {
      workspaceId: options.workspaceOf(request),
      requestId: request.id,
      log: request.log,
      bodyError,
    };
    const fast = bodyError ? undefined : await runFast(yoga, request, context);
    if (fast && 'body' in fast) {
      return reply.code(200).header('Content-Type', fast.contentType).send(fast.body);
    }
    if (fast) context.executed = fast.executed;
    const body = request.method !== 'GET' && request.method !== 'HEAD' ? request.body : undefined;
    const init: RequestInit = {
      method: request.method,
      headers: request.headers as Record<string, string>,
      // A copy typed as the fetch API wants it; bodies are small, and capped.
      ...(Buffer.isBuffer(body) && { body: new Uint8Array(body) }),
    };
    const response = await yoga.fetch(`http://localhost${request.url}`, init, context);
    const text = await response.text();
    // yoga answers a body it cannot read with a bare 415; say why, as GraphQL.
    if (response.status === 415 && text === '') {
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
    return reply.code(response.status).send(text);
  }

  app.addHook('onRequest', async (request, reply) => {
    if (options.workspaceOf(request) !== null) return;
    reply.header('WWW-Authenticate', 'Bearer');
    return sendJson(reply, 401, unauthorizedBody());
  });

  // Failures before yoga runs are answered as GraphQL too: the server's rate limiter, and a
  // body that could not be read, which yoga answers as it answers the bodies it refuses.
  app.setErrorHandler(async (error, request, reply) => {
    if (error.statusCode === 429) return sendJson(reply, 429, errorBody('rate_limited', error.message));
    const bodyError = unreadableBody(error);
    try {
      if (bodyError) return await answer(request, reply, bodyError);
    } catch (failure) {
      request.log.error({ err: failure }, 'unhandled GraphQL transport error');
      return sendJson(reply, 500, errorBody('internal_error', INTERNAL_ERROR_MESSAGE));
    }
    request.log.error({ err: error }, 'unhandled GraphQL transport error');
    return sendJson(reply, 500, errorBody('internal_error', INTERNAL_ERROR_MESSAGE));
  });

  // Every content type is read as bytes under the body limit and left to yoga to parse (JSON,
  // GraphQL strings, forms), so a bad body is answered as GraphQL.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: MAX_BODY_BYTES }, (_request, body, done) =>
    done(null, body),
  );

  app.route({
    method: METHODS,
    url: '/graphql',
    handler: async (request, reply) => {
      try {
        return await answer(request, reply);
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

/** Fastify's body-reading failures (`FST_ERR_CTP_*`) as the errors yoga raises for the same. */
function unreadableBody(error: Error & { statusCode?: number; code?: string }): Error | undefined {
  if (!error.code?.startsWith('FST_ERR_CTP_') || error.statusCode === undefined) return undefined;
  if (error.statusCode === 413) {
    return new GraphQLError('Request body too large', {
      extensions: { code: 'REQUEST_ENTITY_TOO_LARGE', http: { status: 413 } },
    });
  }
  if (error.statusCode >= 500) return undefined;
  return new GraphQLError(error.message, { extensions: { code: 'BAD_REQUEST', http: { status: 400 } } });
}
