import { describe, expect, it, vi } from 'vitest';
import { createGraphQLYoga, toGlobalId } from '../src/index.js';
import { useGraphQL } from './helpers.js';

const t = useGraphQL();

const CREATE = `mutation ($input: CreateContactInput!) { createContact(input: $input) { contact { id } } }`;

describe('domain errors carry the contract’s code and param', () => {
  it('a duplicate email, in any case, is conflict on email', async () => {
    await t.gql(CREATE, { input: { email: 'dup@example.com' } });
    const duplicate = await t.gql(CREATE, { input: { email: 'DUP@Example.com' } });
    expect(duplicate.status).toBe(200);
    expect(duplicate.data).toEqual({ createContact: null });
    expect(duplicate.errors).toEqual([
      expect.objectContaining({ path: ['createContact'], extensions: { code: 'conflict', param: 'email' } }),
    ]);
  });

  it.each([
    [{ email: 'not an email' }, 'email'],
    [{ email: 'ok@example.com', properties: ['not', 'an', 'object'] }, 'properties'],
    [{ email: 'ok@example.com', status: null }, 'status'],
    [{ email: 'ok@example.com', firstName: 'x'.repeat(257) }, 'firstName'],
  ])('refuses %j as invalid_field on %s', async (input, param) => {
    const result = await t.gql(CREATE, { input });
    expect(result.errors?.[0]?.extensions).toEqual({ code: 'invalid_field', param });
  });

  it('refuses bad segment input and contact id lists', async () => {
    const empty = await t.gql(`mutation { createSegment(input: { name: "" }) { segment { id } } }`);
    expect(empty.errors?.[0]?.extensions).toEqual({ code: 'invalid_field', param: 'name' });

    const segment = await t.db.services.segments.create(t.workspace.workspaceId, { name: 'Lists' });
    const add = `mutation ($ids: [ID!]!) { addContactsToSegment(input: { segmentId: "${segment.id}", contactIds: $ids }) { added } }`;
    for (const ids of [[], ['not-an-id'], Array.from({ length: 1001 }, () => crypto.randomUUID())]) {
      const result = await t.gql(add, { ids });
      expect(result.errors?.[0]?.extensions).toEqual({ code: 'invalid_field', param: 'contactIds' });
    }
    const unknown = await t.gql(add, { ids: [crypto.randomUUID()] });
    expect(unknown.errors?.[0]?.extensions).toEqual({ code: 'not_found' });
  });

  it('an unknown segmentId in contacts is not_found; a malformed or wrongly typed one is invalid_field', async () => {
    const query = `query ($id: ID) { contacts(segmentId: $id) { edges { cursor } } }`;
    const unknown = await t.gql(query, { id: toGlobalId('Segment', crypto.randomUUID()) });
    expect(unknown.errors?.[0]?.extensions).toEqual({ code: 'not_found' });
    const malformed = await t.gql(query, { id: 'segment-1' });
    expect(malformed.errors?.[0]?.extensions).toEqual({ code: 'invalid_field', param: 'segmentId' });
    const contactId = await t.gql(query, { id: toGlobalId('Contact', crypto.randomUUID()) });
    expect(contactId.errors?.[0]).toMatchObject({
      message: 'Expected a Segment ID, got a Contact ID.',
      extensions: { code: 'invalid_field', param: 'segmentId' },
    });
  });

  it('an unknown id in a mutation is not_found; a malformed one is invalid_field on id', async () => {
    const update = `mutation ($id: ID!) { updateContact(input: { id: $id, firstName: "X" }) { contact { id } } }`;
    const unknown = await t.gql(update, { id: crypto.randomUUID() });
    expect(unknown.errors?.[0]?.extensions).toEqual({ code: 'not_found' });
    const malformed = await t.gql(update, { id: '42' });
    expect(malformed.errors?.[0]?.extensions).toEqual({ code: 'invalid_field', param: 'id' });
    const node = await t.gql(`query ($id: ID!) { node(id: $id) { id } }`, { id: crypto.randomUUID() });
    expect(node.errors?.[0]?.extensions).toEqual({ code: 'invalid_field', param: 'id' });
  });

  it('one failed mutation leaves the others in the request their results', async () => {
    const result = await t.gql(`mutation {
      bad: createContact(input: { email: "nope" }) { contact { id } }
      good: createSegment(input: { name: "Still made" }) { segment { name } }
    }`);
    expect(result.data).toEqual({ bad: null, good: { segment: { name: 'Still made' } } });
    expect(result.errors).toHaveLength(1);
  });
});

describe('GraphQL’s own errors keep GraphQL’s codes', () => {
  it('a syntax error is GRAPHQL_PARSE_FAILED and an unknown field GRAPHQL_VALIDATION_FAILED', async () => {
    const parse = await t.gql('{ contacts { ');
    expect(parse.status).toBe(400);
    expect(parse.errors?.[0]?.extensions).toEqual({ code: 'GRAPHQL_PARSE_FAILED' });
    const invalid = await t.gql('{ contacts { edges { node { shoeSize } } } }');
    expect(invalid.status).toBe(400);
    expect(invalid.errors?.[0]?.extensions).toEqual({ code: 'GRAPHQL_VALIDATION_FAILED' });
    const missing = await t.gql(
      'mutation { createContact(input: { firstName: "No email" }) { contact { id } } }',
    );
    expect(missing.errors?.[0]?.extensions).toEqual({ code: 'GRAPHQL_VALIDATION_FAILED' });
  });
});

describe('authentication and the unexpected', () => {
  it('a request without a workspace is HTTP 401 unauthorized and runs nothing', async () => {
    const result = await t.gql('{ contacts { edges { cursor } } }', {}, { workspaceId: null });
    expect(result.status).toBe(401);
    expect(result.headers.get('www-authenticate')).toBe('Bearer');
    expect(result.data).toBeUndefined();
    expect(result.errors).toEqual([{ message: expect.any(String), extensions: { code: 'unauthorized' } }]);
  });

  it('masks an unexpected error as internal_error and logs it with the request id', async () => {
    const logger = { error: vi.fn() };
    const failing = new Proxy(t.db.services.contacts, {
      get: (target, property, receiver) =>
        property === 'listWindow'
          ? () => Promise.reject(new Error('connection reset by peer at 10.0.0.7'))
          : Reflect.get(target, property, receiver),
    });
    const yoga = createGraphQLYoga({ services: { ...t.db.services, contacts: failing }, logger });
    const response = await yoga.fetch(
      'http://localhost/graphql',
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"query":"{ contacts { edges { cursor } } }"}',
      },
      { workspaceId: t.workspace.workspaceId, requestId: 'req_000000000000000000000001' },
    );
    const body = await response.json();
    expect(body.errors).toEqual([
      expect.objectContaining({
        message: 'Something went wrong on our side; it is safe to retry.',
        extensions: { code: 'internal_error' },
      }),
    ]);
    expect(JSON.stringify(body)).not.toContain('10.0.0.7');
    expect(logger.error).toHaveBeenCalledWith(
      expect.objectContaining({ err: expect.any(Error), requestId: 'req_000000000000000000000001' }),
      'unexpected GraphQL error',
    );
  });
});
