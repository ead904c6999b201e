import { recordStatements } from '@pristinesend/testing';
import { describe, expect, it } from 'vitest';
import { createGraphQLYoga } from '../src/index.js';
import { useGraphQL } from './helpers.js';

const t = useGraphQL();

/** `levels` nested connections: segments → contacts → segments → … */
function nested(levels: number): string {
  let selection = 'id';
  for (let level = levels; level > 0; level--) {
    const field = level % 2 === 1 ? 'segments' : 'contacts';
    selection = `${field} { edges { node { ${selection} } } }`;
  }
  return `{ ${selection} }`;
}

/** Rejected before execution: an error, no data, and not one SQL statement sent. */
async function expectRejected(query: string, message: RegExp, code: string) {
  const started = performance.now();
  const { result, statements } = await recordStatements(() => t.gql(query));
  expect(result.data).toBeUndefined();
  expect(result.errors?.[0]?.message).toMatch(message);
  expect(result.errors?.[0]?.extensions?.code).toBe(code);
  expect(statements).toEqual([]);
  return performance.now() - started;
}

describe('operations over the limits are refused, not run', () => {
  it('a query deeper than 12 levels', async () => {
    const elapsed = await expectRejected(
      nested(5),
      /^Query depth limit of 12 exceeded, found 16\.$/,
      'GRAPHQL_VALIDATION_FAILED',
    );
    expect(elapsed).toBeLessThan(1000);
  });

  it('an absurdly deep query, quickly', async () => {
    const elapsed = await expectRejected(
      nested(2000),
      /Token limit of 1000 exceeded/,
      'GRAPHQL_PARSE_FAILED',
    );
    expect(elapsed).toBeLessThan(1000);
  });

  it('a query whose estimated cost is too high', async () => {
    await expectRejected(
      '{ contacts(first: 100) { edges { node { segments(first: 100) { edges { node { id } } } } } } }',
      /^Query Cost limit of 250000 exceeded/,
      'GRAPHQL_VALIDATION_FAILED',
    );
  });

  it('too many aliases', async () => {
    const aliases = Array.from(
      { length: 16 },
      (_, i) => `a${i}: segments(first: 1) { edges { cursor } }`,
    ).join(' ');
    await expectRejected(`{ ${aliases} }`, /^Aliases limit of 15 exceeded/, 'GRAPHQL_VALIDATION_FAILED');
  });

  it('allows what the limits allow, and takes other limits', async () => {
    expect((await t.gql(nested(3))).errors).toBeUndefined();
    const strict = createGraphQLYoga({ services: t.db.services, limits: { maxDepth: 4 } });
    const response = await strict.fetch(
      'http://localhost/graphql',
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: nested(2) }),
      },
      { workspaceId: t.workspace.workspaceId },
    );
    expect((await response.json()).errors?.[0]?.message).toBe('Query depth limit of 4 exceeded, found 7.');
  });
});
