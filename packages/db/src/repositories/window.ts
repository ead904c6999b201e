import type { Window } from '@pristinesend/domain';

/**
 * The keyset condition and order for a window over `(created_at, id)` newest first.
 * `before` walks the index the other way and the caller reverses the rows.
 */
export function keyset(
  createdAt: string,
  id: string,
  window: Window,
): { condition: string; bindings: unknown[]; order: string; reversed: boolean } {
  if (window.before) {
    return {
      condition: `and (${createdAt}, ${id}) > (?, ?)`,
      bindings: [window.before.createdAt, window.before.id],
      order: `order by ${createdAt} asc, ${id} asc`,
      reversed: true,
    };
  }
  if (window.after) {
    return {
      condition: `and (${createdAt}, ${id}) < (?, ?)`,
      bindings: [window.after.createdAt, window.after.id],
      order: `order by ${createdAt} desc, ${id} desc`,
      reversed: false,
    };
  }
  return { condition: '', bindings: [], order: `order by ${createdAt} desc, ${id} desc`, reversed: false };
}
