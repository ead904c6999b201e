import {
  APIConnectionError,
  APIConnectionTimeoutError,
  errorFromResponse,
  PristineSendError,
} from './errors.js';
import { isRetryableStatus, parseRetryAfter, retryDelay, sleep } from './retries.js';
import { VERSION } from './version.js';
import { buildQuery } from './wire.js';

/** The subset of `fetch` the SDK uses; the global `fetch` and most mocks fit it. */
export type Fetch = (url: string, init: RequestInit) => Promise<Response>;

/** Per-call overrides of the client's settings; every resource method takes them as its last argument. */
export interface RequestOptions {
  /** Milliseconds to wait for each attempt's response, instead of the client's `timeout`. */
  timeout?: number | undefined;
  /** Retries for this call, instead of the client's `maxRetries`. */
  maxRetries?: number | undefined;
  /**
   * POST only: the `Idempotency-Key` to send instead of a generated one. Pass your own to make a create
   * safe to repeat after your process restarts; the server replays the first response for 24 hours.
   */
  idempotencyKey?: string | undefined;
}

export interface HttpClientConfig {
  apiKey: string;
  baseUrl: string;
  maxRetries: number;
  timeout: number;
  fetch: Fetch;
}

export interface ApiRequest {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  path: string;
  query?: Record<string, unknown> | undefined;
  body?: unknown;
  options?: RequestOptions | undefined;
}

type Outcome =
  | { ok: true; data: unknown }
  | { ok: false; error: PristineSendError; retryable: boolean; retryAfterMs?: number | undefined };

/** Sends API requests: auth and JSON, a timeout per attempt, retries, and errors mapped to classes. */
export class HttpClient {
  readonly #config: HttpClientConfig;

  constructor(config: HttpClientConfig) {
    this.#config = config;
  }

  /**
   * Sends the request, retrying 429s, 5xx answers, network failures and timeouts, and resolves with the
   * parsed JSON body (`undefined` for an empty one, as on 204).
   *
   * @throws {PristineSendError} a subclass matching the failure, once retries are used up or not allowed.
   */
  async request<T>(request: ApiRequest): Promise<T> {
    const { method, path, query, body, options = {} } = request;
    const url = `${this.#config.baseUrl}${path}${query === undefined ? '' : buildQuery(query)}`;
    const headers: Record<string, string> = {
      Accept: 'application/json',
      Authorization: `Bearer ${this.#config.apiKey}`,
      'X-PristineSend-Client': `pristinesend-node/${VERSION}`,
    };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    // One key for every attempt: a retry after a lost response must not create the contact twice.
    if (method === 'POST') {
      headers['Idempotency-Key'] = options.idempotencyKey ?? globalThis.crypto.randomUUID();
    }
    const init: RequestInit = {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    };
    const timeout = options.timeout ?? this.#config.timeout;
    const maxRetries = options.maxRetries ?? this.#config.maxRetries;

    for (let retry = 0; ; retry++) {
      const outcome = await this.#attempt(url, init, timeout);
      if (outcome.ok) return outcome.data as T;
      if (!outcome.retryable || retry >= maxRetries) throw outcome.error;
      const delay = retryDelay(retry, outcome.retryAfterMs);
      if (delay === undefined) throw outcome.error;
      await sleep(delay);
    }
  }

  async #attempt(url: string, init: RequestInit, timeout: number): Promise<Outcome> {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeout);
    let response: Response;
    let text: string;
    try {
      response = await this.#config.fetch(url, { ...init, signal: controller.signal });
      // Reading the body is part of the attempt: a server that stalls mid-body times out too.
      text = await response.text();
    } catch (cause) {
      const error = controller.signal.aborted
        ? new APIConnectionTimeoutError(`Request timed out after ${timeout} ms.`, { cause })
        : new APIConnectionError(`Connection error: ${describe(cause)}`, { cause });
      return { ok: false, error, retryable: true };
    } finally {
      clearTimeout(timer);
    }

    const { status, headers } = response;
    if (response.ok) {
      if (text === '') return { ok: true, data: undefined };
      try {
        return { ok: true, data: JSON.parse(text) };
      } catch (cause) {
        const requestId = headers.get('x-request-id') ?? undefined;
        const error = new PristineSendError('The response body is not valid JSON.', {
          status,
          requestId,
          headers,
          cause,
        });
        return { ok: false, error, retryable: false };
      }
    }
    const retryAfterMs = parseRetryAfter(headers.get('retry-after'));
    const error = errorFromResponse(
      status,
      parseJsonOrUndefined(text),
      headers,
      retryAfterMs === undefined ? undefined : retryAfterMs / 1000,
    );
    return { ok: false, error, retryable: isRetryableStatus(status), retryAfterMs };
  }
}

// Node's fetch says only "fetch failed" and keeps the reason (ECONNREFUSED, ENOTFOUND, ...) in its cause.
function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  return error.cause instanceof Error ? `${error.message} (${error.cause.message})` : error.message;
}

// A proxy's HTML error page still deserves the status-based error, just without the envelope's details.
function parseJsonOrUndefined(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
