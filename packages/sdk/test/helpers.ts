import type { ClientOptions } from 'pristinesend';
import { PristineSend } from 'pristinesend';

/** One request the SDK sent, as the mock fetch saw it. */
export interface SentRequest {
  url: string;
  method: string;
  headers: Headers;
  /** The parsed JSON body, or `undefined` when there was none. */
  body: unknown;
  signal: AbortSignal | undefined;
}

type Reply = Response | Error | ((request: SentRequest) => Response | Promise<Response>);

/**
 * A fetch that answers with `replies` in order (an Error is thrown as a network failure) and records
 * what it was sent. Running out of replies fails the test loudly rather than hanging.
 */
export function mockFetch(...replies: Reply[]) {
  const requests: SentRequest[] = [];
  const fetch = async (url: string, init: RequestInit): Promise<Response> => {
    const request: SentRequest = {
      url,
      method: init.method ?? 'GET',
      headers: new Headers(init.headers),
      body: typeof init.body === 'string' ? JSON.parse(init.body) : undefined,
      signal: init.signal ?? undefined,
    };
    requests.push(request);
    const reply = replies.shift();
    if (reply === undefined)
      throw new Error(`Unexpected request #${requests.length}: ${request.method} ${url}`);
    if (reply instanceof Error) throw reply;
    return typeof reply === 'function' ? reply(request) : reply;
  };
  return { fetch, requests };
}

export function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', ...headers },
  });
}

export function noContent(): Response {
  return new Response(null, { status: 204 });
}

export function errorReply(
  status: number,
  code: string,
  extra: { message?: string; param?: string; headers?: Record<string, string> } = {},
): Response {
  const requestId = 'req_0123456789abcdef01234567';
  const error = {
    code,
    message: extra.message ?? `${code} happened`,
    param: extra.param,
    request_id: requestId,
  };
  return json(status, { error }, { 'x-request-id': requestId, ...extra.headers });
}

/** A reply that never comes: it only settles when the SDK aborts the request. */
export function hang(request: SentRequest): Promise<Response> {
  return new Promise((_resolve, reject) => {
    request.signal?.addEventListener('abort', () => reject(request.signal?.reason));
  });
}

export function client(fetch: ClientOptions['fetch'], options: ClientOptions = {}): PristineSend {
  return new PristineSend('ps_live_test', { baseUrl: 'http://api.test', fetch, ...options });
}

export const contact = {
  id: '8e4f2b1c-1a2b-4c3d-9e8f-0a1b2c3d4e5f',
  email: 'jane@example.com',
  first_name: 'Jane',
  last_name: 'Doe',
  status: 'subscribed',
  properties: { city: 'Seattle' },
  created_at: '2026-11-26T13:00:00.000Z',
  updated_at: '2026-11-26T13:00:00.000Z',
} as const;

export function contactNumbered(n: number) {
  return {
    ...contact,
    id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    email: `c${n}@example.com`,
  };
}

export const segment = {
  id: '5a1e0c7d-2b3c-4d5e-8f90-a1b2c3d4e5f6',
  name: 'VIP',
  description: null,
  created_at: '2026-11-26T13:00:00.000Z',
  updated_at: '2026-11-26T13:00:00.000Z',
} as const;
