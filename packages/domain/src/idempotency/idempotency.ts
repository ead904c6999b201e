import { createHash } from 'node:crypto';
import { IdempotencyConflictError, InvalidRequestError } from '../errors.js';

/** A stored first response, replayed to retries with the same key and request. */
export interface IdempotencyRecord {
  fingerprint: string;
  /** Null while the first request is still running. */
  status: number | null;
  body: string | null;
}

export interface IdempotencyStore {
  /**
   * Claims the key for a new request in one statement: a fresh key, an expired one,
   * or one whose request was abandoned (same fingerprint, in flight since before
   * `abandonedBefore`) is taken over; otherwise the existing record comes back.
   */
  claim(
    workspaceId: string,
    key: string,
    fingerprint: string,
    times: { now: Date; expiredBefore: Date; abandonedBefore: Date },
  ): Promise<IdempotencyRecord | 'claimed'>;
  complete(workspaceId: string, key: string, status: number, body: string): Promise<void>;
  release(workspaceId: string, key: string): Promise<void>;
  /** Deletes records created before `expiredBefore`; returns how many. */
  sweep(expiredBefore: Date): Promise<number>;
}

export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;
/** A claimed key whose request has not finished after this long is taken to be abandoned (a crash). */
export const IDEMPOTENCY_ABANDONED_MS = 60 * 1000;

/** Keys are 1–255 printable ASCII characters. @throws InvalidRequestError */
export function assertIdempotencyKey(key: string): void {
  if (!/^[\x20-\x7e]{1,255}$/.test(key)) {
    throw new InvalidRequestError('Idempotency-Key must be 1 to 255 printable ASCII characters.');
  }
}

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((key) => [key, canonical((value as Record<string, unknown>)[key])]),
    );
  }
  return value;
}

/** Identifies a request so that bodies equal as JSON (any key order) match. */
export function requestFingerprint(method: string, path: string, body: unknown): string {
  return createHash('sha256')
    .update(`${method} ${path}\n${JSON.stringify(canonical(body ?? null))}`)
    .digest('hex');
}

export type IdempotencyDecision = { kind: 'execute' } | { kind: 'replay'; status: number; body: string };

/** The Idempotency-Key rules, for any transport that can replay a response. */
export class IdempotencyService {
  constructor(
    private readonly store: IdempotencyStore,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /**
   * @throws InvalidRequestError for a malformed key
   * @throws IdempotencyConflictError when the key was used for another request, or its first request is still running
   */
  async begin(workspaceId: string, key: string, fingerprint: string): Promise<IdempotencyDecision> {
    assertIdempotencyKey(key);
    const now = this.now();
    const record = await this.store.claim(workspaceId, key, fingerprint, {
      now,
      expiredBefore: new Date(now.getTime() - IDEMPOTENCY_TTL_MS),
      abandonedBefore: new Date(now.getTime() - IDEMPOTENCY_ABANDONED_MS),
    });
    if (record === 'claimed') return { kind: 'execute' };
    if (record.fingerprint !== fingerprint) {
      throw new IdempotencyConflictError('This Idempotency-Key was already used with a different request.');
    }
    if (record.status === null || record.body === null) {
      throw new IdempotencyConflictError(
        'A request with this Idempotency-Key is still in progress; retry later.',
      );
    }
    return { kind: 'replay', status: record.status, body: record.body };
  }

  /** Stores the first response for replay; server errors, 401 and 429 are not kept, so a retry runs again. */
  async finish(workspaceId: string, key: string, status: number, body: string): Promise<void> {
    if (status >= 500 || status === 401 || status === 429) await this.store.release(workspaceId, key);
    else await this.store.complete(workspaceId, key, status, body);
  }

  async sweep(): Promise<number> {
    return this.store.sweep(new Date(this.now().getTime() - IDEMPOTENCY_TTL_MS));
  }
}
