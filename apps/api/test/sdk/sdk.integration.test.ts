import { createServer } from 'node:net';
import { createTestWorkspace, type TestWorkspace } from '@pristinesend/testing';
import {
  APIConnectionError,
  AuthenticationError,
  type ClientOptions,
  ConflictError,
  type Contact,
  type Fetch,
  InvalidRequestError,
  NotFoundError,
  Page,
  PristineSend,
  PristineSendError,
  ValidationError,
} from 'pristinesend';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../harness.js';

// The SDK against the real server over a real socket: every method, auto-pagination, filters, and the
// typed errors the server's actual answers turn into. (Retries of 5xx answers are covered by the SDK's
// unit tests: the real server cannot be made to fail on demand.)
const t = useTestApp({ listen: true });

const REQUEST_ID = /^req_[0-9a-f]{24}$/;
const TIMESTAMP = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const MISSING_ID = '00000000-0000-4000-8000-000000000000';

interface SentRequest {
  method: string;
  url: string;
  headers: Headers;
  body: unknown;
}

/**
 * A client for a workspace whose requests go through a wrapper around the global fetch, which records
 * them; `maxRetries: 0` so that an unexpected 5xx fails the test at once instead of being retried.
 */
function sdk(workspace: TestWorkspace = t.workspace, options: ClientOptions = {}) {
  return sdkWithKey(workspace.apiKey, options);
}

function sdkWithKey(apiKey: string, options: ClientOptions = {}) {
  const requests: SentRequest[] = [];
  const fetch: Fetch = (url, init) => {
    requests.push({
      method: init.method ?? 'GET',
      url,
      headers: new Headers(init.headers),
      body: typeof init.body === 'string' ? JSON.parse(init.body) : undefined,
    });
    return globalThis.fetch(url, init);
  };
  const ps = new PristineSend(apiKey, { baseUrl: t.url, maxRetries: 0, fetch, ...options });
  return { ps, requests };
}

/** The rejection of a call, which must be a PristineSendError. */
async function failure(promise: Promise<unknown>): Promise<PristineSendError> {
  const error = await promise.then(
    () => {
      throw new Error('expected the call to fail');
    },
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(PristineSendError);
  return error as PristineSendError;
}

/** Asserts what every error from the server carries: its status, code, param and request id. */
function expectApiError(error: PristineSendError, status: number, code: string, param?: string) {
  expect(error.status).toBe(status);
  expect(error.code).toBe(code);
  expect(error.param).toBe(param);
  expect(error.requestId).toMatch(REQUEST_ID);
  expect(error.headers?.get('x-request-id')).toBe(error.requestId);
  expect(error.message).not.toBe('');
}

/** A fresh workspace, so list assertions see only what the test put there. */
async function freshWorkspace() {
  return createTestWorkspace(t.db.services);
}

/** Creates contacts through the domain service (fast, concurrently); the listing is what's under test. */
async function seedContacts(
  workspace: TestWorkspace,
  count: number,
  make: (index: number) => { email: string; status?: 'subscribed' | 'unsubscribed' },
) {
  const ids: string[] = [];
  for (let i = 0; i < count; i += 50) {
    const batch = Array.from({ length: Math.min(50, count - i) }, (_, j) => make(i + j));
    const created = await Promise.all(
      batch.map((input) => t.db.services.contacts.create(workspace.workspaceId, input)),
    );
    ids.push(...created.map((contact) => contact.id));
  }
  return ids;
}

async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of iterable) items.push(item);
  return items;
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** A value the types forbid, for sending what only a JavaScript caller could. */
const bad = <T>(value: unknown): T => value as T;

function restoreEnv(name: string, value: string | undefined) {
  if (value === undefined) delete process.env[name];
  else process.env[name] = value;
}

const ids = (contacts: readonly { id: string }[]) => contacts.map((contact) => contact.id);

describe('contacts', () => {
  it('create (snake_case input) returns the contact as the API sends it', async () => {
    const { ps, requests } = sdk();
    const contact = await ps.contacts.create({
      email: '  Snake@Example.com ',
      first_name: 'Jane',
      last_name: 'Doe',
      properties: { city: 'Seattle', nested: { a: [1, 2] } },
    });
    expect(contact).toEqual({
      id: expect.stringMatching(UUID),
      email: 'Snake@Example.com',
      first_name: 'Jane',
      last_name: 'Doe',
      status: 'subscribed',
      properties: { city: 'Seattle', nested: { a: [1, 2] } },
      created_at: expect.stringMatching(TIMESTAMP),
      updated_at: contact.created_at,
    });
    expect(requests).toHaveLength(1);
    expect(requests[0]).toMatchObject({ method: 'POST', url: `${t.url}/api/v1/contacts` });
    expect(requests[0]?.headers.get('idempotency-key')).toMatch(UUID);
    expect(requests[0]?.headers.get('content-type')).toBe('application/json');
  });

  it('create (camelCase input) is sent as snake_case; property keys stay as written', async () => {
    const { ps, requests } = sdk();
    const contact = await ps.contacts.create({
      email: 'camel@example.com',
      firstName: 'Camel',
      lastName: 'Case',
      status: 'unsubscribed',
      properties: { favoriteColor: 'blue' },
    });
    expect(contact).toMatchObject({
      first_name: 'Camel',
      last_name: 'Case',
      status: 'unsubscribed',
      properties: { favoriteColor: 'blue' },
    });
    expect(requests[0]?.body).toEqual({
      email: 'camel@example.com',
      first_name: 'Camel',
      last_name: 'Case',
      status: 'unsubscribed',
      properties: { favoriteColor: 'blue' },
    });
    // Both spellings with the same value are one field.
    const same = await ps.contacts.create({ email: 'same@example.com', first_name: 'S', firstName: 'S' });
    expect(same.first_name).toBe('S');
  });

  it('get returns exactly what create returned', async () => {
    const { ps, requests } = sdk();
    const created = await ps.contacts.create({ email: 'get@example.com', first_name: null });
    const read = await ps.contacts.get(created.id);
    expect(read).toEqual(created);
    expect(JSON.parse(JSON.stringify(read))).toEqual(created);
    expect(requests[1]).toMatchObject({ method: 'GET', url: `${t.url}/api/v1/contacts/${created.id}` });
    expect(requests[1]?.headers.get('content-type')).toBeNull();
    expect(requests[1]?.headers.get('idempotency-key')).toBeNull();
  });

  it('update changes the given fields, in either case, and merges properties', async () => {
    const { ps } = sdk();
    const created = await ps.contacts.create({
      email: 'update@example.com',
      first_name: 'Old',
      last_name: 'Name',
      properties: { city: 'Seattle', plan: 'free' },
    });

    const snake = await ps.contacts.update(created.id, {
      first_name: 'New',
      status: 'unsubscribed',
      properties: { plan: 'pro', city: null },
    });
    expect(snake).toMatchObject({
      id: created.id,
      email: 'update@example.com',
      first_name: 'New',
      last_name: 'Name',
      status: 'unsubscribed',
      properties: { plan: 'pro' },
    });
    expect(snake.properties).not.toHaveProperty('city');
    expect(snake.created_at).toBe(created.created_at);
    expect(Date.parse(snake.updated_at)).toBeGreaterThanOrEqual(Date.parse(created.updated_at));

    const camel = await ps.contacts.update(created.id, { lastName: null, firstName: 'Camel' });
    expect(camel).toMatchObject({ first_name: 'Camel', last_name: null, properties: { plan: 'pro' } });

    // `{}` (and no params at all) is a no-op that returns the contact.
    expect(await ps.contacts.update(created.id, {})).toEqual(camel);
    expect(await ps.contacts.update(created.id)).toEqual(camel);
    expect(await ps.contacts.get(created.id)).toEqual(camel);
  });

  it('delete resolves with undefined on 204, and the contact is gone', async () => {
    const { ps, requests } = sdk();
    const created = await ps.contacts.create({ email: 'delete@example.com' });
    await expect(ps.contacts.delete(created.id)).resolves.toBeUndefined();
    expect(requests[1]).toMatchObject({ method: 'DELETE', url: `${t.url}/api/v1/contacts/${created.id}` });
    await expect(ps.contacts.get(created.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(ps.contacts.delete(created.id)).rejects.toBeInstanceOf(NotFoundError);
  });

  it('list awaited gives the first page, shaped exactly like the wire response', async () => {
    const workspace = await freshWorkspace();
    const { ps } = sdk(workspace);
    const older = await ps.contacts.create({ email: 'older@example.com' });
    const newer = await ps.contacts.create({ email: 'newer@example.com' });

    const page = await ps.contacts.list();
    expect(page).toBeInstanceOf(Page);
    expect(ids(page.data)).toEqual([newer.id, older.id]);
    expect(page.data[0]).toEqual(newer);
    expect(page.has_more).toBe(false);
    expect(page.next_cursor).toBeNull();
    expect(page.hasNextPage()).toBe(false);
    expect(JSON.parse(JSON.stringify(page))).toEqual({
      data: [newer, older],
      has_more: false,
      next_cursor: null,
    });
    await expect(page.getNextPage()).rejects.toBeInstanceOf(PristineSendError);
  });

  it('a workspace with no contacts lists an empty page, and iterating it yields nothing', async () => {
    const workspace = await freshWorkspace();
    const { ps, requests } = sdk(workspace);
    expect(JSON.parse(JSON.stringify(await ps.contacts.list()))).toEqual({
      data: [],
      has_more: false,
      next_cursor: null,
    });
    expect(await collect(ps.contacts.list())).toEqual([]);
    expect(requests).toHaveLength(2);
  });
});

describe('client configuration against the server', () => {
  it('a trailing slash on baseUrl and non-ASCII text round-trip', async () => {
    const { ps, requests } = sdk(t.workspace, { baseUrl: `${t.url}/` });
    const contact = await ps.contacts.create({
      email: 'zoe.unicode@example.com',
      firstName: 'Zoë 😀',
      properties: { 'clé ✓': ['ü', { '': null }], 'a.b': 1 },
    });
    expect(requests[0]?.url).toBe(`${t.url}/api/v1/contacts`);
    expect(await ps.contacts.get(contact.id)).toMatchObject({
      first_name: 'Zoë 😀',
      properties: { 'clé ✓': ['ü', { '': null }], 'a.b': 1 },
    });
  });

  it('a client built with no arguments reads the key and base URL from the environment', async () => {
    const saved = { key: process.env.PRISTINESEND_API_KEY, url: process.env.PRISTINESEND_BASE_URL };
    process.env.PRISTINESEND_API_KEY = t.workspace.apiKey;
    process.env.PRISTINESEND_BASE_URL = t.url;
    try {
      const ps = new PristineSend();
      expect(ps.baseUrl).toBe(t.url);
      expect((await ps.contacts.create({ email: 'from-env@example.com' })).email).toBe(
        'from-env@example.com',
      );
    } finally {
      restoreEnv('PRISTINESEND_API_KEY', saved.key);
      restoreEnv('PRISTINESEND_BASE_URL', saved.url);
    }
  });

  it('no server listening is APIConnectionError, with no status', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const address = closed.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    await new Promise<void>((resolve, reject) =>
      closed.close((error) => (error ? reject(error) : resolve())),
    );

    const { ps, requests } = sdk(t.workspace, { baseUrl: `http://127.0.0.1:${port}`, maxRetries: 1 });
    const error = await failure(ps.contacts.get(MISSING_ID));
    expect(error).toBeInstanceOf(APIConnectionError);
    expect(error.status).toBeUndefined();
    expect(error.requestId).toBeUndefined();
    // Retried once (after about half a second), then thrown.
    expect(requests).toHaveLength(2);
  });
});

describe('auto-pagination', () => {
  // 250 contacts in a workspace of their own, shared by the tests of this block (none of them writes).
  let workspace: TestWorkspace;
  let seeded: string[];
  const seed = async () => {
    if (seeded) return;
    workspace = await freshWorkspace();
    seeded = await seedContacts(workspace, 250, (i) => ({ email: `page${i}@example.com` }));
  };

  it('for await over 250 contacts with limit 100 sees each exactly once, in 3 requests', async () => {
    await seed();
    const { ps, requests } = sdk(workspace);
    const seen: Contact[] = [];
    for await (const contact of ps.contacts.list({ limit: 100 })) seen.push(contact);

    expect(seen).toHaveLength(250);
    expect(new Set(ids(seen)).size).toBe(250);
    expect(new Set(ids(seen))).toEqual(new Set(seeded));
    // Newest first: created_at descending, then id descending.
    const sorted = [...seen].sort((a, b) => compare(b.created_at, a.created_at) || compare(b.id, a.id));
    expect(ids(seen)).toEqual(ids(sorted));

    expect(requests.map((request) => request.method)).toEqual(['GET', 'GET', 'GET']);
    expect(requests[0]?.url).toBe(`${t.url}/api/v1/contacts?limit=100`);
    for (const request of requests.slice(1)) {
      expect(request.url).toMatch(/\/api\/v1\/contacts\?limit=100&cursor=[^&]+$/);
    }
    expect(new Set(requests.map((request) => request.url)).size).toBe(3);
  });

  it('for await over the awaited page iterates every page too', async () => {
    await seed();
    const { ps, requests } = sdk(workspace);
    const seen = await collect(await ps.contacts.list({ limit: 100 }));
    expect(new Set(ids(seen))).toEqual(new Set(seeded));
    expect(seen).toHaveLength(250);
    expect(requests).toHaveLength(3);
  });

  it('getNextPage() walks the pages one at a time until the last', async () => {
    await seed();
    const { ps, requests } = sdk(workspace);
    const first = await ps.contacts.list({ limit: 100 });
    expect(first.data).toHaveLength(100);
    expect(first.has_more).toBe(true);
    expect(first.next_cursor).toEqual(expect.any(String));
    expect(first.hasNextPage()).toBe(true);

    const second = await first.getNextPage();
    expect(second).toBeInstanceOf(Page);
    expect(second.data).toHaveLength(100);
    expect(second.hasNextPage()).toBe(true);

    const third = await second.getNextPage();
    expect(third.data).toHaveLength(50);
    expect(third.has_more).toBe(false);
    expect(third.next_cursor).toBeNull();
    expect(third.hasNextPage()).toBe(false);
    await expect(third.getNextPage()).rejects.toBeInstanceOf(PristineSendError);
    expect(requests).toHaveLength(3);

    const all = [...first.data, ...second.data, ...third.data];
    expect(new Set(ids(all))).toEqual(new Set(seeded));
    // Asking for the same page again gives the same page.
    expect(ids((await first.getNextPage()).data)).toEqual(ids(second.data));
  });

  it('iterPages() yields whole pages; a kept next_cursor resumes the listing later', async () => {
    await seed();
    const { ps } = sdk(workspace);
    const first = await ps.contacts.list({ limit: 100 });
    const pages = await collect(first.iterPages());
    expect(pages.map((page) => page.data.length)).toEqual([100, 100, 50]);

    const resumed = await ps.contacts.list({ limit: 100, cursor: first.next_cursor });
    expect(ids(resumed.data)).toEqual(ids(pages[1]?.data ?? []));
  });

  it('the default limit is 50 and larger limits are clamped to 100', async () => {
    await seed();
    const { ps } = sdk(workspace);
    expect((await ps.contacts.list()).data).toHaveLength(50);
    expect((await ps.contacts.list({ limit: 1000 })).data).toHaveLength(100);
    const pages = await collect((await ps.contacts.list({ limit: 7 })).iterPages());
    expect(pages).toHaveLength(36);
    expect(new Set(pages.flatMap((page) => ids(page.data))).size).toBe(250);
    // 250 is a whole number of pages of 50: the fifth page says there is no more, no empty sixth page.
    const fifties = await collect((await ps.contacts.list({ limit: 50 })).iterPages());
    expect(fifties.map((page) => page.data.length)).toEqual([50, 50, 50, 50, 50]);
    expect(fifties.at(-1)).toMatchObject({ has_more: false, next_cursor: null });
  });
});

describe('list filters', () => {
  it('status, search and segment (segment_id or segmentId) filter, combine, and carry across pages', async () => {
    const workspace = await freshWorkspace();
    const { ps, requests } = sdk(workspace);
    const contacts = await seedContacts(workspace, 12, (i) => ({
      email: `${i % 2 === 0 ? 'even' : 'odd'}_${i}@Example.com`,
      status: i % 3 === 0 ? 'unsubscribed' : 'subscribed',
    }));
    const byId = new Map(
      (await collect(ps.contacts.list({ limit: 100 }))).map((contact) => [contact.id, contact]),
    );
    const byIndex = (indexes: number[]) => new Set(indexes.map((i) => contacts[i]));

    const unsubscribed = await collect(ps.contacts.list({ status: 'unsubscribed', limit: 2 }));
    expect(new Set(ids(unsubscribed))).toEqual(byIndex([0, 3, 6, 9]));
    expect(unsubscribed.every((contact) => contact.status === 'unsubscribed')).toBe(true);

    // Case-insensitive substring; `_` is an ordinary character.
    const even = await collect(ps.contacts.list({ search: 'EVEN_', limit: 4 }));
    expect(new Set(ids(even))).toEqual(byIndex([0, 2, 4, 6, 8, 10]));
    expect(await collect(ps.contacts.list({ search: 'even%' }))).toEqual([]);

    const segment = await ps.segments.create({ name: 'Filter' });
    await ps.segments.addContacts(
      segment.id,
      [0, 1, 2, 3, 4, 5].map((i) => contacts[i] ?? ''),
    );

    requests.length = 0;
    const snake = await collect(ps.contacts.list({ segment_id: segment.id, limit: 4 }));
    const camel = await collect(ps.contacts.list({ segmentId: segment.id, limit: 4 }));
    expect(new Set(ids(snake))).toEqual(byIndex([0, 1, 2, 3, 4, 5]));
    expect(ids(camel)).toEqual(ids(snake));
    // Both spellings go out as segment_id, on every page (6 members at 4 a page: 2 pages each).
    expect(requests).toHaveLength(4);
    for (const request of requests) expect(request.url).toContain(`segment_id=${segment.id}&limit=4`);

    const combined = await collect(
      ps.contacts.list({ segmentId: segment.id, status: 'subscribed', search: 'odd', limit: 1 }),
    );
    expect(new Set(ids(combined))).toEqual(byIndex([1, 5]));
    for (const contact of combined) expect(byId.get(contact.id)).toEqual(contact);
  });

  it('search text reaches the server as written: +, #, &, %, quotes and non-ASCII are encoded', async () => {
    const workspace = await freshWorkspace();
    const { ps } = sdk(workspace);
    const plus = await ps.contacts.create({ email: 'jane+news@example.com' });
    const quote = await ps.contacts.create({ email: "o'brien@example.com" });
    const plain = await ps.contacts.create({ email: 'jane@example.com' });

    const search = async (text: string) => ids(await collect(ps.contacts.list({ search: text })));
    // Unencoded, `+` would arrive as a space.
    expect(await search('jane+news')).toEqual([plus.id]);
    expect(await search("O'Brien")).toEqual([quote.id]);
    // Unencoded, `#` would cut the query short and `&` would start another parameter: both would find Jane.
    expect(await search('jane#')).toEqual([]);
    expect(await search('jane&limit=1')).toEqual([]);
    expect(await search('e%')).toEqual([]);
    expect(await search('ü')).toEqual([]);
    expect(await search('JANE@')).toEqual([plain.id]);
    // An empty search is no filter.
    expect(await search('')).toHaveLength(3);
  });

  it('an unknown or foreign segment is NotFoundError, a malformed one is ValidationError', async () => {
    const { ps } = sdk();
    const foreign = await sdk(t.other).ps.segments.create({ name: 'Theirs' });

    expectApiError(await failure(ps.contacts.list({ segmentId: MISSING_ID })), 404, 'not_found');
    const error = await failure(ps.contacts.list({ segment_id: foreign.id }));
    expect(error).toBeInstanceOf(NotFoundError);
    expectApiError(error, 404, 'not_found');

    const malformed = await failure(ps.contacts.list({ segmentId: 'not-a-uuid' }));
    expect(malformed).toBeInstanceOf(ValidationError);
    expectApiError(malformed, 400, 'invalid_field', 'segment_id');
    // The iterable form rejects the same way.
    await expect(collect(ps.contacts.list({ segmentId: 'not-a-uuid' }))).rejects.toBeInstanceOf(
      ValidationError,
    );
  });
});

describe('segments', () => {
  it('create, get, update, list and delete', async () => {
    const workspace = await freshWorkspace();
    const { ps, requests } = sdk(workspace);
    const segment = await ps.segments.create({ name: 'VIP', description: 'Best customers' });
    expect(segment).toEqual({
      id: expect.stringMatching(UUID),
      name: 'VIP',
      description: 'Best customers',
      created_at: expect.stringMatching(TIMESTAMP),
      updated_at: segment.created_at,
    });
    expect(requests[0]?.headers.get('idempotency-key')).toMatch(UUID);
    const plain = await ps.segments.create({ name: 'Plain' });
    expect(plain.description).toBeNull();

    expect(await ps.segments.get(segment.id)).toEqual(segment);

    const renamed = await ps.segments.update(segment.id, { name: 'VIPs' });
    expect(renamed).toMatchObject({ id: segment.id, name: 'VIPs', description: 'Best customers' });
    const cleared = await ps.segments.update(segment.id, { description: null });
    expect(cleared).toMatchObject({ name: 'VIPs', description: null });
    expect(await ps.segments.get(segment.id)).toEqual(cleared);

    const page = await ps.segments.list();
    expect(JSON.parse(JSON.stringify(page))).toEqual({
      data: [plain, cleared],
      has_more: false,
      next_cursor: null,
    });

    await expect(ps.segments.delete(plain.id)).resolves.toBeUndefined();
    await expect(ps.segments.get(plain.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(ps.segments.delete(plain.id)).rejects.toBeInstanceOf(NotFoundError);
    expect(ids(await collect(ps.segments.list()))).toEqual([segment.id]);
  });

  it('list auto-paginates with a limit', async () => {
    const workspace = await freshWorkspace();
    const { ps, requests } = sdk(workspace);
    const created: string[] = [];
    for (let i = 0; i < 5; i++) created.push((await ps.segments.create({ name: `S${i}` })).id);
    requests.length = 0;

    const seen = await collect(ps.segments.list({ limit: 2 }));
    expect(ids(seen)).toEqual([...created].reverse());
    expect(requests).toHaveLength(3);
    expect(requests[0]?.url).toBe(`${t.url}/api/v1/segments?limit=2`);

    const first = await ps.segments.list({ limit: 2 });
    const second = await first.getNextPage();
    expect(ids(second.data)).toEqual([created[2], created[1]]);
  });

  it('addContacts, addContact and removeContact manage membership', async () => {
    const workspace = await freshWorkspace();
    const { ps, requests } = sdk(workspace);
    const segment = await ps.segments.create({ name: 'Members' });
    const [a, b, c, d] = await seedContacts(workspace, 4, (i) => ({ email: `member${i}@example.com` }));
    if (!a || !b || !c || !d) throw new Error('seeding failed');
    const members = async () => new Set(ids(await collect(ps.contacts.list({ segmentId: segment.id }))));

    requests.length = 0;
    // Repeated ids count once.
    expect(await ps.segments.addContacts(segment.id, [a, b, a])).toEqual({ added: 2 });
    expect(requests[0]).toMatchObject({
      method: 'POST',
      url: `${t.url}/api/v1/segments/${segment.id}/contacts`,
      body: { contact_ids: [a, b, a] },
    });
    // Members already there don't count.
    expect(await ps.segments.addContacts(segment.id, [b, c])).toEqual({ added: 1 });
    expect(await members()).toEqual(new Set([a, b, c]));

    requests.length = 0;
    await expect(ps.segments.addContact(segment.id, d)).resolves.toBeUndefined();
    expect(requests[0]).toMatchObject({
      method: 'PUT',
      url: `${t.url}/api/v1/segments/${segment.id}/contacts/${d}`,
      body: undefined,
    });
    // Adding a member again is fine.
    await expect(ps.segments.addContact(segment.id, d)).resolves.toBeUndefined();
    expect(await members()).toEqual(new Set([a, b, c, d]));

    await expect(ps.segments.removeContact(segment.id, a)).resolves.toBeUndefined();
    // Removing a non-member is fine.
    await expect(ps.segments.removeContact(segment.id, a)).resolves.toBeUndefined();
    expect(await members()).toEqual(new Set([b, c, d]));

    // Deleting a contact drops its memberships; deleting the segment keeps its contacts.
    await ps.contacts.delete(b);
    expect(await members()).toEqual(new Set([c, d]));
    await ps.segments.delete(segment.id);
    expect(await ps.contacts.get(c)).toMatchObject({ id: c });
    await expect(ps.contacts.list({ segmentId: segment.id })).rejects.toBeInstanceOf(NotFoundError);
  });

  it('addContacts is all or nothing: a missing or foreign contact is NotFoundError and adds none', async () => {
    const { ps } = sdk();
    const segment = await ps.segments.create({ name: 'Strict' });
    const mine = await ps.contacts.create({ email: 'strict@example.com' });
    const theirs = await sdk(t.other).ps.contacts.create({ email: 'strict-theirs@example.com' });

    for (const stranger of [theirs.id, MISSING_ID]) {
      const error = await failure(ps.segments.addContacts(segment.id, [mine.id, stranger]));
      expect(error).toBeInstanceOf(NotFoundError);
      expectApiError(error, 404, 'not_found');
    }
    expect(await collect(ps.contacts.list({ segmentId: segment.id }))).toEqual([]);
  });

  it('malformed contact lists are ValidationError naming contact_ids', async () => {
    const { ps } = sdk();
    const segment = await ps.segments.create({ name: 'Validation' });
    const tooMany = Array.from({ length: 1001 }, () => crypto.randomUUID());
    for (const contactIds of [[], ['not-a-uuid'], tooMany]) {
      const error = await failure(ps.segments.addContacts(segment.id, contactIds));
      expect(error).toBeInstanceOf(ValidationError);
      expectApiError(error, 400, 'invalid_field', 'contact_ids');
    }
  });

  it("another workspace's segment or contact is NotFoundError for every segment method", async () => {
    const { ps } = sdk();
    const other = sdk(t.other).ps;
    const theirSegment = await other.segments.create({ name: 'Theirs' });
    const theirContact = await other.contacts.create({ email: 'their-member@example.com' });
    const mySegment = await ps.segments.create({ name: 'Mine' });
    const myContact = await ps.contacts.create({ email: 'my-member@example.com' });

    const calls: [string, () => Promise<unknown>][] = [
      ['get', () => ps.segments.get(theirSegment.id)],
      ['update', () => ps.segments.update(theirSegment.id, { name: 'Hijacked' })],
      ['delete', () => ps.segments.delete(theirSegment.id)],
      ['addContacts', () => ps.segments.addContacts(theirSegment.id, [myContact.id])],
      ['addContact (their segment)', () => ps.segments.addContact(theirSegment.id, myContact.id)],
      ['addContact (their contact)', () => ps.segments.addContact(mySegment.id, theirContact.id)],
      ['removeContact (their segment)', () => ps.segments.removeContact(theirSegment.id, myContact.id)],
      ['removeContact (their contact)', () => ps.segments.removeContact(mySegment.id, theirContact.id)],
    ];
    for (const [name, call] of calls) {
      const error = await failure(call());
      expect(error, name).toBeInstanceOf(NotFoundError);
      expectApiError(error, 404, 'not_found');
    }
    expect(await other.segments.get(theirSegment.id)).toEqual(theirSegment);
  });

  it('a missing name or a too long one is ValidationError naming the field', async () => {
    const { ps } = sdk();
    const missing = await failure(ps.segments.create(bad({})));
    expect(missing).toBeInstanceOf(ValidationError);
    expectApiError(missing, 400, 'missing_field', 'name');

    const long = await failure(ps.segments.create({ name: 'x'.repeat(201) }));
    expect(long).toBeInstanceOf(ValidationError);
    expectApiError(long, 400, 'invalid_field', 'name');

    const segment = await ps.segments.create({ name: 'Valid' });
    const description = await failure(ps.segments.update(segment.id, { description: 'x'.repeat(1001) }));
    expect(description).toBeInstanceOf(ValidationError);
    expectApiError(description, 400, 'invalid_field', 'description');
  });
});

describe('typed errors from the real server', () => {
  it('NotFoundError: status 404, code not_found, a request id and the response headers', async () => {
    const { ps } = sdk();
    const error = await failure(ps.contacts.get(MISSING_ID));
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error.name).toBe('NotFoundError');
    expectApiError(error, 404, 'not_found');
    expect(error.requestId).toMatch(/^req_[0-9a-f]{24}$/);

    // A malformed id in the path is simply not found, never a 500; the SDK encodes it as one segment.
    for (const id of ['not-a-uuid', '../segments', 'a b?c=d#e']) {
      const malformed = await failure(ps.contacts.get(id));
      expect(malformed, id).toBeInstanceOf(NotFoundError);
      expectApiError(malformed, 404, 'not_found');
    }
    for (const call of [
      () => ps.contacts.update(MISSING_ID, { first_name: 'X' }),
      () => ps.contacts.delete(MISSING_ID),
      () => ps.segments.get(MISSING_ID),
    ]) {
      expect(await failure(call())).toBeInstanceOf(NotFoundError);
    }
  });

  it("another workspace's contact id is NotFoundError for get, update and delete, and stays unchanged", async () => {
    const { ps } = sdk();
    const other = sdk(t.other).ps;
    const theirs = await other.contacts.create({ email: 'theirs@example.com', first_name: 'Theirs' });

    for (const call of [
      () => ps.contacts.get(theirs.id),
      () => ps.contacts.update(theirs.id, { first_name: 'Hijacked' }),
      () => ps.contacts.delete(theirs.id),
    ]) {
      const error = await failure(call());
      expect(error).toBeInstanceOf(NotFoundError);
      expectApiError(error, 404, 'not_found');
    }
    expect(await other.contacts.get(theirs.id)).toEqual(theirs);
    // Their emails don't conflict with ours either.
    await expect(ps.contacts.create({ email: 'THEIRS@example.com' })).resolves.toMatchObject({
      email: 'THEIRS@example.com',
    });
  });

  it('ConflictError with param email for a duplicate email, compared case-insensitively', async () => {
    const { ps } = sdk();
    await ps.contacts.create({ email: 'dup@example.com' });
    const error = await failure(ps.contacts.create({ email: 'DUP@Example.COM' }));
    expect(error).toBeInstanceOf(ConflictError);
    expect(error.name).toBe('ConflictError');
    expectApiError(error, 409, 'conflict', 'email');
  });

  it('ValidationError (an InvalidRequestError) names the field or query parameter at fault', async () => {
    const { ps } = sdk();
    const contact = await ps.contacts.create({ email: 'valid@example.com' });
    const cases: [() => Promise<unknown>, string, string][] = [
      [() => ps.contacts.create({ email: 'not an email' }), 'invalid_field', 'email'],
      [() => ps.contacts.create({ email: '' }), 'invalid_field', 'email'],
      [() => ps.contacts.create(bad({})), 'missing_field', 'email'],
      [() => ps.contacts.create({ email: 'x@example.com', status: bad('gone') }), 'invalid_field', 'status'],
      [
        () => ps.contacts.create({ email: 'x@example.com', firstName: 'x'.repeat(257) }),
        'invalid_field',
        'first_name',
      ],
      [() => ps.contacts.create(bad({ email: 'x@example.com', nickname: 'X' })), 'invalid_field', 'nickname'],
      [() => ps.contacts.update(contact.id, bad({ email: 'new@example.com' })), 'invalid_field', 'email'],
      [() => ps.contacts.update(contact.id, { properties: bad([]) }), 'invalid_field', 'properties'],
      [() => ps.contacts.list({ status: bad('active') }), 'invalid_field', 'status'],
      [() => ps.contacts.list({ cursor: 'garbage' }), 'invalid_field', 'cursor'],
      [() => ps.contacts.list({ limit: 0 }), 'invalid_field', 'limit'],
      [() => ps.contacts.list({ limit: 1.5 }), 'invalid_field', 'limit'],
      [() => ps.segments.list({ cursor: 'garbage' }), 'invalid_field', 'cursor'],
    ];
    for (const [call, code, param] of cases) {
      const error = await failure(call());
      expect(error, `${code} ${param}`).toBeInstanceOf(ValidationError);
      expect(error).toBeInstanceOf(InvalidRequestError);
      expect(error.name).toBe('ValidationError');
      expectApiError(error, 400, code, param);
    }
    // Nothing was changed by the rejected update.
    expect(await ps.contacts.get(contact.id)).toEqual(contact);
  });

  it('InvalidRequestError (not a ValidationError) for a body the server cannot parse', async () => {
    // The SDK always sends valid JSON; a fetch that mangles the body stands in for a broken proxy.
    const fetch: Fetch = (url, init) => globalThis.fetch(url, { ...init, body: '{"email": ' });
    const ps = new PristineSend(t.workspace.apiKey, { baseUrl: t.url, maxRetries: 0, fetch });
    const error = await failure(ps.contacts.create({ email: 'mangled@example.com' }));
    expect(error).toBeInstanceOf(InvalidRequestError);
    expect(error).not.toBeInstanceOf(ValidationError);
    expect(error.name).toBe('InvalidRequestError');
    expectApiError(error, 400, 'invalid_request');
  });

  it('a body over 1 MiB is InvalidRequestError 413; properties over 16 KiB are ValidationError', async () => {
    const { ps } = sdk();
    const tooLarge = await failure(
      ps.contacts.create({ email: 'large@example.com', properties: { blob: 'x'.repeat(1_100_000) } }),
    );
    expect(tooLarge).toBeInstanceOf(InvalidRequestError);
    expect(tooLarge).not.toBeInstanceOf(ValidationError);
    expectApiError(tooLarge, 413, 'payload_too_large');

    const overLimit = await failure(
      ps.contacts.create({ email: 'large@example.com', properties: { blob: 'x'.repeat(17 * 1024) } }),
    );
    expect(overLimit).toBeInstanceOf(ValidationError);
    expectApiError(overLimit, 400, 'invalid_field', 'properties');
  });

  it('AuthenticationError for an unknown, a malformed and a revoked key, on every kind of call', async () => {
    const unknown = `ps_live_${'A'.repeat(40)}`;
    const issued = await t.db.services.workspaces.createApiKey(t.workspace.workspaceId);
    const revoked = sdkWithKey(issued.apiKey).ps;
    expect(await collect(revoked.contacts.list())).toEqual(expect.any(Array));
    await t.db.services.workspaces.revokeApiKey(issued.id);

    for (const ps of [sdkWithKey(unknown).ps, sdkWithKey('not-a-key').ps, revoked]) {
      for (const call of [
        () => ps.contacts.list(),
        () => ps.contacts.create({ email: 'auth@example.com' }),
        () => ps.contacts.get(MISSING_ID),
        () => ps.segments.delete(MISSING_ID),
      ]) {
        const error = await failure(call());
        expect(error).toBeInstanceOf(AuthenticationError);
        expect(error.name).toBe('AuthenticationError');
        expectApiError(error, 401, 'unauthorized');
        expect(error.headers?.get('www-authenticate')).toMatch(/^Bearer/);
      }
    }
    // Nothing was created with a bad key.
    await expect(collect(sdk().ps.contacts.list({ search: 'auth@example.com' }))).resolves.toEqual([]);
  });

  it('an unauthenticated error is not retried; 4xx answers never are', async () => {
    const { ps, requests } = sdkWithKey('ps_live_nope', { maxRetries: 2 });
    await expect(ps.contacts.get(MISSING_ID)).rejects.toBeInstanceOf(AuthenticationError);
    expect(requests).toHaveLength(1);
    const valid = sdk(t.workspace, { maxRetries: 2 });
    await expect(valid.ps.contacts.get(MISSING_ID)).rejects.toBeInstanceOf(NotFoundError);
    await expect(valid.ps.contacts.list({ limit: 0 })).rejects.toBeInstanceOf(ValidationError);
    expect(valid.requests).toHaveLength(2);
  });

  it('misuse is a TypeError before any request is sent', async () => {
    const { ps, requests } = sdk();
    await expect(ps.contacts.get('')).rejects.toBeInstanceOf(TypeError);
    await expect(ps.segments.addContact('', MISSING_ID)).rejects.toBeInstanceOf(TypeError);
    await expect(
      ps.contacts.create({ email: 'both@example.com', first_name: 'A', firstName: 'B' }),
    ).rejects.toBeInstanceOf(TypeError);
    await expect(
      collect(ps.contacts.list({ segment_id: MISSING_ID, segmentId: crypto.randomUUID() })),
    ).rejects.toBeInstanceOf(TypeError);
    expect(requests).toEqual([]);
  });
});
