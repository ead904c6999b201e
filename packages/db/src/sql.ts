import type { EntityManager } from '@mikro-orm/postgresql';

/**
 * Runs parameterised SQL (`?` placeholders, sent as bind parameters, never inlined)
 * on the entity manager's connection, inside its transaction when it has one.
 * Hot paths read rows this way: no hydration and no identity map.
 */
export async function sql<Row = Record<string, unknown>>(
  em: EntityManager,
  text: string,
  bindings: readonly unknown[] = [],
): Promise<Row[]> {
  const query = em
    .getKnex()
    .raw(text, bindings as Parameters<ReturnType<EntityManager['getKnex']>['raw']>[1] & unknown[]);
  const transaction = em.getTransactionContext();
  if (transaction) query.transacting(transaction);
  try {
    const result = (await query) as { rows: Row[] };
    return result.rows;
  } catch (error) {
    throw em
      .getPlatform()
      .getExceptionConverter()
      .convertException(error as Error);
  }
}

/** A PostgreSQL array literal of UUIDs (callers pass only validated UUIDs). */
export function uuidArray(ids: readonly string[]): string {
  return `{${ids.join(',')}}`;
}

/** Escapes LIKE's wildcards so user text matches literally (with `escape '\\'`). */
export function likeLiteral(text: string): string {
  return text.replace(/[\\%_]/g, (char) => `\\${char}`);
}
