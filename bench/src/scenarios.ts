import { encodeCursor } from '@pristinesend/domain';
import pg from 'pg';
import type { RequestSpec } from './load.js';
import { COMMON_SEARCH, RARE_SEARCH, type Scale, type Seed } from './seed.js';

/** PERFORMANCE.md's goals: a floor on req/s and, for some rows, a ceiling on p99, relative to the baseline. */
export interface Goal {
  minRatio: number;
  maxP99Ratio?: number;
}

export interface Scenario {
  id: string;
  label: string;
  goal: Goal;
  api: RequestSpec;
  /** What the baseline runs for comparison (its equivalent REST request). */
  baseline: RequestSpec;
  /**
   * Which server answers `baseline`: the thin baseline (default), or the API itself when
   * the goal compares two of the API's own transports (tRPC against its REST list).
   */
  reference?: 'baseline' | 'api';
  /** Adapters being built elsewhere: the row is n/a when the probe answers 404. */
  adapter?: 'trpc' | 'graphql';
  /** Whether both servers must answer this request with the same JSON (checked before loading). */
  sameJson: boolean;
}

/** Values picked from the seeded data before loading. */
export interface Samples {
  ids: string[];
  deepCursor: string;
  deepSegmentCursor: string;
}

const CRUD: Goal = { minRatio: 0.7, maxP99Ratio: 1.5 };
const SEARCH: Goal = { minRatio: 0.85 };

export async function loadSamples(url: string, seed: Seed): Promise<Samples> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const ids = await client.query<{ id: string }>(
      'select id from contacts where workspace_id = $1 and created_at <= $2 order by random() limit 10000',
      [seed.workspaceId, seed.seededUntil],
    );
    // Cursors 90% of the way down: the newest-first order, and the big segment's.
    const deep = await client.query<{ id: string; created_at: Date }>(
      `select id, created_at from contacts where workspace_id = $1
       order by created_at desc, id desc offset $2 limit 1`,
      [seed.workspaceId, Math.floor(seed.contacts * 0.9)],
    );
    const members = await client.query<{ n: string }>(
      'select count(*) as n from segment_memberships where workspace_id = $1 and segment_id = $2',
      [seed.workspaceId, seed.bigSegmentId],
    );
    const deepMember = await client.query<{ id: string; created_at: Date }>(
      `select contact_id as id, contact_created_at as created_at from segment_memberships
       where workspace_id = $1 and segment_id = $2
       order by contact_created_at desc, contact_id desc offset $3 limit 1`,
      [seed.workspaceId, seed.bigSegmentId, Math.floor(Number(members.rows[0]?.n) * 0.9)],
    );
    const cursor = (row: { id: string; created_at: Date } | undefined) =>
      row ? encodeCursor({ createdAt: row.created_at, id: row.id }) : '';
    return {
      ids: ids.rows.map((row) => row.id),
      deepCursor: cursor(deep.rows[0]),
      deepSegmentCursor: cursor(deepMember.rows[0]),
    };
  } finally {
    await client.end();
  }
}

const get = (path: string): RequestSpec => ({ method: 'GET', path: () => path });

export function scenarios(seed: Seed, samples: Samples, runId: string, scale: Scale): Scenario[] {
  const k = (n: number) => `${n / 1000}k`;
  const randomId = () => samples.ids[Math.floor(Math.random() * samples.ids.length)] as string;
  const list = (query: string) => get(`/api/v1/contacts?${query}`);
  const newest = list('limit=50');
  const bigSegment = list(`limit=50&segment_id=${seed.bigSegmentId}`);
  let created = 0;
  const create = (side: string): RequestSpec => ({
    method: 'POST',
    path: () => '/api/v1/contacts',
    body: () =>
      JSON.stringify({
        email: `bench.${runId}.${side}.${++created}@example.com`,
        first_name: 'Bench',
        last_name: 'Create',
        properties: { plan: 'pro', source: 'bench', score: created % 1000 },
      }),
  });
  const patch: RequestSpec = {
    method: 'PATCH',
    path: () => `/api/v1/contacts/${randomId()}`,
    body: () => JSON.stringify({ properties: { score: Math.floor(Math.random() * 1000), plan: 'business' } }),
  };
  const same = (id: string, label: string, goal: Goal, spec: RequestSpec, sameJson = true): Scenario => ({
    id,
    label,
    goal,
    api: spec,
    baseline: spec,
    sameJson,
  });
  const byId: RequestSpec = { method: 'GET', path: () => `/api/v1/contacts/${randomId()}` };
  const trpcInput = encodeURIComponent(JSON.stringify({ limit: 50 }));
  const graphql = JSON.stringify({
    query: `query Members($id: ID!) { segment(id: $id) { contacts(first: 50) {
      edges { cursor node { id databaseId email firstName lastName status properties createdAt updatedAt } }
      pageInfo { hasNextPage endCursor } } } }`,
    variables: { id: seed.bigSegmentId },
  });
  return [
    same('get', 'REST get by id', CRUD, byId),
    same('newest', 'REST newest 50', CRUD, newest),
    same('deep', 'REST deep keyset page (90%)', CRUD, list(`limit=50&cursor=${samples.deepCursor}`)),
    same(
      'search-common',
      `REST search '${COMMON_SEARCH}' (1%)`,
      SEARCH,
      list(`limit=50&search=${COMMON_SEARCH}`),
    ),
    same(
      'search-rare',
      `REST search '${RARE_SEARCH}' (rare)`,
      SEARCH,
      list(`limit=50&search=${RARE_SEARCH}`),
    ),
    same('segment-big', `REST segment page (${k(scale.bigSegment)})`, CRUD, bigSegment),
    same(
      'segment-small',
      `REST segment page (${k(scale.smallSegment)})`,
      CRUD,
      list(`limit=50&segment_id=${seed.smallSegmentId}`),
    ),
    {
      id: 'trpc-list',
      label: "tRPC list 50 (vs the API's own REST newest 50)",
      goal: { minRatio: 0.9 },
      api: get(`/trpc/contacts.list?input=${trpcInput}`),
      baseline: newest,
      reference: 'api',
      adapter: 'trpc',
      sameJson: false,
    },
    {
      id: 'graphql-segment',
      label: `GraphQL segment first 50 (vs REST ${k(scale.bigSegment)} segment)`,
      goal: { minRatio: 0.6 },
      api: { method: 'POST', path: () => '/graphql', body: () => graphql },
      baseline: bigSegment,
      adapter: 'graphql',
      sameJson: false,
    },
    // Writes come last: the dead rows and new rows they leave wake autovacuum, whose work would
    // land on whichever rows ran next.
    same('patch', 'REST merge-PATCH properties', CRUD, patch, false),
    {
      id: 'create',
      label: 'REST create',
      goal: CRUD,
      api: create('api'),
      baseline: create('baseline'),
      sameJson: false,
    },
  ];
}
