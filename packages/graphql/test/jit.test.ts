import { describe, expect, it } from 'vitest';
import { seedContacts, useGraphQL } from './helpers.js';

const t = useGraphQL();

/*
 * A document's first run is interpreted, later ones compiled: the answers must not tell
 * them apart, errors included (their locations, codes and HTTP status).
 */
describe('compiled queries', () => {
  it('answer as the interpreter does, run after run', async () => {
    await seedContacts(t, 3, 'jit');
    const cases: [string, Record<string, unknown>?][] = [
      [
        '{ contacts(first: 2) { edges { cursor node { id email status createdAt properties } } pageInfo { hasNextPage } } }',
      ],
      ['query ($id: ID!) { segment(id: $id) { name } }', {}],
      ['query ($id: ID!) { segment(id: $id) { name } }', { id: 'nope' }],
      ['query ($s: ContactStatus) { contacts(status: $s) { edges { node { id } } } }', { s: 'NOPE' }],
      ['{ contacts(first: 0) { edges { node { id } } } }'],
      ['{ contacts(after: "zzz") { edges { node { id } } } }'],
      ['query ($on: Boolean!) { contacts { edges { node { email @include(if: $on) } } } }', { on: false }],
      ['{ node(id: "U2VnbWVudDp4") { id } nodes(ids: ["x"]) { id } }'],
    ];
    for (const [query, variables] of cases) {
      const first = await t.gql(query, variables);
      for (let run = 0; run < 2; run++) {
        const again = await t.gql(query, variables);
        expect({ ...again, headers: undefined }, query).toEqual({ ...first, headers: undefined });
      }
    }
  });
});
