import {
  decodeCursor,
  encodeCursor,
  InvalidFieldError,
  LIMITS,
  oldestEnd,
  type Page,
  type Position,
  type Window,
} from '@pristinesend/domain';
import { z } from 'zod';
import { builder } from './builder.js';

/** `first` / `last`: a whole number of at least 1, clamped at the largest page. */
function pageSize(name: 'first' | 'last') {
  return z
    .number()
    .int()
    .min(1, `${name} must be at least 1.`)
    .transform((size) => Math.min(size, LIMITS.pageMax));
}

/** `after` / `before`: a cursor this API made, decoded to its keyset position. */
function cursor(name: 'after' | 'before') {
  return z.string().transform((value, context): Position => {
    try {
      return decodeCursor(value, name);
    } catch {
      context.addIssue({ code: 'custom', message: 'Cursor is malformed.' });
      return z.NEVER;
    }
  });
}

/** `first`/`after`: the arguments of a connection that pages forward only. */
export const forwardArgs = builder.args((t) => ({
  first: t
    .int({ description: `Page size: default ${LIMITS.pageDefault}, at most ${LIMITS.pageMax}.` })
    .validate(pageSize('first')),
  after: t.string({ description: 'The `endCursor` of the previous page.' }).validate(cursor('after')),
}));

/** `first`/`after` and `last`/`before`: a connection that pages both ways. */
export const bothWaysArgs = builder.args((t) => ({
  ...forwardArgs,
  last: t
    .int({ description: `Page size backwards: default ${LIMITS.pageDefault}, at most ${LIMITS.pageMax}.` })
    .validate(pageSize('last')),
  before: t
    .string({ description: 'The `startCursor` of the next page, to page backwards.' })
    .validate(cursor('before')),
}));

export interface ConnectionArgs {
  first?: number | null;
  after?: Position | null;
  last?: number | null;
  before?: Position | null;
}

/** Where a connection reads: the domain's keyset window, and which way it walks. */
export interface PageRequest {
  window: Window;
  backward: boolean;
  /** Whether the client gave a cursor: then there are edges on its other side. */
  fromCursor: boolean;
}

/**
 * Relay's arguments as a keyset window. `first`/`after` walk towards older items, `last`/
 * `before` towards newer ones; `last` alone starts at the oldest end. Mixing the two
 * directions is refused rather than guessed at.
 * @throws InvalidFieldError for mixed directions
 */
export function pageRequest(args: ConnectionArgs): PageRequest {
  const { first, after, last, before } = args;
  if (first != null && last != null) throw new InvalidFieldError('last', 'Pass first or last, not both.');
  if (after != null && before != null)
    throw new InvalidFieldError('before', 'Pass after or before, not both.');
  const backward = last != null || before != null;
  if (backward && first != null)
    throw new InvalidFieldError('before', 'before pages backwards: pair it with last.');
  if (backward && after != null)
    throw new InvalidFieldError('after', 'after pages forwards: pair it with first.');
  if (backward) {
    const limit = last ?? LIMITS.pageDefault;
    return { window: { limit, before: before ?? oldestEnd() }, backward, fromCursor: before != null };
  }
  const limit = first ?? LIMITS.pageDefault;
  return { window: { limit, ...(after != null && { after }) }, backward, fromCursor: after != null };
}

/** A domain page as a Relay connection: edges newest first, each with its own cursor. */
export function toConnection<T extends Position>(page: Page<T>, request: PageRequest) {
  const edges = page.items.map((node) => ({ cursor: encodeCursor(node), node }));
  return {
    edges,
    pageInfo: {
      hasNextPage: request.backward ? request.fromCursor : page.hasMore,
      hasPreviousPage: request.backward ? page.hasMore : request.fromCursor,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
  };
}
