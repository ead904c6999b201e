import { PristineSendError } from './errors.js';
import { type Fetch, HttpClient } from './http.js';
import { Contacts } from './resources/contacts.js';
import { Segments } from './resources/segments.js';

const DEFAULT_BASE_URL = 'https://pristinesend.com';
const DEFAULT_MAX_RETRIES = 2;
const DEFAULT_TIMEOUT_MS = 60_000;

/** Settings of a {@link PristineSend} client; each has a default. */
export interface ClientOptions {
  /**
   * The API's origin. Default: the `PRISTINESEND_BASE_URL` environment variable, else
   * `https://pristinesend.com`.
   */
  baseUrl?: string | undefined;
  /** How often a failed request is retried (429, 5xx, network failure, timeout). Default 2. */
  maxRetries?: number | undefined;
  /** Milliseconds to wait for each attempt's response before giving up on it. Default 60 000. */
  timeout?: number | undefined;
  /** The `fetch` to send requests with. Default: the global `fetch`. */
  fetch?: Fetch | undefined;
}

/**
 * The PristineSend API client.
 *
 * @example
 * const ps = new PristineSend(process.env.PRISTINESEND_API_KEY!)
 * const contact = await ps.contacts.create({ email: 'jane@example.com' })
 */
export class PristineSend {
  /** Contacts: `list`, `create`, `get`, `update`, `delete`. */
  readonly contacts: Contacts;
  /** Segments and their members. */
  readonly segments: Segments;
  /** The API origin requests go to. */
  readonly baseUrl: string;
  readonly maxRetries: number;
  /** Milliseconds per attempt. */
  readonly timeout: number;

  /**
   * @param apiKey A `ps_live_...` key. Default: the `PRISTINESEND_API_KEY` environment variable.
   * @throws {PristineSendError} when no API key is given and the environment has none.
   * @throws {TypeError} on an invalid `maxRetries` or `timeout`.
   */
  constructor(apiKey?: string | undefined, options: ClientOptions = {}) {
    const key = nonEmpty(apiKey) ?? nonEmpty(readEnv('PRISTINESEND_API_KEY'));
    if (key === undefined) {
      throw new PristineSendError(
        'No API key: pass one to `new PristineSend(apiKey)` or set PRISTINESEND_API_KEY in the environment.',
      );
    }
    const baseUrl =
      nonEmpty(options.baseUrl) ?? nonEmpty(readEnv('PRISTINESEND_BASE_URL')) ?? DEFAULT_BASE_URL;
    this.baseUrl = baseUrl.replace(/\/+$/, '');
    this.maxRetries = options.maxRetries ?? DEFAULT_MAX_RETRIES;
    if (!Number.isInteger(this.maxRetries) || this.maxRetries < 0) {
      throw new TypeError('`maxRetries` must be a whole number of at least 0.');
    }
    this.timeout = options.timeout ?? DEFAULT_TIMEOUT_MS;
    if (!(this.timeout > 0) || !Number.isFinite(this.timeout)) {
      throw new TypeError('`timeout` must be a positive number of milliseconds.');
    }
    const http = new HttpClient({
      apiKey: key,
      baseUrl: this.baseUrl,
      maxRetries: this.maxRetries,
      timeout: this.timeout,
      // Looked up on each call rather than captured, so a fetch patched in later (tests, tracing) is used.
      fetch: options.fetch ?? ((url, init) => globalThis.fetch(url, init)),
    });
    this.contacts = new Contacts(http);
    this.segments = new Segments(http);
  }
}

// `globalThis.process` is absent outside Node (browsers, edge runtimes), and the SDK must still load there.
function readEnv(name: string): string | undefined {
  const env = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env;
  return env?.[name];
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value;
}
