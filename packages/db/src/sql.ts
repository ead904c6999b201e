import { channel } from 'node:diagnostics_channel';
import type { EntityManager } from '@mikro-orm/postgresql';
import { toIsoString } from '@pristinesend/domain';

/**
 * Every statement's text (never its values) as `{ text }`, published on Node's
 * diagnostics channel of this name for tracers and for tests that count statements.
 * Free when nobody subscribes.
 */
export const STATEMENT_CHANNEL = 'pristinesend:db:statement';
const published = channel(STATEMENT_CHANNEL);

/** The node-postgres client under one of MikroORM's pooled connections. */
interface DriverConnection {
  query(config: { name?: string; text: string; values: readonly unknown[] }): Promise<{ rows: unknown[] }>;
}

/** The knex client MikroORM pools its connections in: the same pool, the same settings. */
interface ConnectionPool {
  acquireConnection(): Promise<DriverConnection>;
  releaseConnection(connection: DriverConnection): unknown;
}

/** One connection inside BEGIN … COMMIT; pass it to `sql` for statements that belong to it. */
export interface Transaction {
  readonly connection: DriverConnection;
}

function poolOf(em: EntityManager): ConnectionPool {
  return em.getKnex().client as unknown as ConnectionPool;
}

/**
 * A statement as PostgreSQL gets it: `?` placeholders (outside quoted literals) numbered
 * `$1, $2, …`, and a name under which each connection parses and plans it once.
 */
interface Statement {
  text: string;
  name: string;
}

/** By the caller's text: one lookup per query. */
const statements = new Map<string, Statement>();

function statementOf(text: string): Statement {
  let statement = statements.get(text);
  if (statement === undefined) {
    let position = 0;
    statement = {
      text: text.replace(/'(?:[^']|'')*'|\?/g, (match) => (match === '?' ? `$${++position}` : match)),
      name: `pristinesend_${statements.size + 1}`,
    };
    statements.set(text, statement);
  }
  return statement;
}

/** The last instant with a four-digit year: beyond it ISO writes `+033658-…`, which PostgreSQL refuses. */
const LAST_ISO_MILLIS = Date.UTC(9999, 11, 31, 23, 59, 59, 999);

/**
 * Dates as ISO text, which node-postgres would otherwise format in local time, field by
 * field, on every query; it still formats the rare date outside years 1970–9999.
 */
function wireValue(value: unknown): unknown {
  if (!(value instanceof Date)) return value;
  const millis = value.getTime();
  return millis >= 0 && millis <= LAST_ISO_MILLIS ? toIsoString(value) : value;
}

export interface SqlOptions {
  /** The transaction to run in; by default a pooled connection for this one statement. */
  transaction?: Transaction;
  /**
   * Prepare the statement by name (default true). Say false where the best plan depends
   * on a value, as for substring searches: a prepared statement may switch to one
   * generic plan for every value, and `like '%smith%'` then walks every contact.
   */
  prepare?: boolean;
}

/**
 * Runs parameterised SQL (`?` placeholders, sent as bind parameters, never inlined) on
 * a connection of MikroORM's pool, straight through the driver: hot paths pay for no
 * query builder, hydration or identity map.
 */
export async function sql<Row = Record<string, unknown>>(
  em: EntityManager,
  text: string,
  bindings: readonly unknown[] = [],
  options: SqlOptions = {},
): Promise<Row[]> {
  const pool = poolOf(em);
  const connection = options.transaction?.connection ?? (await pool.acquireConnection());
  const statement = statementOf(text);
  if (published.hasSubscribers) published.publish({ text: statement.text });
  try {
    const result = await connection.query({
      name: options.prepare === false ? undefined : statement.name,
      text: statement.text,
      values: bindings.map(wireValue),
    });
    return result.rows as Row[];
  } catch (error) {
    throw em
      .getPlatform()
      .getExceptionConverter()
      .convertException(error as Error);
  } finally {
    if (!options.transaction) pool.releaseConnection(connection);
  }
}

/**
 * Runs work in a plain database transaction on one pooled connection. Not
 * `em.transactional()`: that enters an AsyncLocalStorage context, which on Node 20
 * switches promise hooks on for the rest of the process and slows every request after it.
 * A connection whose ROLLBACK fails is broken; the pool's validation discards it.
 */
export async function inTransaction<T>(
  em: EntityManager,
  work: (transaction: Transaction) => Promise<T>,
): Promise<T> {
  const pool = poolOf(em);
  const connection = await pool.acquireConnection();
  const transaction: Transaction = { connection };
  try {
    await sql(em, 'begin', [], { transaction, prepare: false });
    const result = await work(transaction);
    await sql(em, 'commit', [], { transaction, prepare: false });
    return result;
  } catch (error) {
    await sql(em, 'rollback', [], { transaction, prepare: false }).catch(() => undefined);
    throw error;
  } finally {
    pool.releaseConnection(connection);
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
