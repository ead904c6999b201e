import { describe, expect, it } from 'vitest';
import type { ServerContext } from '../src/context.js';
import { runFast } from '../src/fast-path.js';
import { seedContacts, useGraphQL } from './helpers.js';

const t = useGraphQL();

const MEMBERS = `query Members($id: ID!) { segment(id: $id) { name contacts(first: 2) {
  edges { cursor node { id email createdAt properties } } pageInfo { hasNextPage endCursor } } } }`;

/** The request as the Fastify plugin hands it over: the body read as bytes. */
function post(body: unknown, accept?: string) {
  return {
    method: 'POST',
    url: '/graphql',
    headers: { 'content-type': 'application/json', ...(accept && { accept }) },
    body: Buffer.from(typeof body === 'string' ? body : JSON.stringify(body)),
  };
}

async function viaYoga(request: ReturnType<typeof post>, context: ServerContext) {
  const response = await t.yoga.fetch(
    'http://localhost/graphql',
    { method: 'POST', headers: request.headers, body: new Uint8Array(request.body) },
    context,
  );
  return { status: response.status, type: response.headers.get('content-type'), body: await response.json() };
}

describe('the fast path for JSON queries', () => {
  it('answers a query as yoga does, compiled from its second run on', async () => {
    const segment = await t.db.services.segments.create(t.workspace.workspaceId, { name: 'Fast' });
    const contacts = await seedContacts(t, 3, 'fast');
    await t.db.services.segments.addContacts(
      t.workspace.workspaceId,
      segment.id,
      contacts.map((contact) => contact.id),
    );
    for (const accept of [undefined, 'application/graphql-response+json', 'application/json', '*/*']) {
      for (let run = 0; run < 3; run++) {
        const request = post({ query: MEMBERS, variables: { id: segment.id } }, accept);
        const fast = await runFast(t.yoga, request, { workspaceId: t.workspace.workspaceId });
        const yoga = await viaYoga(request, { workspaceId: t.workspace.workspaceId });
        expect(fast && 'body' in fast).toBe(true);
        if (!fast || !('body' in fast)) return;
        expect({ status: 200, type: fast.contentType, body: JSON.parse(fast.body) }).toEqual(yoga);
        expect(yoga.body.data.segment.contacts.edges).toHaveLength(2);
      }
    }
  });

  it('hands a result with errors to yoga, which answers it as its own', async () => {
    const request = post({ query: MEMBERS, variables: { id: 'nope' } }, 'application/graphql-response+json');
    const context: ServerContext = { workspaceId: t.workspace.workspaceId };
    const fast = await runFast(t.yoga, request, context);
    expect(fast && 'executed' in fast).toBe(true);
    if (!fast || !('executed' in fast)) return;
    const handed = await viaYoga(request, { ...context, executed: fast.executed });
    expect(handed).toEqual(await viaYoga(request, context));
    expect(handed.body.errors[0].extensions).toEqual({ code: 'invalid_field', param: 'id' });
  });

  it('leaves to yoga what it does not run: mutations, documents that fail, other bodies', async () => {
    const context: ServerContext = { workspaceId: t.workspace.workspaceId };
    const refused = [
      post({
        query:
          'mutation { deleteContact(input: { id: "00000000-0000-4000-8000-000000000000" }) { deletedId } }',
      }),
      post({ query: '{ segment( ' }),
      post({ query: '{ nope }' }),
      post({ query: 'query A { __typename } query B { __typename }' }),
      post({ query: '{ __typename }', unknown: 1 }),
      post({ query: '{ __typename }', variables: [1] }),
      post([{ query: '{ __typename }' }]),
      post('{'),
      post({ query: '{ __typename }' }, 'text/html'),
      { ...post({ query: '{ __typename }' }), method: 'GET' },
      { ...post({ query: '{ __typename }' }), headers: { 'content-type': 'application/graphql+json' } },
    ];
    for (const request of refused) expect(await runFast(t.yoga, request, context)).toBeUndefined();
  });

  it('leaves a parse error worded as yoga words it, code included, for later requests too', async () => {
    const context: ServerContext = { workspaceId: t.workspace.workspaceId };
    const request = post({ query: '{ contacts( ' });
    expect(await runFast(t.yoga, request, context)).toBeUndefined();
    const answer = await viaYoga(request, context);
    expect(answer.body.errors[0].extensions).toEqual({ code: 'GRAPHQL_PARSE_FAILED' });
  });
});
