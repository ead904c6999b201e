import { randomUUID } from 'node:crypto';
import { uniqueEmail } from '@pristinesend/testing';
import { appRouter, createCallerFactory } from '@pristinesend/trpc';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../harness.js';
import { errorBody, expectTrpcError, type TrpcClient, trpcClient, trpcError } from './client.js';

const t = useTestApp({ listen: true });
const unauthorized = { code: 'UNAUTHORIZED', apiCode: 'unauthorized', httpStatus: 401 };

/** A raw request to /trpc with the given Authorization header (or none). */
function raw(path: string, authorization?: string, init: RequestInit = {}) {
  return fetch(`${t.url}/trpc/${path}`, {
    ...init,
    headers: {
      ...(authorization !== undefined && { authorization }),
      ...(init.headers as Record<string, string>),
    },
  });
}

async function expect401(response: Response) {
  expect(response.status).toBe(401);
  expect(response.headers.get('www-authenticate')).toBe('Bearer');
  const body = await errorBody(response);
  expect(body.error.data).toMatchObject({ code: 'UNAUTHORIZED', apiCode: 'unauthorized' });
  expect(body.error.data.requestId).toBe(response.headers.get('x-request-id'));
}

describe('tRPC security: authentication', () => {
  const badHeaders: [string, string | undefined][] = [
    ['no header', undefined],
    ['an empty header', ''],
    ['the wrong scheme', 'Basic dXNlcjpwYXNz'],
    ['a malformed key', 'Bearer not-a-key'],
    ['an unknown key', `Bearer ps_live_${'A'.repeat(40)}`],
  ];

  it.each(badHeaders)('answers %s with UNAUTHORIZED and HTTP 401', async (_name, authorization) => {
    await expectTrpcError(trpcClient(t.url, authorization).contacts.list.query(), unauthorized);
    await expectTrpcError(
      trpcClient(t.url, authorization).segments.create.mutate({ name: 'x' }),
      unauthorized,
    );
    await expect401(await raw('contacts.list', authorization));
  });

  it('refuses a revoked key at once', async () => {
    const key = await t.db.services.workspaces.createApiKey(t.workspace.workspaceId);
    const client = trpcClient(t.url, `Bearer ${key.apiKey}`);
    expect(await client.segments.list.query()).toHaveProperty('data');

    await t.db.services.workspaces.revokeApiKey(key.id);
    const error = await expectTrpcError(client.segments.list.query(), unauthorized);
    expect((error.meta as { response: Response }).response.status).toBe(401);
    await expect401(await raw('segments.list', `Bearer ${key.apiKey}`));
  });

  it('authenticates before anything else: path, method, batch or body', async () => {
    await expect401(await raw('nope.nope'));
    await expect401(await raw('contacts/list'));
    await expect401(await raw(''));
    await expect401(await fetch(`${t.url}/trpc`));
    await expect401(await raw('contacts.create'));
    await expect401(await raw('contacts.list,nope?batch=1&input=%7B%7D'));
    await expect401(
      await raw('contacts.create', undefined, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"email":',
      }),
    );
  });

  it('fails every call of an unauthenticated batch', async () => {
    const client = trpcClient(t.url);
    const results = await Promise.allSettled([client.contacts.list.query(), client.segments.list.query()]);
    for (const result of results) {
      expect(result).toMatchObject({ status: 'rejected', reason: { data: { apiCode: 'unauthorized' } } });
    }
  });
});

describe('tRPC security: server-side callers', () => {
  it('refuses a context without a workspace, as over HTTP', async () => {
    const caller = createCallerFactory(appRouter)({
      workspaceId: null,
      requestId: 'req_000000000000000000000000',
      services: t.db.services,
      logger: console,
    });
    const error = await caller.contacts.list().catch((caught: unknown) => caught);
    expect(error).toMatchObject({ name: 'TRPCError', code: 'UNAUTHORIZED', cause: { code: 'unauthorized' } });
  });
});

describe("tRPC security: another workspace's ids are not found", () => {
  const notFound = { code: 'NOT_FOUND', apiCode: 'not_found', httpStatus: 404 };
  let mine: TrpcClient;
  let theirs: TrpcClient;
  let their: { contact: { id: string; email: string }; segment: { id: string } };

  beforeAll(async () => {
    mine = trpcClient(t.url, t.workspace.authorization);
    theirs = trpcClient(t.url, t.other.authorization);
    const contact = await theirs.contacts.create.mutate({ email: uniqueEmail('theirs') });
    const segment = await theirs.segments.create.mutate({ name: 'Theirs' });
    await theirs.segments.addContacts.mutate({ segmentId: segment.id, contactIds: [contact.id] });
    their = { contact, segment };
  });

  it('on every contact procedure', async () => {
    const { id } = their.contact;
    await expectTrpcError(mine.contacts.get.query({ id }), notFound);
    await expectTrpcError(mine.contacts.update.mutate({ id, firstName: 'Mallory' }), notFound);
    await expectTrpcError(mine.contacts.update.mutate({ id }), notFound);
    await expectTrpcError(mine.contacts.delete.mutate({ id }), notFound);
    await expectTrpcError(mine.contacts.list.query({ segmentId: their.segment.id }), notFound);
    // Even an email taken in the other workspace is free in this one.
    const same = await mine.contacts.create.mutate({ email: their.contact.email });
    expect(same.id).not.toBe(id);
  });

  it('on every segment procedure, for their segment and for their contacts', async () => {
    const { id } = their.segment;
    const own = await mine.segments.create.mutate({ name: 'Mine' });
    const ownContact = await mine.contacts.create.mutate({ email: uniqueEmail('mine') });
    await expectTrpcError(mine.segments.get.query({ id }), notFound);
    await expectTrpcError(mine.segments.update.mutate({ id, name: 'Taken over' }), notFound);
    await expectTrpcError(mine.segments.update.mutate({ id }), notFound);
    await expectTrpcError(mine.segments.delete.mutate({ id }), notFound);
    await expectTrpcError(
      mine.segments.addContacts.mutate({ segmentId: id, contactIds: [ownContact.id] }),
      notFound,
    );
    await expectTrpcError(
      mine.segments.removeContacts.mutate({ segmentId: id, contactIds: [their.contact.id] }),
      notFound,
    );
    await expectTrpcError(
      mine.segments.addContacts.mutate({ segmentId: own.id, contactIds: [their.contact.id] }),
      notFound,
    );
    await expectTrpcError(
      mine.segments.removeContacts.mutate({ segmentId: own.id, contactIds: [their.contact.id] }),
      notFound,
    );
  });

  it('leaves their data untouched and out of every list', async () => {
    expect(await theirs.contacts.get.query({ id: their.contact.id })).toMatchObject({ firstName: null });
    expect(await theirs.segments.get.query({ id: their.segment.id })).toMatchObject({ name: 'Theirs' });
    const members = await theirs.contacts.list.query({ segmentId: their.segment.id });
    expect(members.data.map((contact) => contact.id)).toEqual([their.contact.id]);

    const contactIds = (await mine.contacts.list.query({ limit: 100 })).data.map((contact) => contact.id);
    const segmentIds = (await mine.segments.list.query({ limit: 100 })).data.map((segment) => segment.id);
    expect(contactIds).not.toContain(their.contact.id);
    expect(segmentIds).not.toContain(their.segment.id);
    expect((await trpcError(mine.contacts.get.query({ id: randomUUID() }))).message).toMatch(
      /^No such contact/,
    );
  });
});
