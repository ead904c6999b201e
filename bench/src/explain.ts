import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import type { Samples } from './scenarios.js';
import { COMMON_SEARCH, RARE_SEARCH, type Seed } from './seed.js';
import { COLUMNS, MERGED } from './server-sql.js';

/** The server's SQL (packages/db/src/repositories), with its `?` placeholders numbered. */
const MEMBERS = `segment_memberships m join contacts c on c.workspace_id = m.workspace_id and c.id = m.contact_id
         where m.workspace_id = $1 and m.segment_id = $2`;
const LIST = `select ${COLUMNS} from contacts c where c.workspace_id = $1`;
const NEWEST = 'order by c.created_at desc, c.id desc';
const MEMBERS_NEWEST = 'order by m.contact_created_at desc, m.contact_id desc';
const SEARCH = `select ${COLUMNS} from contacts c where c.workspace_id = $1 and lower(c.email) like $2 escape '\\' ${NEWEST} limit 51`;

export interface PlanSummary {
  name: string;
  top: string;
  /** The planner's total cost estimate of the top node (a prepared statement keeps custom plans unless the generic one is estimated cheaper). */
  cost: number;
  ms: number;
  /** Empty when every read is index-driven. */
  warnings: string[];
}

interface Query {
  name: string;
  text: string;
  values: unknown[];
  /** Writes run inside a transaction that is rolled back. */
  write?: boolean;
  /** Also explain the generic plan a prepared statement may switch to. */
  generic?: boolean;
}

function queries(seed: Seed, samples: Samples): Query[] {
  const ws = seed.workspaceId;
  const id = samples.ids[0];
  const cursor = (value: string) => {
    const [millis, cursorId] = Buffer.from(value, 'base64url').toString('utf8').split(':');
    return [new Date(Number(millis)), cursorId];
  };
  const now = new Date();
  return [
    {
      name: 'auth-key-hash',
      text: 'select id, workspace_id, prefix, key_hash, created_at, revoked_at from api_keys where key_hash = $1',
      values: ['0'.repeat(64)],
    },
    {
      name: 'get-by-id',
      text: `select ${COLUMNS} from contacts c where c.workspace_id = $1 and c.id = $2`,
      values: [ws, id],
    },
    { name: 'newest-50', text: `${LIST} ${NEWEST} limit $2`, values: [ws, 51] },
    {
      name: 'deep-keyset-page',
      text: `${LIST} and (c.created_at, c.id) < ($2, $3) ${NEWEST} limit $4`,
      values: [ws, ...cursor(samples.deepCursor), 51],
    },
    { name: 'search-common', text: SEARCH, values: [ws, `%${COMMON_SEARCH}%`], generic: true },
    { name: 'search-rare', text: SEARCH, values: [ws, `%${RARE_SEARCH}%`], generic: true },
    {
      name: 'status-page',
      text: `${LIST} and c.status = $2 ${NEWEST} limit $3`,
      values: [ws, 'unsubscribed', 51],
      generic: true,
    },
    {
      name: 'segment-lookup',
      text: 'select s.id, s.workspace_id, s.name, s.description, s.created_at, s.updated_at from segments s where s.workspace_id = $1 and s.id = $2',
      values: [ws, seed.bigSegmentId],
    },
    {
      name: 'segment-big-first-page',
      text: `select ${COLUMNS} from ${MEMBERS} ${MEMBERS_NEWEST} limit $3`,
      values: [ws, seed.bigSegmentId, 51],
      generic: true,
    },
    {
      name: 'segment-big-deep-page',
      text: `select ${COLUMNS} from ${MEMBERS} and (m.contact_created_at, m.contact_id) < ($3, $4) ${MEMBERS_NEWEST} limit $5`,
      values: [ws, seed.bigSegmentId, ...cursor(samples.deepSegmentCursor), 51],
      generic: true,
    },
    {
      name: 'segment-1k-first-page',
      text: `select ${COLUMNS} from ${MEMBERS} ${MEMBERS_NEWEST} limit $3`,
      values: [ws, seed.smallSegmentId, 51],
      generic: true,
    },
    {
      name: 'merge-update',
      // The server's one-statement merge, with the limits PostgreSQL proves ($6, $7).
      text: `update contacts c set updated_at = $1, properties = ${MERGED} where c.workspace_id = $4 and c.id = $5
               and (select count(*) from jsonb_object_keys(${MERGED})) <= $6 and octet_length(${MERGED}::text) <= $7
               returning ${COLUMNS}`,
      values: [now, '{"plan":"business","score":7}', '["vip"]', ws, id, 100, 16384],
      write: true,
    },
    {
      name: 'insert',
      text: `insert into contacts (workspace_id, id, email, first_name, last_name, status, properties, created_at, updated_at)
         values ($1, $2, $3, $4, $5, $6, $7::jsonb, $8, $9)`,
      values: [
        ws,
        crypto.randomUUID(),
        `explain.${now.getTime()}@example.com`,
        'Ex',
        'Plain',
        'subscribed',
        '{"plan":"pro"}',
        now,
        now,
      ],
      write: true,
    },
  ];
}

/** Top node, time, and whatever is not index-driven: a Seq Scan, or a Sort, over many rows. */
function summarise(name: string, plan: string): PlanSummary {
  const lines = plan.split('\n');
  const node = (line: string) => line.replace(/^[\s\->]+/, '').split('  (')[0] ?? '';
  const access = lines
    .slice(1)
    .map(node)
    .find((name) => /Scan|Insert|Update/.test(name));
  const time = /actual time=[\d.]+\.\.([\d.]+) rows=(\d+)/.exec(lines[0] ?? '');
  const top = `${node(lines[0] ?? '')}${time ? ` (rows=${time[2]})` : ''}${access ? ` ← ${access}` : ''}`;
  const ms = Number(/Execution Time: ([\d.]+) ms/.exec(plan)?.[1] ?? Number.NaN);
  const warnings: string[] = [];
  const rowsOf = (line: string) => Number(/actual time=[\d.]+\.\.[\d.]+ rows=(\d+)/.exec(line)?.[1] ?? -1);
  lines.forEach((line, index) => {
    const name = node(line);
    const rows = rowsOf(line);
    if (/Seq Scan/.test(name) && !/on (api_keys|segments|workspaces)\b/.test(name))
      warnings.push(`${name} (${rows} rows)`);
    if (/Bitmap Index Scan/.test(name) && rows > 10_000) warnings.push(`${name} reads ${rows} index entries`);
    if (/^(Sort|Incremental Sort)\b/.test(name)) {
      // A sort's input is its child, the next plan node below it.
      const input =
        lines
          .slice(index + 1)
          .map(rowsOf)
          .find((n) => n >= 0) ?? 0;
      if (input > 1000) warnings.push(`${name} of ${input} rows`);
    }
    const removed = Number(/Rows Removed by (?:Filter|Index Recheck): (\d+)/.exec(line)?.[1] ?? 0);
    if (removed > 10_000) warnings.push(line.trim());
  });
  const cost = Number(/cost=[\d.]+\.\.([\d.]+)/.exec(lines[0] ?? '')?.[1] ?? Number.NaN);
  return { name, top, cost, ms, warnings };
}

/**
 * EXPLAIN (ANALYZE, BUFFERS) of every hot query, each written to `dir/<name>.txt`;
 * queries that go through prepared statements also get their forced generic plan.
 */
export async function explainAll(
  url: string,
  seed: Seed,
  samples: Samples,
  dir: string,
): Promise<PlanSummary[]> {
  mkdirSync(dir, { recursive: true });
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const summaries: PlanSummary[] = [];
  try {
    const version = (await client.query<{ v: string }>('select version() as v')).rows[0]?.v ?? '';
    const header = (query: Query, mode: string) =>
      `-- ${query.name} (${mode}), ${seed.contacts.toLocaleString('en-US')} contacts in the workspace\n-- ${version}\n-- ${query.text.replace(/\s+/g, ' ')}\n-- parameters: ${JSON.stringify(query.values)}\n\n`;
    const explain = async (query: Query, generic: boolean) => {
      // Run once unmeasured so the numbers are for a warm cache, as under load.
      const run = async () => {
        if (query.write) await client.query('begin');
        try {
          if (!generic) {
            const result = await client.query<{ 'QUERY PLAN': string }>(
              `explain (analyze, buffers) ${query.text}`,
              query.values,
            );
            return result.rows.map((row) => row['QUERY PLAN']).join('\n');
          }
          await client.query('set plan_cache_mode = force_generic_plan');
          await client.query(`prepare bench_generic as ${query.text}`);
          const args = query.values.map((value) =>
            client.escapeLiteral(value instanceof Date ? value.toISOString() : String(value)),
          );
          const result = await client.query<{ 'QUERY PLAN': string }>(
            `explain (analyze, buffers) execute bench_generic(${args.join(', ')})`,
          );
          await client.query('deallocate bench_generic');
          await client.query('reset plan_cache_mode');
          return result.rows.map((row) => row['QUERY PLAN']).join('\n');
        } finally {
          if (query.write) await client.query('rollback');
        }
      };
      await run();
      const plan = await run();
      const name = generic ? `${query.name}-generic` : query.name;
      writeFileSync(
        join(dir, `${name}.txt`),
        `${header(query, generic ? 'generic plan, as a prepared statement may use' : 'custom plan, as the server runs it')}${plan}\n`,
      );
      summaries.push(summarise(name, plan));
    };
    for (const query of queries(seed, samples)) {
      await explain(query, false);
      if (query.generic) await explain(query, true);
    }
  } finally {
    await client.end();
  }
  return summaries;
}
