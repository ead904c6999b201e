import {
  APIConnectionError,
  APIConnectionTimeoutError,
  AuthenticationError,
  ConflictError,
  IdempotencyConflictError,
  InternalServerError,
  InvalidRequestError,
  NotFoundError,
  RateLimitError,
} from 'pristinesend';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { backoffDelay, parseRetryAfter, retryDelay } from '../src/retries.js';
import { client, contact, errorReply, hang, json, mockFetch, type SentRequest } from './helpers.js';

beforeEach(() => {
  vi.useFakeTimers();
  // No jitter unless a test sets it, so waits are exact.
  vi.spyOn(Math, 'random').mockReturnValue(0);
});

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

/** Settles a call into its value or error, so timers can be advanced before looking at it. */
function settle<T>(promise: Promise<T>): Promise<T | unknown> {
  return promise.catch((error: unknown) => error);
}

describe('retry timing', () => {
  it('backs off 0.5 s, then 1 s, before the second and third attempts', async () => {
    const { fetch, requests } = mockFetch(
      errorReply(500, 'internal_error'),
      errorReply(503, 'x'),
      json(200, contact),
    );
    const result = settle(client(fetch).contacts.get(contact.id));
    await vi.advanceTimersByTimeAsync(0);
    expect(requests).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(499);
    expect(requests).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(requests).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(999);
    expect(requests).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(requests).toHaveLength(3);
    expect(await result).toEqual(contact);
  });

  it('takes up to a quarter off the backoff as jitter', async () => {
    vi.mocked(Math.random).mockReturnValue(0.8);
    const { fetch, requests } = mockFetch(errorReply(500, 'internal_error'), json(200, contact));
    const result = settle(client(fetch).contacts.get(contact.id));
    await vi.advanceTimersByTimeAsync(399);
    expect(requests).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(requests).toHaveLength(2);
    expect(await result).toEqual(contact);
  });

  it('doubles the backoff up to a cap of 8 s', () => {
    expect([0, 1, 2, 3, 4, 5, 10].map(backoffDelay)).toEqual([500, 1000, 2000, 4000, 8000, 8000, 8000]);
    vi.mocked(Math.random).mockReturnValue(0.999_999);
    expect(backoffDelay(4)).toBeCloseTo(6000, 0);
  });

  it('honours Retry-After in seconds instead of the backoff', async () => {
    const { fetch, requests } = mockFetch(
      errorReply(429, 'rate_limited', { headers: { 'retry-after': '3' } }),
      json(200, contact),
    );
    const result = settle(client(fetch).contacts.get(contact.id));
    await vi.advanceTimersByTimeAsync(2999);
    expect(requests).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(requests).toHaveLength(2);
    expect(await result).toEqual(contact);
  });

  it('honours Retry-After as an HTTP date', async () => {
    vi.setSystemTime(new Date('2026-11-26T13:00:00.000Z'));
    const { fetch, requests } = mockFetch(
      errorReply(503, 'unavailable', { headers: { 'retry-after': 'Thu, 26 Nov 2026 13:00:05 GMT' } }),
      json(200, contact),
    );
    const result = settle(client(fetch).contacts.get(contact.id));
    await vi.advanceTimersByTimeAsync(4999);
    expect(requests).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(requests).toHaveLength(2);
    expect(await result).toEqual(contact);
  });

  it('retries at once on Retry-After: 0', async () => {
    const { fetch, requests } = mockFetch(
      errorReply(429, 'rate_limited', { headers: { 'retry-after': '0' } }),
      json(200, contact),
    );
    const result = settle(client(fetch).contacts.get(contact.id));
    await vi.advanceTimersByTimeAsync(0);
    expect(requests).toHaveLength(2);
    expect(await result).toEqual(contact);
  });

  it('does not wait out a Retry-After over 60 s: it throws at once with retryAfter', async () => {
    const { fetch, requests } = mockFetch(
      errorReply(429, 'rate_limited', { headers: { 'retry-after': '120' } }),
    );
    const error = await client(fetch)
      .contacts.get(contact.id)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimitError);
    expect((error as RateLimitError).retryAfter).toBe(120);
    expect(requests).toHaveLength(1);
  });
});

describe('parseRetryAfter and retryDelay', () => {
  it('reads seconds, fractions and dates, and ignores nonsense', () => {
    const now = Date.parse('2026-11-26T13:00:00.000Z');
    expect(parseRetryAfter('2', now)).toBe(2000);
    expect(parseRetryAfter(' 1.5 ', now)).toBe(1500);
    expect(parseRetryAfter('Thu, 26 Nov 2026 13:00:10 GMT', now)).toBe(10_000);
    expect(parseRetryAfter('Thu, 26 Nov 2026 12:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter('-1', now)).toBeUndefined();
    expect(parseRetryAfter(null, now)).toBeUndefined();
  });

  it('prefers the server’s wait and refuses one over 60 s', () => {
    expect(retryDelay(3, 250)).toBe(250);
    expect(retryDelay(0, 60_000)).toBe(60_000);
    expect(retryDelay(0, 60_001)).toBeUndefined();
    expect(retryDelay(1, undefined)).toBe(1000);
  });
});

describe('giving up', () => {
  it('throws the last error after maxRetries retries (default 2: three attempts)', async () => {
    const { fetch, requests } = mockFetch(
      errorReply(500, 'internal_error'),
      errorReply(500, 'internal_error'),
      errorReply(502, 'bad_gateway'),
    );
    const result = settle(client(fetch).contacts.get(contact.id));
    await vi.runAllTimersAsync();
    const error = await result;
    expect(error).toBeInstanceOf(InternalServerError);
    expect((error as InternalServerError).status).toBe(502);
    expect(requests).toHaveLength(3);
  });

  it('respects maxRetries from the client and from the call', async () => {
    const { fetch, requests } = mockFetch(
      errorReply(429, 'rate_limited'),
      errorReply(429, 'rate_limited'),
      errorReply(429, 'rate_limited'),
      errorReply(429, 'rate_limited'),
    );
    const ps = client(fetch, { maxRetries: 0 });
    expect(await settle(ps.contacts.get(contact.id))).toBeInstanceOf(RateLimitError);
    expect(requests).toHaveLength(1);
    const result = settle(ps.contacts.get(contact.id, { maxRetries: 2 }));
    await vi.runAllTimersAsync();
    expect(await result).toBeInstanceOf(RateLimitError);
    expect(requests).toHaveLength(4);
  });

  it.each([
    [400, 'invalid_request', InvalidRequestError],
    [401, 'unauthorized', AuthenticationError],
    [404, 'not_found', NotFoundError],
    [409, 'conflict', ConflictError],
    [409, 'idempotency_conflict', IdempotencyConflictError],
  ])('never retries %i %s', async (status, code, errorClass) => {
    const { fetch, requests } = mockFetch(errorReply(status, code), json(200, contact));
    const error = await client(fetch)
      .contacts.create({ email: 'a@b.co' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(errorClass);
    expect(requests).toHaveLength(1);
  });
});

describe('network failures and timeouts', () => {
  it('retries a network failure and throws APIConnectionError when they persist', async () => {
    const { fetch, requests } = mockFetch(
      new TypeError('fetch failed'),
      new TypeError('fetch failed'),
      json(200, contact),
    );
    const ok = settle(client(fetch).contacts.get(contact.id));
    await vi.runAllTimersAsync();
    expect(await ok).toEqual(contact);
    expect(requests).toHaveLength(3);

    const failing = mockFetch(new TypeError('a'), new TypeError('b'));
    const result = settle(client(failing.fetch, { maxRetries: 1 }).contacts.get(contact.id));
    await vi.runAllTimersAsync();
    expect(await result).toBeInstanceOf(APIConnectionError);
  });

  it('times out an attempt after 60 s by default with APIConnectionTimeoutError', async () => {
    const { fetch, requests } = mockFetch(hang);
    const result = settle(client(fetch, { maxRetries: 0 }).contacts.get(contact.id));
    await vi.advanceTimersByTimeAsync(59_999);
    expect(requests[0]?.signal?.aborted).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(requests[0]?.signal?.aborted).toBe(true);
    const error = await result;
    expect(error).toBeInstanceOf(APIConnectionTimeoutError);
    expect((error as APIConnectionTimeoutError).message).toMatch(/60000 ms/);
  });

  it('applies the timeout to each attempt and retries timeouts', async () => {
    const { fetch, requests } = mockFetch(hang, hang, json(200, contact));
    const result = settle(client(fetch, { timeout: 1000 }).contacts.get(contact.id));
    // attempt 1 times out at 1000, backoff 500; attempt 2 at 1500 times out at 2500, backoff 1000.
    await vi.advanceTimersByTimeAsync(1499);
    expect(requests).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(requests).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1999);
    expect(requests).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(requests).toHaveLength(3);
    expect(await result).toEqual(contact);
  });

  it('times out a response whose body stalls, and takes a per-call timeout', async () => {
    const stalledBody = (request: SentRequest) =>
      new Response(
        new ReadableStream({
          start(controller) {
            request.signal?.addEventListener('abort', () => controller.error(request.signal?.reason));
          },
        }),
        { status: 200 },
      );
    const { fetch } = mockFetch(stalledBody);
    const result = settle(client(fetch, { maxRetries: 0 }).contacts.get(contact.id, { timeout: 50 }));
    await vi.advanceTimersByTimeAsync(50);
    expect(await result).toBeInstanceOf(APIConnectionTimeoutError);
  });
});

describe('idempotency keys', () => {
  it('reuses one key across all retries of a POST', async () => {
    const { fetch, requests } = mockFetch(
      errorReply(500, 'internal_error'),
      new TypeError('reset'),
      json(201, contact),
    );
    const result = settle(client(fetch).contacts.create({ email: 'jane@example.com' }));
    await vi.runAllTimersAsync();
    expect(await result).toEqual(contact);
    const keys = requests.map((r) => r.headers.get('idempotency-key'));
    expect(keys).toHaveLength(3);
    expect(new Set(keys).size).toBe(1);
    expect(keys[0]).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('uses a different key for each call', async () => {
    const { fetch, requests } = mockFetch(json(201, contact), json(201, contact), json(200, { added: 1 }));
    const ps = client(fetch);
    await ps.contacts.create({ email: 'a@b.co' });
    await ps.contacts.create({ email: 'a@b.co' });
    await ps.segments.addContacts('s', ['c']);
    const keys = requests.map((r) => r.headers.get('idempotency-key'));
    expect(new Set(keys).size).toBe(3);
  });

  it('sends a caller-chosen key when given one', async () => {
    const { fetch, requests } = mockFetch(json(201, contact));
    await client(fetch).contacts.create({ email: 'a@b.co' }, { idempotencyKey: 'signup-42' });
    expect(requests[0]?.headers.get('idempotency-key')).toBe('signup-42');
  });
});
