import { randomBytes } from 'node:crypto';
import { uniqueEmail } from '@pristinesend/testing';
import type { ContactWire, PageWire, SegmentWire } from '@pristinesend/trpc';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { useTestApp } from '../harness.js';
import { trpcClient, trpcError } from './client.js';

const t = useTestApp({ listen: true });
const api = () => trpcClient(t.url, t.workspace.authorization);
const ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;

/** Follows `nextCursor` to the end and returns every page. */
async function walk<T>(fetchPage: (cursor: string | null) => Promise<PageWire<T>>): Promise<PageWire<T>[]> {
  const pages: PageWire<T>[] = [];
  let cursor: string | null = null;
  do {
    const page: PageWire<T> = await fetchPage(cursor);
    pages.push(page);
    cursor = page.nextCursor;
    expect(page.hasMore).toBe(cursor !== null);
  } while (cursor !== null);
  return pages;
}

describe('tRPC contacts: happy paths', () => {
  it('creates, reads, updates, lists and deletes a contact', async () => {
    const contact = await api().contacts.create.mutate({
      email: '  Jane@Example.com ',
      firstName: 'Jane',
      lastName: 'Doe',
      properties: { city: 'Seattle', plan: 'free' },
    });
    expect(contact).toEqual({
      id: expect.any(String),
      email: 'Jane@Example.com',
      firstName: 'Jane',
      lastName: 'Doe',
      status: 'subscribed',
      properties: { city: 'Seattle', plan: 'free' },
      createdAt: expect.stringMatching(ISO),
      updatedAt: contact.createdAt,
    });

    expect(await api().contacts.get.query({ id: contact.id })).toEqual(contact);

    const updated = await api().contacts.update.mutate({
      id: contact.id,
      status: 'unsubscribed',
      lastName: null,
      properties: { tier: 'pro', city: null },
    });
    expect(updated).toMatchObject({
      id: contact.id,
      email: 'Jane@Example.com',
      firstName: 'Jane',
      lastName: null,
      status: 'unsubscribed',
      properties: { plan: 'free', tier: 'pro' },
    });
    expect(updated.properties).not.toHaveProperty('city');
    expect(updated.updatedAt).toMatch(ISO);

    // An update with no changes is a no-op that returns the contact.
    expect(await api().contacts.update.mutate({ id: contact.id })).toEqual(updated);

    const list = await api().contacts.list.query({ search: 'jane@example' });
    expect(list).toEqual({ data: [updated], hasMore: false, nextCursor: null });

    expect(await api().contacts.delete.mutate({ id: contact.id })).toEqual({ id: contact.id });
    expect((await trpcError(api().contacts.get.query({ id: contact.id }))).data?.code).toBe('NOT_FOUND');
  });

  it('filters by status, search and segment, combined', async () => {
    const tag = randomBytes(4).toString('hex');
    const [a, b, c] = await Promise.all([
      api().contacts.create.mutate({ email: `a.${tag}@example.com` }),
      api().contacts.create.mutate({ email: `b.${tag}@example.com`, status: 'unsubscribed' }),
      api().contacts.create.mutate({ email: `c.${tag}_x@example.com` }),
    ]);
    const segment = await api().segments.create.mutate({ name: `Filter ${tag}` });
    await api().segments.addContacts.mutate({ segmentId: segment.id, contactIds: [a.id, b.id] });

    const ids = (page: PageWire<ContactWire>) => page.data.map((contact) => contact.id).sort();
    expect(ids(await api().contacts.list.query({ search: tag }))).toEqual([a.id, b.id, c.id].sort());
    expect(
      ids(await api().contacts.list.query({ search: tag.toUpperCase(), status: 'unsubscribed' })),
    ).toEqual([b.id]);
    // `_` is an ordinary character, not a wildcard.
    expect(ids(await api().contacts.list.query({ search: `${tag}_` }))).toEqual([c.id]);
    expect(ids(await api().contacts.list.query({ segmentId: segment.id }))).toEqual([a.id, b.id].sort());
    expect(ids(await api().contacts.list.query({ segmentId: segment.id, status: 'subscribed' }))).toEqual([
      a.id,
    ]);
  });

  it('walks every page, newest first, without skipping or repeating', async () => {
    const tag = randomBytes(4).toString('hex');
    const created: ContactWire[] = [];
    for (let i = 0; i < 7; i++)
      created.push(await api().contacts.create.mutate({ email: `walk${i}.${tag}@example.com` }));

    const pages = await walk((cursor) => api().contacts.list.query({ search: tag, limit: 3, cursor }));
    expect(pages.map((page) => page.data.length)).toEqual([3, 3, 1]);
    const walked = pages.flatMap((page) => page.data.map((contact) => contact.id));
    // Newest first: the same order as one page holding them all.
    const onePage = await api().contacts.list.query({ search: tag, limit: 100 });
    expect(walked).toEqual(onePage.data.map((contact) => contact.id));
    expect([...walked].sort()).toEqual(created.map((contact) => contact.id).sort());
    expect(onePage.data.map((contact) => contact.createdAt)).toEqual(
      [...onePage.data.map((contact) => contact.createdAt)].sort().reverse(),
    );
  });

  it('accepts a limit above the maximum by clamping it, and a null cursor as the first page', async () => {
    const page = await api().contacts.list.query({ limit: 1000, cursor: null });
    expect(page.data.length).toBeLessThanOrEqual(100);
    expect(await api().contacts.list.query({ cursor: null })).toEqual(await api().contacts.list.query());
  });
});

describe('tRPC segments: happy paths', () => {
  it('creates, reads, updates, lists and deletes a segment', async () => {
    const segment = await api().segments.create.mutate({ name: 'VIPs', description: 'Big spenders' });
    expect(segment).toEqual({
      id: expect.any(String),
      name: 'VIPs',
      description: 'Big spenders',
      createdAt: expect.stringMatching(ISO),
      updatedAt: segment.createdAt,
    });
    expect(await api().segments.get.query({ id: segment.id })).toEqual(segment);

    const renamed = await api().segments.update.mutate({
      id: segment.id,
      name: 'Very important',
      description: null,
    });
    expect(renamed).toMatchObject({ id: segment.id, name: 'Very important', description: null });
    expect(await api().segments.update.mutate({ id: segment.id })).toEqual(renamed);

    const list = await api().segments.list.query({ limit: 100 });
    expect(list.data).toContainEqual(renamed);

    expect(await api().segments.delete.mutate({ id: segment.id })).toEqual({ id: segment.id });
    expect((await trpcError(api().segments.get.query({ id: segment.id }))).data?.code).toBe('NOT_FOUND');
  });

  it('adds and removes members, counting only real changes, and keeps contacts when the segment goes', async () => {
    const segment = await api().segments.create.mutate({ name: 'Members' });
    const [a, b, c] = await Promise.all(
      [1, 2, 3].map(() => api().contacts.create.mutate({ email: uniqueEmail('member') })),
    );
    if (!a || !b || !c) throw new Error('contacts were not created');

    expect(
      await api().segments.addContacts.mutate({ segmentId: segment.id, contactIds: [a.id, b.id, a.id] }),
    ).toEqual({ added: 2 });
    expect(
      await api().segments.addContacts.mutate({ segmentId: segment.id, contactIds: [b.id, c.id] }),
    ).toEqual({
      added: 1,
    });
    expect(
      await api().segments.removeContacts.mutate({ segmentId: segment.id, contactIds: [a.id, a.id] }),
    ).toEqual({ removed: 1 });
    expect(await api().segments.removeContacts.mutate({ segmentId: segment.id, contactIds: [a.id] })).toEqual(
      {
        removed: 0,
      },
    );
    const members = await api().contacts.list.query({ segmentId: segment.id });
    expect(members.data.map((contact) => contact.id).sort()).toEqual([b.id, c.id].sort());

    await api().segments.delete.mutate({ id: segment.id });
    expect(await api().contacts.get.query({ id: b.id })).toEqual(b);
  });

  it('walks every page of segments', async () => {
    const created: SegmentWire[] = [];
    for (let i = 0; i < 5; i++) created.push(await api().segments.create.mutate({ name: `Page ${i}` }));
    const all = (await api().segments.list.query({ limit: 100 })).data.map((segment) => segment.id);

    const pages = await walk((cursor) => api().segments.list.query({ limit: 2, cursor }));
    const walked = pages.flatMap((page) => page.data.map((segment) => segment.id));
    expect(walked).toEqual(all);
    expect(new Set(walked).size).toBe(walked.length);
    expect(walked).toEqual(expect.arrayContaining(created.map((segment) => segment.id)));
  });
});

describe('REST and tRPC share one domain core', () => {
  const headers = () => ({ authorization: t.workspace.authorization });

  it('reads a contact created over REST, in camelCase', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/contacts',
      headers: headers(),
      payload: { email: uniqueEmail('rest'), first_name: 'Rest', properties: { source: 'rest' } },
    });
    expect(response.statusCode).toBe(201);
    const rest = response.json();
    expect(await api().contacts.get.query({ id: rest.id })).toEqual({
      id: rest.id,
      email: rest.email,
      firstName: 'Rest',
      lastName: null,
      status: 'subscribed',
      properties: { source: 'rest' },
      createdAt: rest.created_at,
      updatedAt: rest.updated_at,
    });
  });

  it('serves over REST a contact created and segmented over tRPC', async () => {
    const contact = await api().contacts.create.mutate({ email: uniqueEmail('trpc'), lastName: 'Typed' });
    const segment = await api().segments.create.mutate({ name: 'Typed clients' });
    await api().segments.addContacts.mutate({ segmentId: segment.id, contactIds: [contact.id] });

    const read = await t.app.inject({
      method: 'GET',
      url: `/api/v1/contacts/${contact.id}`,
      headers: headers(),
    });
    expect(read.json()).toEqual({
      id: contact.id,
      email: contact.email,
      first_name: null,
      last_name: 'Typed',
      status: 'subscribed',
      properties: {},
      created_at: contact.createdAt,
      updated_at: contact.updatedAt,
    });
    const members = await t.app.inject({
      method: 'GET',
      url: `/api/v1/contacts?segment_id=${segment.id}`,
      headers: headers(),
    });
    expect(members.json().data.map((item: { id: string }) => item.id)).toEqual([contact.id]);
  });
});

describe('batching', () => {
  /** A client whose HTTP requests are counted. */
  function countingClient() {
    const counter = { requests: 0 };
    const client = trpcClient(t.url, t.workspace.authorization, (input, init) => {
      counter.requests++;
      return fetch(input, init);
    });
    return { client, counter };
  }

  it('sends several queries in one HTTP request', async () => {
    const contact = await api().contacts.create.mutate({ email: uniqueEmail('batch') });
    const { client, counter } = countingClient();
    const [got, contacts, segments] = await Promise.all([
      client.contacts.get.query({ id: contact.id }),
      client.contacts.list.query({ limit: 1 }),
      client.segments.list.query(),
    ]);
    expect(counter.requests).toBe(1);
    expect(got).toEqual(contact);
    expect(contacts.data).toHaveLength(1);
    expect(segments).toHaveProperty('hasMore');
  });

  it('sends several mutations in one HTTP request', async () => {
    const { client, counter } = countingClient();
    const [first, second] = await Promise.all([
      client.contacts.create.mutate({ email: uniqueEmail('batch') }),
      client.segments.create.mutate({ name: 'Batched' }),
    ]);
    expect(counter.requests).toBe(1);
    expect(first.email).toContain('@example.com');
    expect(second.name).toBe('Batched');
  });
});

describe('types for frontends', () => {
  it('infers inputs and outputs from AppRouter alone', async () => {
    const contact = await api().contacts.create.mutate({ email: uniqueEmail('typed') });
    expectTypeOf(contact).toEqualTypeOf<ContactWire>();
    expectTypeOf(contact.status).toEqualTypeOf<'subscribed' | 'unsubscribed'>();
    expectTypeOf(contact.createdAt).toEqualTypeOf<string>();
    expectTypeOf(await api().segments.list.query()).toEqualTypeOf<PageWire<SegmentWire>>();
    expectTypeOf(api().segments.addContacts.mutate).returns.resolves.toEqualTypeOf<{ added: number }>();
    expectTypeOf(api().contacts.delete.mutate).returns.resolves.toEqualTypeOf<{ id: string }>();

    // @ts-expect-error: `nickname` is not an input of contacts.create, so a frontend cannot send it.
    const unknownField = api().contacts.create.mutate({ email: uniqueEmail('typed'), nickname: 'J' });
    expect((await trpcError(unknownField)).data).toMatchObject({
      apiCode: 'invalid_field',
      param: 'nickname',
    });

    // @ts-expect-error: statuses are the lowercase strings of the contract.
    const wrongStatus = api().contacts.list.query({ status: 'SUBSCRIBED' });
    expect((await trpcError(wrongStatus)).data).toMatchObject({ apiCode: 'invalid_field', param: 'status' });
  });
});
