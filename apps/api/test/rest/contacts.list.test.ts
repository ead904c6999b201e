import { describe, expect, it } from 'vitest';
import { useTestApp } from '../harness.js';
import { caller, expectError } from './request.js';

const t = useTestApp();
const call = caller(
  () => t.app,
  () => t.workspace.authorization,
);

async function createMany(emails: string[], extra: (index: number) => Record<string, unknown> = () => ({})) {
  const ids: string[] = [];
  for (const [index, email] of emails.entries()) {
    const response = await call('POST', '/api/v1/contacts', { email, ...extra(index) });
    expect(response.statusCode).toBe(201);
    ids.push(response.json().id);
  }
  return ids;
}

async function walk(query: string, onPage: (page: number) => Promise<void> = async () => {}) {
  const seen: string[] = [];
  let cursor: string | null = null;
  for (let page = 0; page < 1000; page++) {
    const url: string = `/api/v1/contacts?${query}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
    const body = (await call('GET', url)).json();
    seen.push(...body.data.map((contact: { id: string }) => contact.id));
    expect(body.next_cursor === null).toBe(!body.has_more);
    if (!body.has_more) return seen;
    cursor = body.next_cursor;
    await onPage(page);
  }
  throw new Error('pagination did not end');
}

describe('contacts: list and pagination', () => {
  it('walks 500 contacts with limit 7, each exactly once, while contacts are inserted between pages', async () => {
    const emails = Array.from({ length: 500 }, (_, i) => `walk${i}@example.com`);
    // Bulk through the service: the walk, not the creation, is under test here.
    for (let i = 0; i < emails.length; i += 50) {
      await Promise.all(
        emails
          .slice(i, i + 50)
          .map((email) => t.db.services.contacts.create(t.workspace.workspaceId, { email })),
      );
    }
    let inserted = 0;
    const seen = await walk('limit=7', async () => {
      await call('POST', '/api/v1/contacts', { email: `during${inserted++}@example.com` });
    });
    const walkedIds = new Set(seen);
    expect(walkedIds.size).toBe(seen.length);
    expect(seen.length).toBe(500);
    const all = await t.db.services.contacts.list(t.workspace.workspaceId, { limit: 100, search: 'walk' });
    expect(all.items.every((contact) => walkedIds.has(contact.id))).toBe(true);
  });

  it('lists newest first and clamps the limit at 100', async () => {
    const body = (await call('GET', '/api/v1/contacts?limit=1000')).json();
    expect(body.data).toHaveLength(100);
    const times = body.data.map((contact: { created_at: string; id: string }) => [
      contact.created_at,
      contact.id,
    ]);
    const sorted = [...times].sort((a, b) => (a[0] === b[0] ? (a[1] < b[1] ? 1 : -1) : a[0] < b[0] ? 1 : -1));
    expect(times).toEqual(sorted);
    expect((await call('GET', '/api/v1/contacts')).json().data).toHaveLength(50);
  });

  it.each([['0'], ['-1'], ['1.5'], ['abc'], ['1e2'], [' 5'], ['+5'], ['']])(
    'refuses limit=%s',
    async (limit) => {
      expectError(
        await call('GET', `/api/v1/contacts?limit=${encodeURIComponent(limit)}`),
        400,
        'invalid_field',
        'limit',
      );
    },
  );

  it.each([
    ['limit=1&limit=2', 'limit'],
    ['status=subscribed&status=subscribed', 'status'],
    ['search=a&search=b', 'search'],
  ])('refuses a known parameter given twice (%s)', async (query, param) => {
    expectError(await call('GET', `/api/v1/contacts?${query}`), 400, 'invalid_field', param);
  });

  it.each([['garbage'], ['eyJ4IjoxfQ'], ['MTIzOm5vdC1hLXV1aWQ'], ['%00'], ['a'.repeat(600)]])(
    'refuses a malformed cursor %s',
    async (cursor) => {
      expectError(await call('GET', `/api/v1/contacts?cursor=${cursor}`), 400, 'invalid_field', 'cursor');
    },
  );

  it.each([['Subscribed'], ['all'], ['']])('refuses status=%s', async (status) => {
    expectError(await call('GET', `/api/v1/contacts?status=${status}`), 400, 'invalid_field', 'status');
  });

  it('ignores unknown query parameters', async () => {
    expect((await call('GET', '/api/v1/contacts?limit=2&page=3&sort=asc')).json().data).toHaveLength(2);
  });

  it('filters by status and search, combined with pagination', async () => {
    await createMany(
      Array.from({ length: 30 }, (_, i) => `Filter.Smith${i}@Example.org`),
      (i) => ({ status: i % 3 === 0 ? 'unsubscribed' : 'subscribed' }),
    );
    const unsubscribed = await walk('status=unsubscribed&search=sMiTh&limit=3');
    expect(unsubscribed).toHaveLength(10);
    const subscribed = await walk('status=subscribed&search=filter.smith&limit=4');
    expect(subscribed).toHaveLength(20);
    for (const id of unsubscribed)
      expect((await call('GET', `/api/v1/contacts/${id}`)).json().status).toBe('unsubscribed');
  });

  it('takes % and _ in search literally', async () => {
    await createMany(['under_score@example.com', 'plain@example.com']);
    const emails = async (search: string) =>
      (await call('GET', `/api/v1/contacts?search=${encodeURIComponent(search)}&limit=100`))
        .json()
        .data.map((contact: { email: string }) => contact.email);
    expect(await emails('_')).toEqual(['under_score@example.com']);
    // As wildcards, '%' and '_' would match every contact.
    expect(await emails('%')).toEqual([]);
    expect(await emails('%@%')).toEqual([]);
    expect(await emails('\\')).toEqual([]);
    expect(await emails('R_S')).toEqual(['under_score@example.com']);
  });
});
