import type { EntityManager } from '@mikro-orm/postgresql';

type Knex = ReturnType<EntityManager['getKnex']>;
type Transaction = Parameters<Parameters<Knex['transaction']>[0]>[0];

/**
 * Runs work in a plain database transaction on the entity manager's connection.
 * Not `em.transactional()`: that enters an AsyncLocalStorage context, which on Node 20
 * switches promise hooks on for the rest of the process and slows every request after it.
 */
export async function inTransaction<T>(
  em: EntityManager,
  work: (transaction: Transaction) => Promise<T>,
): Promise<T> {
  return em.getKnex().transaction(work);
}

/**
 * Runs parameterised SQL (`?` placeholders, sent as bind parameters, never inlined)
 * on the entity manager's connection, inside its transaction when it has one.
 * Hot paths read rows this way: no hydration and no identity map.
 */
export async function sql<Row = Record<string, unknown>>(
  em: EntityManager,
  text: string,
  bindings: readonly unknown[] = [],
  transaction: Transaction | undefined = em.getTransactionContext(),
): Promise<Row[]> {
  const query = em.getKnex().raw(text, bindings as Parameters<Knex['raw']>[1] & unknown[]);
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
