/**
 * The closed set of domain errors. Each carries a stable `code` from the contract's
 * vocabulary; adapters map codes (never classes or messages) to their protocol.
 */
export type DomainErrorCode =
  | 'invalid_request'
  | 'missing_field'
  | 'invalid_field'
  | 'unauthorized'
  | 'not_found'
  | 'conflict'
  | 'idempotency_conflict';

/**
 * Codes only a transport produces (a wrong method, a body too large, a rate limit,
 * an unexpected failure). With the domain's they make the contract's whole error
 * vocabulary, which every adapter speaks.
 */
export type TransportErrorCode =
  | 'method_not_allowed'
  | 'payload_too_large'
  | 'unsupported_media_type'
  | 'rate_limited'
  | 'internal_error';

export type ApiErrorCode = DomainErrorCode | TransportErrorCode;

export abstract class DomainError extends Error {
  abstract readonly code: DomainErrorCode;
  /** The field or parameter the error is about, named as the caller wrote it. */
  readonly param: string | undefined;

  constructor(message: string, param?: string) {
    super(message);
    this.name = new.target.name;
    this.param = param;
  }
}

export class InvalidRequestError extends DomainError {
  readonly code = 'invalid_request';
}

export class MissingFieldError extends DomainError {
  readonly code = 'missing_field';
  constructor(param: string, message = `${param} is required.`) {
    super(message, param);
  }
}

export class InvalidFieldError extends DomainError {
  readonly code = 'invalid_field';
  constructor(param: string, message: string) {
    super(message, param);
  }
}

export class UnauthorizedError extends DomainError {
  readonly code = 'unauthorized';
  constructor(message = 'A valid API key is required: send "Authorization: Bearer ps_live_…".') {
    super(message);
  }
}

export class NotFoundError extends DomainError {
  readonly code = 'not_found';
  constructor(resource: 'contact' | 'segment' | 'workspace' | 'api_key' | 'route', id?: string) {
    super(id === undefined ? `No such ${resource}.` : `No such ${resource}: ${id}.`);
  }
}

export class ConflictError extends DomainError {
  readonly code = 'conflict';
}

export class IdempotencyConflictError extends DomainError {
  readonly code = 'idempotency_conflict';
}

export function isDomainError(error: unknown): error is DomainError {
  return error instanceof DomainError;
}
