import { type ApiErrorCode, isDomainError, type TransportErrorCode } from '@pristinesend/domain';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import type { Envelope } from './schemas.js';

/** The one table from error code to HTTP status: a new domain code fails to compile until mapped. */
export const HTTP_STATUS = {
  invalid_request: 400,
  missing_field: 400,
  invalid_field: 400,
  unauthorized: 401,
  not_found: 404,
  method_not_allowed: 405,
  conflict: 409,
  idempotency_conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  internal_error: 500,
} as const satisfies Record<ApiErrorCode, number>;

/** An error that only HTTP knows (wrong method, body too large, …). */
export class HttpError extends Error {
  constructor(
    readonly code: TransportErrorCode,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

/** The error envelope, typed by the schema the OpenAPI document is made from. */
export type { Envelope } from './schemas.js';

export function envelope(code: ApiErrorCode, message: string, requestId: string, param?: string): Envelope {
  return { error: { code, message, ...(param !== undefined && { param }), request_id: requestId } };
}

/** Sends the envelope with the status its code maps to. */
export function sendError(reply: FastifyReply, code: ApiErrorCode, message: string, param?: string) {
  if (code === 'unauthorized') reply.header('WWW-Authenticate', 'Bearer');
  return reply.code(HTTP_STATUS[code]).send(envelope(code, message, String(reply.request.id), param));
}

/** Fastify's own failures (body parsing, limits) by status, in the contract's words. */
function fromFrameworkError(error: FastifyError): { code: ApiErrorCode; message: string } | undefined {
  switch (error.statusCode) {
    case 413:
      return { code: 'payload_too_large', message: 'The request body is larger than 1 MiB.' };
    case 415:
      return {
        code: 'unsupported_media_type',
        message: 'Send the request body as JSON with "Content-Type: application/json".',
      };
    case 400:
      return {
        code: 'invalid_request',
        message:
          error.code === 'FST_ERR_CTP_EMPTY_JSON_BODY'
            ? 'The request body is empty; send a JSON object.'
            : 'The request body is not valid JSON.',
      };
    default:
      return undefined;
  }
}

/**
 * The one error handler: domain errors by their code, HTTP and parser errors in
 * the contract's words, and anything else logged and masked as internal_error.
 */
export function errorHandler(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  if (isDomainError(error)) return sendError(reply, error.code, error.message, error.param);
  if (error instanceof HttpError) {
    reply.headers(error.headers);
    return sendError(reply, error.code, error.message);
  }
  const framework =
    error.code?.startsWith('FST_') || error instanceof SyntaxError ? fromFrameworkError(error) : undefined;
  if (framework) return sendError(reply, framework.code, framework.message);
  request.log.error({ err: error }, 'unhandled error');
  return sendError(reply, 'internal_error', 'Something went wrong on our side; it is safe to retry.');
}

/** Unknown routes are a 404 in the envelope. */
export function notFoundHandler(request: FastifyRequest, reply: FastifyReply) {
  return sendError(reply, 'not_found', `No route ${request.method} ${request.url.split('?')[0]}.`);
}
