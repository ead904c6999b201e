import { recordStatements } from '@pristinesend/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { toGlobalId } from '../src/index.js';
import { seedContacts, useGraphQL } from './helpers.js';

const t = useGraphQL();

/** Runs an operation and records the SQL statements it sent. */
async function countStatements(query: string, variables: Record<string, unknown> = {}) {
  const { result, statements } = await recordStatements(() => t.gql(query, variables));
  expect(result.errors).toBeUndefined();
  return { result, statements };
}

let contactIds: string[];
let segmentIds: string[];

beforeAll(async () => {
  const contacts = await seedContacts(t, 60, 'batch');
  contactIds = contacts.map((contact) => contact.id);
  segmentIds = [];
  for (let s = 0; s < 24; s++) {
    segmentIds.push(
      (await t.db.services.segments.create(t.workspace.workspaceId, { name: `Segment ${s}` })).id,
    );
  }
  // Every contact in 5 segments, so every segment has 12 or more members.
  for (const [s, segmentId] of segmentIds.entries()) {
    const members = contactIds.filter((_, c) => [0, 3, 6, 9, 12].some((step) => (c + step) % 24 === s));
    await t.db.services.segments.addContacts(t.workspace.workspaceId, segmentId, members);
  }
});

const contactsWithSegments = `query ($n: Int) {
  contacts(first: $n) { edges { node { id email segments(first: 10) { edges { node { id name } } } } } } }`;

const segmentsWithContacts = `query ($n: Int) {
  segments(first: $n) { edges { node { id name contacts(first: 10) { edges { node { id email } } } } } } }`;

describe('nested lists load in batches: a constant number of SQL statements', () => {
  it('a page of contacts with their segments is 2 statements, for 10 contacts as for 50', async () => {
    const counts: number[] = [];
    for (const n of [10, 50]) {
      const { result, statements } = await countStatements(contactsWithSegments, { n });
      const edges = result.data?.contacts.edges;
      expect(edges).toHaveLength(n);
      for (const edge of edges) expect(edge.node.segments.edges).toHaveLength(5);
      counts.push(statements.length);
    }
    expect(counts).toEqual([2, 2]);
  });

  it('a page of segments with their first 10 contacts is 2 statements, for 10 segments as for 20', async () => {
    const counts: number[] = [];
    for (const n of [10, 20]) {
      const { result, statements } = await countStatements(segmentsWithContacts, { n });
      const edges = result.data?.segments.edges;
      expect(edges).toHaveLength(n);
      for (const edge of edges) expect(edge.node.contacts.edges).toHaveLength(10);
      counts.push(statements.length);
    }
    expect(counts).toEqual([2, 2]);
  });

  it('three levels (segments → contacts → segments) are 3 statements', async () => {
    const { statements } = await countStatements(`{
      segments(first: 20) { edges { node { contacts(first: 10) { edges { node { segments(first: 5) { edges { node { name } } } } } } } } } }`);
    expect(statements).toHaveLength(3);
  });

  it('aliases with different arguments get their own batch each', async () => {
    const { result, statements } = await countStatements(`{
      segments(first: 20) { edges { node {
        newest: contacts(first: 2) { edges { node { id } } }
        oldest: contacts(last: 2) { edges { node { id } } }
      } } } }`);
    expect(statements).toHaveLength(3);
    const first = result.data?.segments.edges[0].node;
    expect(first.newest.edges).toHaveLength(2);
    expect(first.oldest.edges).toHaveLength(2);
    expect(first.newest.edges).not.toEqual(first.oldest.edges);
  });

  it('nodes of two types are one statement per type', async () => {
    const ids = [
      ...contactIds.slice(0, 10).map((id) => toGlobalId('Contact', id)),
      ...segmentIds.slice(0, 10).map((id) => toGlobalId('Segment', id)),
    ];
    const { result, statements } = await countStatements(`query ($ids: [ID!]!) { nodes(ids: $ids) { id } }`, {
      ids,
    });
    expect(result.data?.nodes.map((node: { id: string }) => node.id)).toEqual(ids);
    expect(statements).toHaveLength(2);
  });
});
