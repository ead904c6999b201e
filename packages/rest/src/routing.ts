import type { FastifyInstance, RouteHandlerMethod } from 'fastify';
import { HttpError } from './errors.js';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
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
