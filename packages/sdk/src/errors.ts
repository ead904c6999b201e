/** The fields every SDK error carries; those the failure does not have are `undefined`. */
export interface ErrorDetails {
  /** The HTTP status, when the server answered. */
  status?: number | undefined;
  /** The API's error code (`invalid_field`, `not_found`, `rate_limited`, ...). */
  code?: string | undefined;
  /** The field or query parameter the error is about, for errors about a single one. */
  param?: string | undefined;
  /** The request id (`req_...`) to quote to support: the error envelope's, else the `X-Request-Id` header. */
  requestId?: string | undefined;
  /** The response headers, when the server answered. */
  headers?: Headers | undefined;
  /** The underlying error (a network failure, an abort). */
  cause?: unknown;
}

/**
 * The base class of every error the SDK throws, so `catch (e) { if (e instanceof PristineSendError) ... }`
 * catches them all. API errors use the subclasses below; an error whose status has no subclass of its
 * own (e.g. 403) is a plain `PristineSendError` with its `status` and `code` set.
 */
export class PristineSendError extends Error {
  override name = 'PristineSendError';
  readonly status: number | undefined;
  readonly code: string | undefined;
  readonly param: string | undefined;
  readonly requestId: string | undefined;
  readonly headers: Headers | undefined;

  constructor(message: string, details: ErrorDetails = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.status = details.status;
    this.code = details.code;
    this.param = details.param;
    this.requestId = details.requestId;
    this.headers = details.headers;
  }
}

/**
 * The request was rejected as malformed: 400 (`invalid_request`), and also 405, 413 and 415
 * (`method_not_allowed`, `payload_too_large`, `unsupported_media_type`), which are request problems too.
 */
export class InvalidRequestError extends PristineSendError {
  override name = 'InvalidRequestError';
}

/** A 400 about one field or query parameter (`missing_field`, `invalid_field`); `param` names it. */
export class ValidationError extends InvalidRequestError {
  override name = 'ValidationError';
}

/** 401 `unauthorized`: the API key is missing, unknown or revoked. */
export class AuthenticationError extends PristineSendError {
  override name = 'AuthenticationError';
}

/** 404 `not_found`: no such resource in the API key's workspace. */
export class NotFoundError extends PristineSendError {
  override name = 'NotFoundError';
}

/** 409 `conflict`, e.g. a contact with this email already exists in the workspace (`param: 'email'`). */
export class ConflictError extends PristineSendError {
  override name = 'ConflictError';
}

/**
 * 409 `idempotency_conflict`: the `Idempotency-Key` was already used with a different request, or its
 * first request is still running.
 */
export class IdempotencyConflictError extends ConflictError {
  override name = 'IdempotencyConflictError';
}

/** 429 `rate_limited`, thrown once the SDK's retries are used up. */
export class RateLimitError extends PristineSendError {
  override name = 'RateLimitError';
  /** Seconds the server asked to wait before retrying (from `Retry-After`), if it said. */
  readonly retryAfter: number | undefined;

  constructor(message: string, details: ErrorDetails & { retryAfter?: number | undefined } = {}) {
    super(message, details);
    this.retryAfter = details.retryAfter;
  }
}

/** A 5xx answer, thrown once the SDK's retries are used up. */
export class InternalServerError extends PristineSendError {
  override name = 'InternalServerError';
}

/** No answer came from the server (DNS, refused or reset connection, ...), after the SDK's retries. */
export class APIConnectionError extends PristineSendError {
  override name = 'APIConnectionError';
}

/** No answer came within the client's `timeout`, on every attempt. */
export class APIConnectionTimeoutError extends APIConnectionError {
  override name = 'APIConnectionTimeoutError';
}

interface ErrorEnvelope {
  code?: string;
  message?: string;
  param?: string;
  requestId?: string;
}

function readEnvelope(body: unknown): ErrorEnvelope {
  if (typeof body !== 'object' || body === null || !('error' in body)) return {};
  const error: unknown = body.error;
  if (typeof error !== 'object' || error === null) return {};
  const field = (name: string): string | undefined => {
    const value: unknown = (error as Record<string, unknown>)[name];
    return typeof value === 'string' ? value : undefined;
  };
  return {
    code: field('code'),
    message: field('message'),
    param: field('param'),
    requestId: field('request_id'),
  };
}

const REQUEST_PROBLEM_STATUSES = new Set([400, 405, 413, 415]);
const FIELD_CODES = new Set(['missing_field', 'invalid_field']);

/**
 * Builds the error for a non-2xx response from its status, parsed body (the `{error: {...}}` envelope,
 * or anything else a proxy might have answered) and headers.
 */
export function errorFromResponse(
  status: number,
  body: unknown,
  headers: Headers,
  retryAfterSeconds?: number,
): PristineSendError {
  const envelope = readEnvelope(body);
  const message = envelope.message ?? `Request failed with status ${status}`;
  const details: ErrorDetails = {
    status,
    code: envelope.code,
    param: envelope.param,
    requestId: envelope.requestId ?? headers.get('x-request-id') ?? undefined,
    headers,
  };
  if (status === 400 && envelope.code !== undefined && FIELD_CODES.has(envelope.code)) {
    return new ValidationError(message, details);
  }
  if (REQUEST_PROBLEM_STATUSES.has(status)) return new InvalidRequestError(message, details);
  if (status === 401) return new AuthenticationError(message, details);
  if (status === 404) return new NotFoundError(message, details);
  if (status === 409) {
    return envelope.code === 'idempotency_conflict'
      ? new IdempotencyConflictError(message, details)
      : new ConflictError(message, details);
  }
  if (status === 429) return new RateLimitError(message, { ...details, retryAfter: retryAfterSeconds });
  if (status >= 500) return new InternalServerError(message, details);
  return new PristineSendError(message, details);
}
