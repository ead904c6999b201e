import type { StandardSchemaV1 } from '@pothos/plugin-validation';
import {
  type ApiErrorCode,
  type DomainError,
  type DomainErrorCode,
  InvalidFieldError,
  InvalidRequestError,
  isDomainError,
  UnauthorizedError,
} from '@pristinesend/domain';
import { GraphQLError } from './graphql.js';

/**
 * The one table for domain errors over GraphQL: `extensions.code` is the contract's code
 * itself, and the HTTP status stays 200 (the error travels in the body) except where the
 * contract fixes one. A new domain code fails to compile until it is mapped here.
 */
const HTTP_STATUS = {
  invalid_request: 200,
  missing_field: 200,
  invalid_field: 200,
  unauthorized: 401,
  not_found: 200,
  conflict: 200,
  idempotency_conflict: 200,
} as const satisfies Record<DomainErrorCode, number>;

/**
 * yoga refuses some requests before GraphQL sees them (wrong method, unreadable body, body
 * too large) with its own codes; by HTTP status, these are the contract's. GraphQL's own
 * parse and validation codes are not in this table and stay as they are.
 */
const YOGA_TRANSPORT_CODES = new Set(['BAD_REQUEST', 'REQUEST_ENTITY_TOO_LARGE']);
const TRANSPORT_CODE_BY_STATUS: Record<number, ApiErrorCode> = {
  400: 'invalid_request',
  405: 'method_not_allowed',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
};

function transportError(error: GraphQLError): GraphQLError | undefined {
  const code = error.extensions?.code;
  if (typeof code !== 'string' || !YOGA_TRANSPORT_CODES.has(code)) return undefined;
  const http = error.extensions.http as { status?: number; headers?: Record<string, string> } | undefined;
  const status = http?.status ?? 400;
  const mapped = TRANSPORT_CODE_BY_STATUS[status];
  // Only the status and headers travel on: not yoga's copy of the parser's error, and not its
  // `spec` flag, which would let an `Accept: application/json` request turn the status into 200.
  return (
    mapped &&
    new GraphQLError(error.message, {
      extensions: { code: mapped, http: { status, headers: http?.headers } },
    })
  );
}

/** Said for anything unexpected; the details go to the server log only. */
export const INTERNAL_ERROR_MESSAGE = 'Something went wrong on our side; it is safe to retry.';

/** The error graphql-js wrapped, unwrapped down to what a resolver threw. */
function rootCause(error: unknown): unknown {
  let current = error;
  while (current instanceof GraphQLError && current.originalError) current = current.originalError;
  return current;
}

function extensionsFor(error: DomainError): Record<string, unknown> {
  const status = HTTP_STATUS[error.code];
  return {
    code: error.code,
    ...(error.param !== undefined && { param: error.param }),
    ...(status !== 200 && {
      http: {
        status,
        ...(error.code === 'unauthorized' && { headers: { 'WWW-Authenticate': 'Bearer' } }),
      },
    }),
  };
}

/**
 * yoga's `maskedErrors.maskError`: a domain error becomes a GraphQL error with the
 * contract's `code` and `param`; GraphQL's own errors (parse, validation, limits) pass
 * unchanged; anything else is masked as `internal_error`, keeping the original as
 * `originalError` so the reporting plugin can log it.
 */
export function maskError(error: unknown): Error {
  const cause = rootCause(error);
  const located = error instanceof GraphQLError ? error : undefined;
  const position = {
    nodes: located?.nodes,
    source: located?.source,
    positions: located?.positions,
    path: located?.path,
  };
  if (isDomainError(cause)) {
    return new GraphQLError(cause.message, {
      ...position,
      originalError: cause,
      extensions: extensionsFor(cause),
    });
  }
  if (cause instanceof GraphQLError) return transportError(cause) ?? located ?? cause;
  return new GraphQLError(INTERNAL_ERROR_MESSAGE, {
    ...position,
    originalError: cause instanceof Error ? cause : new Error(String(cause)),
    extensions: { code: 'internal_error' },
  });
}

/** The body of a GraphQL error response made outside yoga (401, unknown sub-paths). */
export function errorBody(code: ApiErrorCode, message: string) {
  return { errors: [{ message, extensions: { code } }] };
}

/** The 401 every unauthenticated /graphql request gets, whatever it asked. */
export function unauthorizedBody() {
  return errorBody('unauthorized', new UnauthorizedError().message);
}

/**
 * The validation plugin's failures as the domain's field errors: `param` is the argument,
 * or for a mutation the field of its `input`, as the client wrote it.
 */
export function fromValidationFailure(failure: StandardSchemaV1.FailureResult): Error {
  const issue = failure.issues[0];
  const path = (issue?.path ?? []).map((segment) => (typeof segment === 'object' ? segment.key : segment));
  const [param] = path[0] === 'input' ? path.slice(1) : path;
  if (!issue || param === undefined)
    return new InvalidRequestError(issue?.message ?? 'The request is invalid.');
  return new InvalidFieldError(String(param), issue.message);
}
