import { tickingClock } from '@pristinesend/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { toGlobalId } from '../src/index.js';
import { type GraphQLResponse, type IdEdge, seedContacts, useGraphQL } from './helpers.js';

/** While set, the services' clock stands still: every member then shares one `created_at`. */
let frozen: Date | null = null;
const tick = tickingClock();
const t = useGraphQL({ now: () => frozen ?? tick() });

interface Connection {
  edges: { cursor: string; node: { databaseId: string } }[];
  pageInfo: {
    hasNextPage: boolean;
    hasPreviousPage: boolean;
    startCursor: string | null;
    endCursor: string | null;
  };
}

const PAGE =
  'edges { cursor node { databaseId } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor }';

let segmentId: string;
let segmentUuid: string;
/** The 120 members, newest first: the order every walk must reproduce. */
let newestFirst: string[];
/** Members added during forward walks, newest first. */
const lateMembers: string[] = [];

beforeAll(async () => {
  frozen = new Date(Date.now() - 60_000);
  const members = await seedContacts(t, 120, 'page');
  frozen = null;
  const segment = await t.db.services.segments.create(t.workspace.workspaceId, { name: 'Paged' });
  await t.db.services.segments.addContacts(
    t.workspace.workspaceId,
    segment.id,
    members.map((member) => member.id),
  );
  segmentUuid = segment.id;
  segmentId = toGlobalId('Segment', segment.id);
  // All created in the same millisecond, so ordered by id alone: the keyset's tie-break.
  newestFirst = [...members]
    .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || (a.id < b.id ? 1 : -1))
    .map((member) => member.id);
});

/** The members' connection, through `Segment.contacts` or through `Query.contacts(segmentId:)`. */
async function page(via: 'segment' | 'query', args: Record<string, unknown>): Promise<Connection> {
  const query =
    via === 'segment'
      ? `query ($id: ID!, $first: Int, $after: String, $last: Int, $before: String) {
           segment(id: $id) { contacts(first: $first, after: $after, last: $last, before: $before) { ${PAGE} } } }`
      : `query ($id: ID, $first: Int, $after: String, $last: Int, $before: String) {
           contacts(segmentId: $id, first: $first, after: $after, last: $last, before: $before) { ${PAGE} } }`;
  const result = await t.gql(query, { id: segmentId, ...args });
  expect(result.errors).toBeUndefined();
  return via === 'segment' ? result.data?.segment.contacts : result.data?.contacts;
}

describe.each(['segment', 'query'] as const)('120 members through %s', (via) => {
  it('walks forward with first: 7, seeing each member exactly once, newest first', async () => {
    const seen: string[] = [];
    const expected = [...lateMembers, ...newestFirst];
    let after: string | null = null;
    for (let pages = 0; pages < 30; pages++) {
      const connection: Connection = await page(via, { first: 7, after });
      seen.push(...connection.edges.map((edge) => edge.node.databaseId));
      expect(connection.pageInfo.hasPreviousPage).toBe(after !== null);
      expect(connection.pageInfo.startCursor).toBe(connection.edges[0]?.cursor ?? null);
      expect(connection.pageInfo.endCursor).toBe(connection.edges.at(-1)?.cursor ?? null);
      if (pages === 3) {
        // Newer contacts joining mid-walk land before the walk and change nothing ahead of it.
        const [late] = await seedContacts(t, 1, 'late');
        await t.db.services.segments.addContacts(t.workspace.workspaceId, segmentUuid, [late?.id ?? '']);
        lateMembers.unshift(late?.id ?? '');
      }
      if (!connection.pageInfo.hasNextPage) break;
      expect(connection.edges).toHaveLength(7);
      after = connection.pageInfo.endCursor;
    }
    expect(seen).toEqual(expected);
    expect(new Set(seen).size).toBe(seen.length);
  });

  it('walks backward with last: 7 from the oldest end, seeing each member exactly once', async () => {
    const pages: string[][] = [];
    let before: string | null = null;
    for (let count = 0; count < 30; count++) {
      const connection: Connection = await page(via, { last: 7, before });
      pages.unshift(connection.edges.map((edge) => edge.node.databaseId));
      expect(connection.pageInfo.hasNextPage).toBe(before !== null);
      if (!connection.pageInfo.hasPreviousPage) break;
      expect(connection.edges).toHaveLength(7);
      before = connection.pageInfo.startCursor;
    }
    const seen = pages.flat();
    // The walk started from the oldest end, so members added meanwhile are the newest, first.
    expect(seen).toEqual([...lateMembers, ...newestFirst]);
    expect(new Set(seen).size).toBe(seen.length);
    expect(pages.at(-1)).toEqual(newestFirst.slice(-7));
    expect(pages[0]?.length).toBe(seen.length % 7 || 7);
  });
});

describe('connection arguments', () => {
  it('goes back from a forward page to the page before it', async () => {
    const one = await page('segment', { first: 7 });
    const two = await page('segment', { first: 7, after: one.pageInfo.endCursor });
    const back = await page('segment', { last: 7, before: two.pageInfo.startCursor });
    expect(back.edges).toEqual(one.edges);
    expect(back.pageInfo).toMatchObject({ hasPreviousPage: false, hasNextPage: true });
  });

  it('defaults first and last to 50 and clamps them at 100', async () => {
    expect((await page('query', {})).edges).toHaveLength(50);
    expect((await page('query', { last: 10_000 })).edges).toHaveLength(100);
    const clamped = await page('segment', { first: 500 });
    expect(clamped.edges).toHaveLength(100);
    expect(clamped.pageInfo.hasNextPage).toBe(true);
  });

  it('pages segments forward, and a contact’s segments', async () => {
    const [member] = await seedContacts(t, 1, 'joiner');
    const created = [];
    for (let i = 0; i < 16; i++) {
      const segment = await t.db.services.segments.create(t.workspace.workspaceId, { name: `S${i}` });
      await t.db.services.segments.addContacts(t.workspace.workspaceId, segment.id, [member?.id ?? '']);
      created.unshift(segment.id);
    }
    const seenSegments: string[] = [];
    const seenMemberships: string[] = [];
    let after: string | null = null;
    let afterMembership: string | null = null;
    for (let pages = 0; pages < 10; pages++) {
      const result: GraphQLResponse = await t.gql(
        `query ($after: String, $afterMembership: String, $id: ID!) {
           segments(first: 7, after: $after) { edges { node { databaseId } } pageInfo { hasNextPage endCursor } }
           contact(id: $id) { segments(first: 7, after: $afterMembership) { edges { node { databaseId } } pageInfo { hasNextPage endCursor } } }
         }`,
        { after, afterMembership, id: member?.id },
      );
      expect(result.errors).toBeUndefined();
      const { segments, contact } = result.data ?? {};
      seenSegments.push(...segments.edges.map((edge: IdEdge) => edge.node.databaseId));
      seenMemberships.push(...contact.segments.edges.map((edge: IdEdge) => edge.node.databaseId));
      after = segments.pageInfo.endCursor;
      afterMembership = contact.segments.pageInfo.endCursor;
      if (!segments.pageInfo.hasNextPage) break;
    }
    expect(seenSegments.slice(0, 16)).toEqual(created);
    expect(new Set(seenSegments).size).toBe(seenSegments.length);
    expect(seenMemberships).toEqual(created);
  });

  it.each([
    [{ first: 5, last: 5 }, 'last'],
    [{ first: 5, before: 'x' }, 'before'],
    [{ last: 5, after: 'x' }, 'after'],
    [{ after: 'MTc5NTcwNDk5NzM5Nzpub3RhdXVpZA' }, 'after'],
    [{ first: 0 }, 'first'],
    [{ last: -1 }, 'last'],
  ])('refuses %j as invalid_field on %s', async (args, param) => {
    const cursor = (await page('segment', { first: 1 })).pageInfo.endCursor;
    const withCursors = Object.fromEntries(
      Object.entries(args).map(([key, value]) => [key, value === 'x' ? cursor : value]),
    );
    const result = await t.gql(
      `query ($id: ID!, $first: Int, $after: String, $last: Int, $before: String) {
         segment(id: $id) { contacts(first: $first, after: $after, last: $last, before: $before) { edges { cursor } } } }`,
      { id: segmentId, ...withCursors },
    );
    expect(result.errors?.[0]?.extensions).toEqual({ code: 'invalid_field', param });
  });
});
