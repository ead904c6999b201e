import {
  InvalidFieldError,
  InvalidRequestError,
  type Services,
  UnauthorizedError,
} from '@pristinesend/domain';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { errorHandler, notFoundHandler } from './errors.js';
import { idempotentPosts } from './idempotency.js';
import { restRoutes } from './routes/index.js';
import { registerRoutes } from './routing.js';

export interface RestPluginOptions {
  services: Services;
  /** The workspace the request's key resolved to (once, by the server), or null. */
  workspaceOf: (request: FastifyRequest) => string | null;
}

export interface RestOptions {
  services: Services;
  workspaceOf: (request: FastifyRequest) => string;
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/** Methods whose routes take no body: an empty one is fine even with a JSON content type. */
const BODILESS = new Set(['DELETE', 'PUT', 'GET', 'HEAD']);

/**
 * Accepts only JSON bodies: anything else is 415 (Fastify would otherwise take
 * text/plain as a string). Clients that always send `Content-Type: application/json`
 * may do so on a DELETE with no body.
 */
export function jsonBodiesOnly(app: FastifyInstance) {
  app.removeAllContentTypeParsers();
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, raw, done) => {
    const body = String(raw);
    if (body === '' && BODILESS.has(request.method)) return done(null, undefined);
    return parseJson(request, body, (error, value) => {
      // Fastify's parser refuses __proto__ and constructor.prototype keys but reports
      // them as invalid JSON; say what is really wrong when the text is valid JSON.
      if (error && isJson(body)) {
        return done(
          new InvalidRequestError(
            'The request body uses a forbidden key (__proto__ or constructor.prototype).',
          ),
        );
      }
      return done(error, value);
    });
  });
}

/** Far deeper than any valid body (properties nest at most 32 levels), far shallower than a stack. */
const MAX_BODY_DEPTH = 256;

/** Whether a parsed JSON value nests deeper than `limit` levels; iterative, so any depth is safe. */
function nestsDeeperThan(value: unknown, limit: number): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  for (let item = stack.pop(); item; item = stack.pop()) {
    const [current, depth] = item;
    if (current === null || typeof current !== 'object') continue;
    if (depth >= limit) return true;
    for (const child of Object.values(current)) stack.push([child, depth + 1]);
  }
  return false;
}

/**
 * Refuses absurdly deep JSON bodies before anything walks them recursively (the
 * Idempotency-Key fingerprint, validation), in the contract's codes: the field
 * that nests too deeply is `invalid_field`, a body that is not an object `invalid_request`.
 */
function boundedBodies(app: FastifyInstance) {
  app.addHook('preValidation', async (request) => {
    const body: unknown = request.body;
    if (body === null || typeof body !== 'object') return;
    if (Array.isArray(body)) {
      if (nestsDeeperThan(body, MAX_BODY_DEPTH))
        throw new InvalidRequestError('The request body must be a JSON object.');
      return;
    }
    for (const [field, value] of Object.entries(body)) {
      if (nestsDeeperThan(value, MAX_BODY_DEPTH)) {
        throw new InvalidFieldError(field, `${field} must not nest deeper than ${MAX_BODY_DEPTH} levels.`);
      }
    }
  });
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
  boundedBodies(app);
  idempotentPosts(app, routeOptions.services, routeOptions.workspaceOf);
  registerRoutes(app, restRoutes, routeOptions);
}
