import { describe, expect, it } from 'vitest';
import { useTestApp } from '../harness.js';

const t = useTestApp();

const query = (body: unknown, headers: Record<string, string> = {}) =>
  t.app.inject({
    method: 'POST',
    url: '/graphql',
    headers: { 'content-type': 'application/json', ...headers },
    payload: JSON.stringify(body),
  });

describe('GraphQL over HTTP', () => {
  it('answers 401 with a GraphQL error and WWW-Authenticate when the key is missing or wrong', async () => {
    const attempts: Record<string, string>[] = [
      {},
      { authorization: 'Bearer ps_live_nope' },
      { authorization: 'Basic abc' },
    ];
    for (const headers of attempts) {
      const response = await query({ query: '{ contacts { edges { node { id } } } }' }, headers);
      expect(response.statusCode).toBe(401);
      expect(response.headers['www-authenticate']).toBe('Bearer');
      expect(response.headers['x-request-id']).toMatch(/^req_[0-9a-f]{24}$/);
      expect(response.json()).toEqual({
        errors: [{ message: expect.any(String), extensions: { code: 'unauthorized' } }],
      });
    }
  });

  it('authenticates first, whatever the method, path or body', async () => {
    const requests = [
      { method: 'GET' as const, url: '/graphql', headers: { accept: 'text/html' } },
      { method: 'GET' as const, url: '/graphql?query={__typename}' },
      { method: 'PUT' as const, url: '/graphql' },
      { method: 'POST' as const, url: '/graphql/else' },
      { method: 'POST' as const, url: '/graphql', headers: { 'content-type': 'text/xml' }, payload: '<x/>' },
      {
        method: 'POST' as const,
        url: '/graphql',
        headers: { 'content-type': 'application/json' },
        payload: '{',
      },
    ];
    for (const request of requests) {
      const response = await t.app.inject(request);
      expect(response.statusCode, `${request.method} ${request.url}`).toBe(401);
      expect(response.json().errors[0].extensions.code).toBe('unauthorized');
    }
  });

  it('runs a query with a valid key, in the key’s workspace', async () => {
    const created = await t.db.services.contacts.create(t.workspace.workspaceId, {
      email: 'http@example.com',
    });
    await t.db.services.contacts.create(t.other.workspaceId, { email: 'elsewhere@example.com' });
    const response = await query(
      { query: '{ contacts { edges { node { databaseId email status } } } }' },
      { authorization: t.workspace.authorization },
    );
    expect(response.statusCode).toBe(200);
    expect(response.headers['x-request-id']).toMatch(/^req_[0-9a-f]{24}$/);
    expect(response.json()).toEqual({
      data: {
        contacts: {
          edges: [{ node: { databaseId: created.id, email: 'http@example.com', status: 'SUBSCRIBED' } }],
        },
      },
    });
  });

  it('serves GraphiQL to an authenticated browser, and answers HTTP-level errors in GraphQL’s shape', async () => {
    const headers = { authorization: t.workspace.authorization };
    const page = await t.app.inject({
      method: 'GET',
      url: '/graphql',
      headers: { ...headers, accept: 'text/html' },
    });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toMatch(/text\/html/);

    const badJson = await t.app.inject({
      method: 'POST',
      url: '/graphql',
      headers: { ...headers, 'content-type': 'application/json' },
      payload: '{',
    });
    expect(badJson.statusCode).toBe(400);
    expect(badJson.json().errors[0].extensions).toEqual({ code: 'invalid_request' });

    const wrongMethod = await t.app.inject({ method: 'PUT', url: '/graphql', headers });
    expect(wrongMethod.statusCode).toBe(405);
    expect(wrongMethod.headers.allow).toBe('GET, POST');
    expect(wrongMethod.json().errors[0].extensions).toEqual({ code: 'method_not_allowed' });

    const xml = await t.app.inject({
      method: 'POST',
      url: '/graphql',
      headers: { ...headers, 'content-type': 'text/xml' },
      payload: '<query/>',
    });
    expect(xml.statusCode).toBe(415);
    expect(xml.json().errors[0].extensions).toEqual({ code: 'unsupported_media_type' });

    const huge = await t.app.inject({
      method: 'POST',
      url: '/graphql',
      headers: { ...headers, 'content-type': 'application/json' },
      payload: JSON.stringify({ query: '{ __typename }', padding: 'x'.repeat(1024 * 1024) }),
    });
    expect(huge.statusCode).toBe(413);
    expect(huge.json().errors[0].extensions).toEqual({ code: 'payload_too_large' });

    const elsewhere = await t.app.inject({ method: 'POST', url: '/graphql/else', headers });
    expect(elsewhere.statusCode).toBe(404);
    expect(elsewhere.json()).toEqual({
      errors: [{ message: expect.any(String), extensions: { code: 'not_found' } }],
    });
  });
});
