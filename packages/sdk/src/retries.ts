const INITIAL_DELAY_MS = 500;
const MAX_BACKOFF_MS = 8_000;
/** How much of the backoff jitter may take off, so clients that failed together spread out. */
const JITTER = 0.25;
/**
 * A `Retry-After` longer than this is not waited for: blocking a call for minutes is worse than letting
 * the caller decide, so the error is thrown at once with its `retryAfter`.
 */
export const MAX_RETRY_AFTER_MS = 60_000;

/** 429 and 5xx may succeed a moment later; any other 4xx would only fail again. */
export function isRetryableStatus(status: number): boolean {
  return status === 429 || status >= 500;
}

/**
 * Reads a `Retry-After` header, either delay-seconds (`"2"`) or an HTTP date, as milliseconds from `now`
 * (never negative). Returns `undefined` when the header is absent or unreadable.
 */
export function parseRetryAfter(value: string | null, now: number = Date.now()): number | undefined {
  if (value === null) return undefined;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Number(trimmed) * 1000;
  // Every HTTP-date form names the day; without a letter, Date.parse would read '-1' as a year.
  const date = /[a-z]/i.test(trimmed) ? Date.parse(trimmed) : Number.NaN;
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** Exponential backoff before retry number `retry` (from 0): 0.5 s, 1 s, 2 s, ... at most 8 s, less ≤ 25 %. */
export function backoffDelay(retry: number): number {
  return Math.min(INITIAL_DELAY_MS * 2 ** retry, MAX_BACKOFF_MS) * (1 - Math.random() * JITTER);
}

/**
 * The wait before the `retry`-th retry: what the server asked for, else the backoff. `undefined` means
 * the server asked for longer than {@link MAX_RETRY_AFTER_MS}, so the call should not be retried.
 */
export function retryDelay(retry: number, retryAfterMs: number | undefined): number | undefined {
  if (retryAfterMs === undefined) return backoffDelay(retry);
  return retryAfterMs <= MAX_RETRY_AFTER_MS ? retryAfterMs : undefined;
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
