/**
 * The thin baseline: minimal Fastify and a node-postgres pool with named (prepared)
 * statements, answering the benchmark's REST operations with the server's SQL and
 * the same JSON, authenticated by the same key-hash lookup. What is left of the
 * API's time above this is the cost of our framework.
 *
 * Run as a child process: DATABASE_URL, PORT, HOST, POOL_SIZE.
 */
import { createHash, randomBytes } from 'node:crypto';
import Fastify, { type FastifyReply, type FastifyRequest } from 'fastify';
import pg from 'pg';
import { COLUMNS, MERGED } from './server-sql.js';

const pool = new pg.Pool({
  connectionString: process.env.DATABASE_URL,
  max: Number(process.env.POOL_SIZE ?? 10),
});
const names = new Map<string, string>();

/** Every statement is prepared once per connection, by name. */
function statement(text: string, values: unknown[]): pg.QueryConfig {
  let name = names.get(text);
  if (!name) {
    name = `s${names.size + 1}`;
    names.set(text, name);
  }
  return { name, text, values };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const KEY_SHAPE = /^ps_live_[0-9A-Za-z]{32,128}$/;

interface Row {
  id: string;
  email: string;
  first_name: string | null;
  last_name: string | null;
  status: string;
  properties: Record<string, unknown>;
  created_at: Date;
  updated_at: Date;
}

const toWire = (row: Row) => ({
  id: row.id,
  email: row.email,
  first_name: row.first_name,
  last_name: row.last_name,
  status: row.status,
  properties: row.properties,
  created_at: row.created_at.toISOString(),
  updated_at: row.updated_at.toISOString(),
});

const encodeCursor = (row: { created_at: Date; id: string }) =>
  Buffer.from(`${row.created_at.getTime()}:${row.id}`, 'utf8').toString('base64url');

function decodeCursor(cursor: string): [Date, string] | null {
  const [millis, id, ...rest] = Buffer.from(cursor, 'base64url').toString('utf8').split(':');
  if (rest.length > 0 || !millis || !id || !/^[0-9]{1,15}$/.test(millis) || !UUID.test(id)) return null;
  return [new Date(Number(millis)), id];
}

function fail(reply: FastifyReply, status: number, code: string, message: string) {
  return reply.code(status).send({ error: { code, message, request_id: reply.request.id } });
}

declare module 'fastify' {
  interface FastifyRequest {
    workspaceId: string;
  }
}

const app = Fastify({ logger: false, genReqId: () => `req_${randomBytes(12).toString('hex')}` });
app.decorateRequest('workspaceId', '');

app.addHook('onRequest', async (request, reply) => {
  reply.header('X-Request-Id', request.id);
  if (!request.url.startsWith('/api/v1/')) return;
  const token = /^Bearer +(\S+) *$/i.exec(request.headers.authorization ?? '')?.[1];
  const hash =
    token && KEY_SHAPE.test(token) ? createHash('sha256').update(token, 'utf8').digest('hex') : null;
  const { rows } = hash
    ? await pool.query<{ workspace_id: string; revoked_at: Date | null }>(
        statement(
          'select id, workspace_id, prefix, key_hash, created_at, revoked_at from api_keys where key_hash = $1',
          [hash],
        ),
      )
    : { rows: [] };
  const key = rows[0];
  if (!key || key.revoked_at !== null) {
    reply.header('WWW-Authenticate', 'Bearer');
    return fail(reply, 401, 'unauthorized', 'A valid API key is required.');
  }
  request.workspaceId = key.workspace_id;
});

app.get('/healthz', async () => ({ status: 'ok' }));

app.get('/api/v1/contacts/:id', async (request: FastifyRequest<{ Params: { id: string } }>, reply) => {
  const id = request.params.id;
  const { rows } = UUID.test(id)
    ? await pool.query<Row>(
        statement(`select ${COLUMNS} from contacts c where c.workspace_id = $1 and c.id = $2`, [
          request.workspaceId,
          id,
        ]),
      )
    : { rows: [] };
  return rows[0] ? toWire(rows[0]) : fail(reply, 404, 'not_found', 'No such contact.');
});

type ListQuery = { limit?: string; cursor?: string; status?: string; search?: string; segment_id?: string };

app.get('/api/v1/contacts', async (request: FastifyRequest<{ Querystring: ListQuery }>, reply) => {
  const query = request.query;
  if (query.limit !== undefined && !/^[0-9]+$/.test(query.limit))
    return fail(reply, 400, 'invalid_field', 'limit');
  const limit = Math.min(Number(query.limit ?? 50) || 50, 100);
  const after = query.cursor === undefined ? undefined : decodeCursor(query.cursor);
  if (after === null) return fail(reply, 400, 'invalid_field', 'Cursor is malformed.');
  if (query.status !== undefined && query.status !== 'subscribed' && query.status !== 'unsubscribed') {
    return fail(reply, 400, 'invalid_field', 'status');
  }
  const segmentId = query.segment_id;
  const values: unknown[] = [request.workspaceId];
  let from = 'contacts c where c.workspace_id = $1';
  let [createdAt, id] = ['c.created_at', 'c.id'];
  if (segmentId !== undefined) {
    if (!UUID.test(segmentId)) return fail(reply, 400, 'invalid_field', 'segment_id');
    const segment = await pool.query(
      statement(
        'select s.id, s.workspace_id, s.name, s.description, s.created_at, s.updated_at from segments s where s.workspace_id = $1 and s.id = $2',
        [request.workspaceId, segmentId],
      ),
    );
    if (segment.rows.length === 0) return fail(reply, 404, 'not_found', 'No such segment.');
    from = `segment_memberships m join contacts c on c.workspace_id = m.workspace_id and c.id = m.contact_id
         where m.workspace_id = $1 and m.segment_id = $2`;
    values.push(segmentId);
    [createdAt, id] = ['m.contact_created_at', 'm.contact_id'];
  }
  const param = (value: unknown) => {
    values.push(value);
    return `$${values.length}`;
  };
  const conditions: string[] = [];
  if (after) conditions.push(`and (${createdAt}, ${id}) < (${param(after[0])}, ${param(after[1])})`);
  if (query.status) conditions.push(`and c.status = ${param(query.status)}`);
  if (query.search) {
    const like = `%${query.search.toLowerCase().replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
    conditions.push(`and lower(c.email) like ${param(like)} escape '\\'`);
  }
  const text = `select ${COLUMNS} from ${from} ${conditions.join(' ')} order by ${createdAt} desc, ${id} desc limit ${param(limit + 1)}`;
  // Searches stay unnamed (planned for their pattern each time): a prepared statement's generic
  // plan for `like $n` walks the whole workspace (see bench/explain/search-*-generic.txt).
  const { rows } = await pool.query<Row>(query.search ? { text, values } : statement(text, values));
  const hasMore = rows.length > limit;
  const items = hasMore ? rows.slice(0, limit) : rows;
  const last = items[items.length - 1];
  return {
    data: items.map(toWire),
    has_more: hasMore,
    next_cursor: hasMore && last ? encodeCursor(last) : null,
  };
});

interface ContactBody {
  email?: unknown;
  first_name?: unknown;
  last_name?: unknown;
  status?: unknown;
  properties?: unknown;
}

const nameOrNull = (value: unknown) => (typeof value === 'string' ? value : null);
const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

app.post('/api/v1/contacts', async (request: FastifyRequest<{ Body: ContactBody }>, reply) => {
  const body = request.body;
  const email = typeof body?.email === 'string' ? body.email.trim() : '';
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email) || email.length > 254) {
    return fail(reply, 400, 'invalid_field', 'Email is not a valid email address.');
  }
  const properties = isObject(body.properties)
    ? Object.fromEntries(Object.entries(body.properties).filter(([, value]) => value !== null))
    : {};
  const now = new Date();
  const row: Row & { workspace_id: string } = {
    id: crypto.randomUUID(),
    workspace_id: request.workspaceId,
    email,
    first_name: nameOrNull(body.first_name),
    last_name: nameOrNull(body.last_name),
    status: body.status === 'unsubscribed' ? 'unsubscribed' : 'subscribed',
    properties,
    created_at: now,
    updated_at: now,
  };
  try {
    await pool.query(
      statement(
        `insert into contacts (workspace_id, id, email, first_name, last_name, status, properties, created_at, updated_at)
         values ($1, $2, $3, $4, $5, $6, $7::jsonb, $8, $9)`,
        [
          row.workspace_id,
          row.id,
          row.email,
          row.first_name,
          row.last_name,
          row.status,
          JSON.stringify(properties),
          now,
          now,
        ],
      ),
    );
  } catch (error) {
    if ((error as { code?: string }).code === '23505') return fail(reply, 409, 'conflict', 'Email exists.');
    throw error;
  }
  return reply.code(201).send(toWire(row));
});

app.patch(
  '/api/v1/contacts/:id',
  async (request: FastifyRequest<{ Params: { id: string }; Body: ContactBody }>, reply) => {
    const id = request.params.id;
    const patch = isObject(request.body?.properties) ? request.body.properties : {};
    if (!UUID.test(id)) return fail(reply, 404, 'not_found', 'No such contact.');
    const set = Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== null));
    const remove = Object.keys(patch).filter((key) => patch[key] === null);
    const values = [new Date(), JSON.stringify(set), JSON.stringify(remove), request.workspaceId, id];
    // As the server does: one statement when PostgreSQL proves the merged limits (bound, as it binds them)…
    const proven = await pool.query<Row>(
      statement(
        `update contacts c set updated_at = $1, properties = ${MERGED} where c.workspace_id = $4 and c.id = $5
           and (select count(*) from jsonb_object_keys(${MERGED})) <= $6 and octet_length(${MERGED}::text) <= $7
           returning ${COLUMNS}`,
        [...values, 100, 16384],
      ),
    );
    if (proven.rows[0]) return toWire(proven.rows[0]);
    // …else the merge under the row lock, the merged limits checked before commit.
    const client = await pool.connect();
    try {
      await client.query('begin');
      const { rows } = await client.query<Row>(
        statement(
          `update contacts c set updated_at = $1, properties = ${MERGED} where c.workspace_id = $4 and c.id = $5 returning ${COLUMNS}`,
          values,
        ),
      );
      const row = rows[0];
      const merged = row?.properties ?? {};
      if (Object.keys(merged).length > 100 || Buffer.byteLength(JSON.stringify(merged)) > 16384) {
        await client.query('rollback');
        return fail(reply, 400, 'invalid_field', 'After the merge: too many properties.');
      }
      await client.query('commit');
      return row ? toWire(row) : fail(reply, 404, 'not_found', 'No such contact.');
    } catch (error) {
      await client.query('rollback');
      throw error;
    } finally {
      client.release();
    }
  },
);

process.once('SIGTERM', () => {
  setTimeout(() => process.exit(0), 2000).unref();
  void app.close().then(() => pool.end().then(() => process.exit(0)));
});

await app.listen({ port: Number(process.env.PORT ?? 3001), host: process.env.HOST ?? '127.0.0.1' });
