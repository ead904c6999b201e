import { InvalidFieldError } from './errors.js';
import { LIMITS } from './fields.js';

/** A position in the newest-first order: `(created_at, id)`, both descending. */
export interface Position {
  createdAt: Date;
  id: string;
}

export interface Page<T> {
  items: T[];
  hasMore: boolean;
  nextCursor: string | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Cursors are opaque to clients: base64url of the last item's position. */
export function encodeCursor(position: Position): string {
  return Buffer.from(`${position.createdAt.getTime()}:${position.id}`, 'utf8').toString('base64url');
}

/** @throws InvalidFieldError when the cursor was not made by `encodeCursor`. */
export function decodeCursor(cursor: string, param = 'cursor'): Position {
  const malformed = () => new InvalidFieldError(param, 'Cursor is malformed.');
  if (!/^[A-Za-z0-9_-]{1,200}$/.test(cursor)) throw malformed();
  const [millis, id, ...rest] = Buffer.from(cursor, 'base64url').toString('utf8').split(':');
  if (rest.length > 0 || !millis || !id || !/^[0-9]{1,15}$/.test(millis) || !UUID.test(id)) throw malformed();
  const createdAt = new Date(Number(millis));
  if (Number.isNaN(createdAt.getTime())) throw malformed();
  // Only the canonical encoding is accepted, so one position has exactly one cursor.
  if (encodeCursor({ createdAt, id }) !== cursor) throw malformed();
  return { createdAt, id };
}

/** Builds a page from `limit + 1` rows fetched in order. */
export function toPage<T extends Position>(rows: T[], limit: number): Page<T> {
  const hasMore = rows.length > limit;
  const items = hasMore ? rows.slice(0, limit) : rows;
  const last = items[items.length - 1];
  return { items, hasMore, nextCursor: hasMore && last ? encodeCursor(last) : null };
}

/**
 * Builds a page from the `limit + 1` rows of a backward window (`before` a position), which
 * repositories return newest first: the rows nearest the position are the last ones, so the
 * extra row is the first. `hasMore` says newer items remain; `nextCursor` (the newest item's
 * position) continues the walk backward when passed as `before`.
 */
export function toPreviousPage<T extends Position>(rows: T[], limit: number): Page<T> {
  const hasMore = rows.length > limit;
  const items = hasMore ? rows.slice(rows.length - limit) : rows;
  const first = items[0];
  return { items, hasMore, nextCursor: hasMore && first ? encodeCursor(first) : null };
}

/** The page of a window in either direction: `toPreviousPage` with `before`, else `toPage`. */
export function toWindowPage<T extends Position>(
  rows: T[],
  window: { limit: number; before?: Position },
): Page<T> {
  return window.before ? toPreviousPage(rows, window.limit) : toPage(rows, window.limit);
}

/**
 * A position older than every item (the year 1 and the nil UUID): a window `before` it holds
 * the oldest items, which is where a backward walk without a cursor begins.
 */
export function oldestEnd(): Position {
  return { createdAt: new Date('0001-01-01T00:00:00.000Z'), id: '00000000-0000-0000-0000-000000000000' };
}

/** The window with its limit brought within 1 to `LIMITS.pageMax`: a backstop behind the adapters. */
export function withinPageLimits<W extends { limit: number }>(window: W): W {
  const limit = Number.isFinite(window.limit) ? Math.trunc(window.limit) : LIMITS.pageMax;
  return { ...window, limit: Math.min(Math.max(limit, 1), LIMITS.pageMax) };
}
