import type { ApiErrorCode, Services } from '@pristinesend/domain';
import type { FastifyInstance, FastifyReply, FastifyRequest, RouteHandlerMethod } from 'fastify';
import type { z } from 'zod';
import { HttpError } from './errors.js';
import { parseBody, parseQuery } from './wire.js';

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
const METHODS: Method[] = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];

/**
 * Registers a path's handlers by method and answers every other method with 405
 * and an `Allow` header, so a known path never looks unknown.
 */
export function resource(
  app: FastifyInstance,
  url: string,
  handlers: Partial<Record<Method, RouteHandlerMethod>>,
) {
  const allowed = METHODS.filter((method) => handlers[method]);
  for (const method of allowed) app.route({ method, url, handler: handlers[method] as RouteHandlerMethod });
  const allow = [...allowed, ...(allowed.includes('GET') ? ['HEAD'] : [])].join(', ');
  const others = [...METHODS, 'OPTIONS', ...(allowed.includes('GET') ? [] : ['HEAD'])].filter(
    (method) => !allowed.includes(method as Method),
  );
  const notAllowed = async () => {
    throw new HttpError('method_not_allowed', `This path allows ${allow}.`, { Allow: allow });
  };
  // Answered in onRequest (after authentication, before the body is read): a wrong
  // method is 405 whatever its body, never 400, 413 or 415.
  app.route({ method: others as Method[], url, onRequest: notAllowed, handler: notAllowed });
}

type Parsed<S> = S extends z.ZodType ? z.output<S> : undefined;

/** What a route's handler gets: the key's workspace, and its input already parsed by the route's schemas. */
export interface RouteContext<P extends string, Q, B> {
  services: Services;
  workspaceId: string;
  /** Path parameters, unvalidated: a malformed id is simply not found by the domain. */
  params: Record<P, string>;
  query: Q;
  body: B;
  request: FastifyRequest;
  reply: FastifyReply;
}

/**
 * One REST operation, declared once: the router registers it and the OpenAPI
 * document is generated from it, so the documented input is the validated input
 * and the documented response is the type the handler must return.
 */
export interface RouteDefinition<
  P extends string = string,
  Q extends z.ZodObject | undefined = z.ZodObject | undefined,
  B extends z.ZodType | undefined = z.ZodType | undefined,
  R extends z.ZodType | undefined = z.ZodType | undefined,
> {
  method: Method;
  /** Relative to `/api/v1`, in Fastify's syntax (`/contacts/:id`). */
  url: string;
  operationId: string;
  tag: 'Contacts' | 'Segments';
  summary: string;
  /** Markdown. */
  description: string;
  /** Each path parameter with its description. */
  params?: Record<P, string>;
  /** Parsed with `parseQuery`: unknown parameters are ignored, a repeated known one is refused. */
  query?: Q;
  /** Parsed with `parseBody`: the body must be a JSON object. */
  body?: B;
  /** The success status. */
  status: 200 | 201 | 204;
  /** The success body's schema; none for 204. */
  response?: R;
  /** What the operation can answer besides the errors every route shares (see openapi.ts). */
  errors: readonly ApiErrorCode[];
  // A method, not a property, so that every specific route fits the table's general type.
  handler(context: RouteContext<P, Parsed<Q>, Parsed<B>>): Promise<R extends z.ZodType ? z.output<R> : void>;
}

/** Declares a route with its types inferred from its schemas. */
export function defineRoute<
  P extends string = never,
  Q extends z.ZodObject | undefined = undefined,
  B extends z.ZodType | undefined = undefined,
  R extends z.ZodType | undefined = undefined,
>(route: RouteDefinition<P, Q, B, R>): RouteDefinition {
  return route as unknown as RouteDefinition;
}

/** Registers a table of routes, grouped by path so other methods get their 405. */
export function registerRoutes(
  app: FastifyInstance,
  routes: readonly RouteDefinition[],
  options: { services: Services; workspaceOf: (request: FastifyRequest) => string },
) {
  const byUrl = new Map<string, Partial<Record<Method, RouteHandlerMethod>>>();
  for (const route of routes) {
    const handlers = byUrl.get(route.url) ?? {};
    if (handlers[route.method]) throw new Error(`Route ${route.method} ${route.url} is declared twice.`);
    handlers[route.method] = async (request, reply) => {
      const result = await route.handler({
        services: options.services,
        workspaceId: options.workspaceOf(request),
        params: (request.params ?? {}) as Record<string, string>,
        query: route.query ? parseQuery(request, route.query) : undefined,
        body: route.body ? parseBody(request, route.body) : undefined,
        request,
        reply,
      });
      return route.status === 204 ? reply.code(204).send() : reply.code(route.status).send(result);
    };
    byUrl.set(route.url, handlers);
  }
  for (const [url, handlers] of byUrl) resource(app, url, handlers);
}
