import { randomUUID } from 'node:crypto';
import type { Services } from '@pristinesend/domain';
import { uniqueEmail } from '@pristinesend/testing';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../../src/server.js';
import { useTestApp } from '../harness.js';
import { errorBody, expectTrpcError, trpcClient, trpcError } from './client.js';

const t = useTestApp({ listen: true });
const api = () => trpcClient(t.url, t.workspace.authorization);

/** A raw HTTP call to /trpc, for what a typed client cannot send. */
function raw(path: string, init: RequestInit = {}) {
  return fetch(`${t.url}/trpc/${path}`, {
    ...init,
    headers: { authorization: t.workspace.authorization, ...(init.headers as Record<string, string>) },
  });
}

describe('tRPC errors: not found', () => {
  const missing = randomUUID();
  const notFound = { code: 'NOT_FOUND', apiCode: 'not_found', httpStatus: 404 };

  it.each([missing, 'not-a-uuid'])('answers NOT_FOUND for contact id %s on every procedure', async (id) => {
    await expectTrpcError(api().contacts.get.query({ id }), notFound);
    await expectTrpcError(api().contacts.update.mutate({ id, firstName: 'X' }), notFound);
    await expectTrpcError(api().contacts.update.mutate({ id }), notFound);
    await expectTrpcError(api().contacts.delete.mutate({ id }), notFound);
  });

  it.each([missing, 'not-a-uuid'])('answers NOT_FOUND for segment id %s on every procedure', async (id) => {
    const contact = await api().contacts.create.mutate({ email: uniqueEmail() });
    await expectTrpcError(api().segments.get.query({ id }), notFound);
    await expectTrpcError(api().segments.update.mutate({ id, name: 'X' }), notFound);
    await expectTrpcError(api().segments.delete.mutate({ id }), notFound);
    await expectTrpcError(
      api().segments.addContacts.mutate({ segmentId: id, contactIds: [contact.id] }),
      notFound,
    );
    await expectTrpcError(
      api().segments.removeContacts.mutate({ segmentId: id, contactIds: [contact.id] }),
      notFound,
    );
  });

  it('answers NOT_FOUND for an unknown segment filter and an unknown member, adding nothing', async () => {
    await expectTrpcError(api().contacts.list.query({ segmentId: missing }), notFound);
    const segment = await api().segments.create.mutate({ name: 'All or nothing' });
    const contact = await api().contacts.create.mutate({ email: uniqueEmail() });
    await expectTrpcError(
      api().segments.addContacts.mutate({ segmentId: segment.id, contactIds: [contact.id, missing] }),
      notFound,
    );
    expect((await api().contacts.list.query({ segmentId: segment.id })).data).toEqual([]);
  });

  it('answers NOT_FOUND, in tRPC shape, for an unknown procedure or path', async () => {
    for (const path of ['contacts.nope', 'nope', 'contacts/list']) {
      const response = await raw(path);
      expect(response.status).toBe(404);
      const body = await errorBody(response);
      expect(body.error.data).toMatchObject({ code: 'NOT_FOUND', apiCode: 'not_found' });
      expect(body.error.data.requestId).toBe(response.headers.get('x-request-id'));
    }
  });
});

describe('tRPC errors: conflict', () => {
  it('answers CONFLICT with param email for a duplicate email, in any case', async () => {
    const email = uniqueEmail('dup');
    await api().contacts.create.mutate({ email });
    await expectTrpcError(api().contacts.create.mutate({ email: `  ${email.toUpperCase()} ` }), {
      code: 'CONFLICT',
      apiCode: 'conflict',
      param: 'email',
      httpStatus: 409,
    });
  });
});

describe('tRPC errors: missing and invalid fields', () => {
  const missing = (param: string) => ({
    code: 'BAD_REQUEST',
    apiCode: 'missing_field',
    param,
    httpStatus: 400,
  });
  const invalid = (param: string) => ({
    code: 'BAD_REQUEST',
    apiCode: 'invalid_field',
    param,
    httpStatus: 400,
  });
  const never = <T>(value: unknown) => value as T;

  it('names a missing required field, in camelCase', async () => {
    await expectTrpcError(api().contacts.create.mutate(never({ firstName: 'Jane' })), missing('email'));
    await expectTrpcError(api().contacts.get.query(never({})), missing('id'));
    await expectTrpcError(api().segments.create.mutate(never({ description: 'x' })), missing('name'));
    await expectTrpcError(
      api().segments.addContacts.mutate(never({ contactIds: [randomUUID()] })),
      missing('segmentId'),
    );
    await expectTrpcError(
      api().segments.removeContacts.mutate(never({ segmentId: randomUUID() })),
      missing('contactIds'),
    );
  });

  it('names an invalid field, in camelCase', async () => {
    const contact = await api().contacts.create.mutate({ email: uniqueEmail() });
    const segment = await api().segments.create.mutate({ name: 'Invalid inputs' });
    // Thunks, so each call starts only when its failure is awaited.
    const cases: [() => Promise<unknown>, string][] = [
      [() => api().contacts.create.mutate({ email: 'not an email' }), 'email'],
      [() => api().contacts.create.mutate({ email: '' }), 'email'],
      [() => api().contacts.create.mutate({ email: uniqueEmail(), firstName: 'x'.repeat(257) }), 'firstName'],
      [() => api().contacts.create.mutate({ email: uniqueEmail(), lastName: 'nul\u0000' }), 'lastName'],
      [() => api().contacts.create.mutate({ email: uniqueEmail(), properties: never([1]) }), 'properties'],
      [() => api().contacts.update.mutate({ id: contact.id, status: never('gone') }), 'status'],
      [() => api().contacts.list.query({ limit: 0 }), 'limit'],
      [() => api().contacts.list.query({ limit: 2.5 }), 'limit'],
      [() => api().contacts.list.query({ limit: never('10') }), 'limit'],
      [() => api().contacts.list.query({ cursor: 'not-a-cursor' }), 'cursor'],
      [() => api().contacts.list.query({ segmentId: 'not-a-uuid' }), 'segmentId'],
      [() => api().segments.list.query({ cursor: 'bm90LWEtY3Vyc29y' }), 'cursor'],
      [() => api().segments.create.mutate({ name: '' }), 'name'],
      [() => api().segments.update.mutate({ id: segment.id, description: 'x'.repeat(1001) }), 'description'],
      [() => api().segments.addContacts.mutate({ segmentId: segment.id, contactIds: [] }), 'contactIds'],
      [
        () => api().segments.addContacts.mutate({ segmentId: segment.id, contactIds: ['not-a-uuid'] }),
        'contactIds',
      ],
      [
        () => api().segments.removeContacts.mutate({ segmentId: segment.id, contactIds: never('x') }),
        'contactIds',
      ],
      [() => api().contacts.get.query({ id: never(42) }), 'id'],
    ];
    for (const [call, param] of cases) await expectTrpcError(call(), invalid(param));
  });

  it('refuses an unknown field by name, on every kind of input', async () => {
    const contact = await api().contacts.create.mutate({ email: uniqueEmail() });
    await expectTrpcError(
      // @ts-expect-error: an unknown field is a compile error for a typed client
      api().contacts.create.mutate({ email: uniqueEmail(), nickname: 'J' }),
      invalid('nickname'),
    );
    await expectTrpcError(
      api().contacts.update.mutate(never({ id: contact.id, first_name: 'snake' })),
      invalid('first_name'),
    );
    await expectTrpcError(
      api().contacts.list.query(never({ segment_id: randomUUID() })),
      invalid('segment_id'),
    );
    await expectTrpcError(api().segments.create.mutate(never({ name: 'x', color: 'red' })), invalid('color'));
  });

  it('refuses email in an update: it never changes', async () => {
    const contact = await api().contacts.create.mutate({ email: uniqueEmail() });
    const error = await expectTrpcError(
      // @ts-expect-error: email is not updatable, and the type says so
      api().contacts.update.mutate({ id: contact.id, email: uniqueEmail() }),
      invalid('email'),
    );
    expect(error.message).toBe('Email cannot be changed after creation.');
    expect((await api().contacts.get.query({ id: contact.id })).email).toBe(contact.email);
  });

  it('answers an input that is not an object as invalid_request', async () => {
    await expectTrpcError(api().contacts.create.mutate(never('jane@example.com')), {
      code: 'BAD_REQUEST',
      apiCode: 'invalid_request',
    });
  });
});

describe('tRPC errors: protocol', () => {
  it('carries the request id of the response header in data, with no stack', async () => {
    const error = await trpcError(api().contacts.get.query({ id: randomUUID() }));
    const response = (error.meta as { response: Response }).response;
    expect(error.data?.requestId).toBe(response.headers.get('x-request-id'));
    expect(error.data).not.toHaveProperty('stack');
  });

  it('answers a body that is not JSON as invalid_request, with the request id', async () => {
    const response = await raw('contacts.create', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"email":',
    });
    expect(response.status).toBe(400);
    const body = await errorBody(response);
    expect(body.error.data).toMatchObject({ code: 'BAD_REQUEST', apiCode: 'invalid_request' });
    expect(body.error.data.requestId).toBe(response.headers.get('x-request-id'));
  });

  it('answers a query called as a mutation, or the reverse, as method_not_allowed', async () => {
    const response = await raw('contacts.delete?input=%7B%7D');
    expect(response.status).toBe(405);
    expect((await errorBody(response)).error.data).toMatchObject({
      code: 'METHOD_NOT_SUPPORTED',
      apiCode: 'method_not_allowed',
    });
  });

  it('resolves each call of a batch on its own: one failure does not fail the others', async () => {
    const contact = await api().contacts.create.mutate({ email: uniqueEmail() });
    const client = api();
    const [found, missing] = await Promise.allSettled([
      client.contacts.get.query({ id: contact.id }),
      client.contacts.get.query({ id: randomUUID() }),
    ]);
    expect(found).toMatchObject({ status: 'fulfilled', value: contact });
    expect(missing).toMatchObject({ status: 'rejected', reason: { data: { apiCode: 'not_found' } } });
  });
});

describe('tRPC errors: unexpected failures', () => {
  const lines: Record<string, unknown>[] = [];
  let app: FastifyInstance;
  let url: string;

  beforeAll(async () => {
    const services: Services = {
      ...t.db.services,
      contacts: Object.create(t.db.services.contacts, {
        get: { value: async () => Promise.reject(new Error('connection reset by a gremlin')) },
      }),
    };
    app = await buildServer({
      services,
      logger: { level: 'error', stream: { write: (line: string) => lines.push(JSON.parse(line)) } },
    });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  });
  afterAll(async () => {
    await app?.close();
  });

  it('masks an unknown error as internal_error and logs it with the request id', async () => {
    const error = await expectTrpcError(
      trpcClient(url, t.workspace.authorization).contacts.get.query({ id: randomUUID() }),
      { code: 'INTERNAL_SERVER_ERROR', apiCode: 'internal_error', httpStatus: 500 },
    );
    expect(error.message).toBe('Internal server error');
    expect(JSON.stringify(error.data)).not.toContain('gremlin');
    expect(error.data).not.toHaveProperty('stack');

    const logged = lines.find((line) => line.reqId === error.data?.requestId);
    expect(logged).toMatchObject({ level: 50, err: { message: 'connection reset by a gremlin' } });
  });
});

describe('tRPC errors: rate limit', () => {
  let app: FastifyInstance;
  let url: string;

  beforeAll(async () => {
    app = await buildServer({ services: t.db.services, rateLimit: { perSecond: 2 } });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  });
  afterAll(async () => {
    await app?.close();
  });

  it('answers TOO_MANY_REQUESTS (HTTP 429, rate_limited) with Retry-After, in tRPC shape', async () => {
    const client = trpcClient(url, t.workspace.authorization);
    await client.segments.list.query();
    await client.segments.list.query();
    const error = await expectTrpcError(client.segments.list.query(), {
      code: 'TOO_MANY_REQUESTS',
      apiCode: 'rate_limited',
      httpStatus: 429,
    });
    const response = (error.meta as { response: Response }).response;
    expect(response.status).toBe(429);
    expect(Number(response.headers.get('retry-after'))).toBeGreaterThanOrEqual(0);
    expect(error.data?.requestId).toBe(response.headers.get('x-request-id'));
  });
});
