import {
  APIConnectionError,
  APIConnectionTimeoutError,
  AuthenticationError,
  ConflictError,
  IdempotencyConflictError,
  InternalServerError,
  InvalidRequestError,
  NotFoundError,
  PristineSendError,
  RateLimitError,
  ValidationError,
} from 'pristinesend';
import { describe, expect, it } from 'vitest';
import { client, errorReply, json, mockFetch } from './helpers.js';

async function errorFor(reply: Response): Promise<PristineSendError> {
  const { fetch } = mockFetch(reply);
  const error = await client(fetch, { maxRetries: 0 })
    .contacts.get('x')
    .catch((e: unknown) => e);
  if (!(error instanceof PristineSendError)) throw new Error(`expected a PristineSendError, got ${error}`);
  return error;
}

describe('error mapping', () => {
  it.each([
    [400, 'invalid_request', InvalidRequestError],
    [400, 'missing_field', ValidationError],
    [400, 'invalid_field', ValidationError],
    [401, 'unauthorized', AuthenticationError],
    [404, 'not_found', NotFoundError],
    [405, 'method_not_allowed', InvalidRequestError],
    [409, 'conflict', ConflictError],
    [409, 'idempotency_conflict', IdempotencyConflictError],
    [413, 'payload_too_large', InvalidRequestError],
    [415, 'unsupported_media_type', InvalidRequestError],
    [429, 'rate_limited', RateLimitError],
    [500, 'internal_error', InternalServerError],
    [503, 'unavailable', InternalServerError],
  ])('maps %i %s to %o', async (status, code, errorClass) => {
    const error = await errorFor(errorReply(status, code));
    expect(error).toBeInstanceOf(errorClass);
    expect(error.constructor).toBe(errorClass);
    expect(error.name).toBe(errorClass.name);
    expect([error.status, error.code]).toEqual([status, code]);
  });

  it('gives a status without its own class the base class', async () => {
    const error = await errorFor(errorReply(403, 'forbidden'));
    expect(error.constructor).toBe(PristineSendError);
    expect([error.status, error.code]).toEqual([403, 'forbidden']);
  });

  it('keeps the hierarchy: ValidationError is an InvalidRequestError, idempotency conflicts are conflicts', () => {
    expect(new ValidationError('x')).toBeInstanceOf(InvalidRequestError);
    expect(new IdempotencyConflictError('x')).toBeInstanceOf(ConflictError);
    expect(new APIConnectionTimeoutError('x')).toBeInstanceOf(APIConnectionError);
    for (const ErrorClass of [InvalidRequestError, AuthenticationError, RateLimitError, APIConnectionError]) {
      expect(new ErrorClass('x')).toBeInstanceOf(PristineSendError);
      expect(new ErrorClass('x')).toBeInstanceOf(Error);
    }
  });

  it('carries the envelope message, code, param and request id', async () => {
    const error = await errorFor(
      errorReply(400, 'invalid_field', { message: 'Email is not a valid email address.', param: 'email' }),
    );
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.message).toBe('Email is not a valid email address.');
    expect(error.param).toBe('email');
    expect(error.requestId).toBe('req_0123456789abcdef01234567');
    expect(error.headers?.get('content-type')).toBe('application/json');
  });

  it('takes the request id from the envelope first, so a replayed error names the original request', async () => {
    const error = await errorFor(
      json(
        409,
        { error: { code: 'conflict', message: 'Taken.', param: 'email', request_id: 'req_original' } },
        { 'x-request-id': 'req_replay' },
      ),
    );
    expect(error.requestId).toBe('req_original');
  });

  it('falls back to the X-Request-Id header and a status message when the body is not the envelope', async () => {
    const error = await errorFor(
      new Response('<html>Bad gateway</html>', { status: 404, headers: { 'x-request-id': 'req_hdr' } }),
    );
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error.requestId).toBe('req_hdr');
    expect(error.code).toBeUndefined();
    expect(error.param).toBeUndefined();
    expect(error.message).toBe('Request failed with status 404');
  });

  it('gives RateLimitError the Retry-After seconds', async () => {
    const error = await errorFor(errorReply(429, 'rate_limited', { headers: { 'retry-after': '3' } }));
    expect(error).toBeInstanceOf(RateLimitError);
    expect((error as RateLimitError).retryAfter).toBe(3);
    const withoutHeader = await errorFor(errorReply(429, 'rate_limited'));
    expect((withoutHeader as RateLimitError).retryAfter).toBeUndefined();
  });

  it('reports a success whose body is not JSON', async () => {
    const error = await errorFor(
      new Response('not json', { status: 200, headers: { 'x-request-id': 'req_1' } }),
    );
    expect(error.constructor).toBe(PristineSendError);
    expect([error.status, error.requestId]).toEqual([200, 'req_1']);
  });

  it('wraps a network failure in APIConnectionError with the cause', async () => {
    const cause = new TypeError('fetch failed');
    const { fetch } = mockFetch(cause);
    const error = await client(fetch, { maxRetries: 0 })
      .contacts.get('x')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(APIConnectionError);
    expect(error).not.toBeInstanceOf(APIConnectionTimeoutError);
    expect((error as APIConnectionError).cause).toBe(cause);
    expect((error as APIConnectionError).status).toBeUndefined();
  });

  it('names the reason that Node keeps in the cause of "fetch failed"', async () => {
    const { fetch } = mockFetch(
      new TypeError('fetch failed', { cause: new Error('connect ECONNREFUSED 127.0.0.1:3000') }),
    );
    const error = await client(fetch, { maxRetries: 0 })
      .contacts.get('x')
      .catch((e: unknown) => e);
    expect((error as Error).message).toBe(
      'Connection error: fetch failed (connect ECONNREFUSED 127.0.0.1:3000)',
    );
  });
});
