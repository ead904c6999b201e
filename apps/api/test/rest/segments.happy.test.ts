import { createTestWorkspace, type TestWorkspace } from '@pristinesend/testing';
import type { LightMyRequestResponse } from 'fastify';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../harness.js';

const t = useTestApp();

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

interface WireSegment {
  id: string;
  name: string;
  description: string | null;
  created_at: string;
  updated_at: string;
}

interface WireContact {
  id: string;
  email: string;
  status: 'subscribed' | 'unsubscribed';
  created_at: string;
}

const ISO_MS = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;

function call(method: Method, url: string, payload?: unknown, as: TestWorkspace = t.workspace) {
  return t.app.inject({
    method,
    url: `/api/v1${url}`,
    headers: { authorization: as.authorization },
    ...(payload !== undefined && { payload: payload as object }),
  });
}

function ok<T>(response: LightMyRequestResponse, status = 200): T {
  expect(response.statusCode, response.body).toBe(status);
  return response.json() as T;
}

async function createSegment(body: Record<string, unknown>, as: TestWorkspace = t.workspace) {
  return ok<WireSegment>(await call('POST', '/segments', body, as), 201);
}

let emailCounter = 0;
async function createContact(
  body: Record<string, unknown> = {},
  as: TestWorkspace = t.workspace,
): Promise<WireContact> {
  const email = body.email ?? `member.${++emailCounter}.${Date.now()}@example.com`;
  return ok<WireContact>(await call('POST', '/contacts', { ...body, email }, as), 201);
}

/** Newest first: created_at desc, then id desc (UUIDs compare as their lowercase text). */
function newestFirst<T extends { created_at: string; id: string }>(items: T[]): T[] {
  return [...items].sort((a, b) =>
    a.created_at === b.created_at ? (a.id < b.id ? 1 : -1) : a.created_at < b.created_at ? 1 : -1,
  );
}

/** Follows next_cursor to the end, checking every page's shape; returns the ids in order. */
async function walk(
  path: string,
  query: Record<string, string>,
  limit: number,
  as: TestWorkspace = t.workspace,
  onPage?: (index: number) => Promise<void>,
): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | undefined;
  for (let index = 0; ; index++) {
    expect(index, 'pagination does not terminate').toBeLessThan(200);
    const params = new URLSearchParams({ ...query, limit: String(limit), ...(cursor && { cursor }) });
    const page = ok<{ data: { id: string }[]; has_more: boolean; next_cursor: string | null }>(
      await call('GET', `${path}?${params}`, undefined, as),
    );
    expect(Object.keys(page).sort()).toEqual(['data', 'has_more', 'next_cursor']);
    if (page.has_more) {
      expect(page.data).toHaveLength(limit);
      expect(page.next_cursor).toEqual(expect.any(String));
    } else {
      expect(page.data.length).toBeLessThanOrEqual(limit);
      expect(page.next_cursor).toBeNull();
    }
    ids.push(...page.data.map((item) => item.id));
    await onPage?.(index);
    if (!page.has_more) return ids;
    cursor = page.next_cursor ?? undefined;
  }
}

async function memberIds(segmentId: string, as: TestWorkspace = t.workspace): Promise<string[]> {
  return walk('/contacts', { segment_id: segmentId }, 100, as);
}

describe('segments: CRUD', () => {
  it('creates a segment and returns exactly the documented object', async () => {
    const response = await call('POST', '/segments', { name: 'VIP', description: 'Best customers' });
    const segment = ok<WireSegment>(response, 201);
    expect(Object.keys(segment).sort()).toEqual(['created_at', 'description', 'id', 'name', 'updated_at']);
    expect(segment).toMatchObject({ name: 'VIP', description: 'Best customers' });
    expect(segment.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(segment.created_at).toMatch(ISO_MS);
    expect(segment.updated_at).toBe(segment.created_at);
    expect(response.headers['x-request-id']).toMatch(/^req_[0-9a-f]{24}$/);

    expect(ok<WireSegment>(await call('GET', `/segments/${segment.id}`))).toEqual(segment);
  });

  it('defaults description to null and accepts an explicit null', async () => {
    expect((await createSegment({ name: 'No description' })).description).toBeNull();
    expect((await createSegment({ name: 'Null description', description: null })).description).toBeNull();
  });

  it('counts name and description lengths in code points, at the limits exactly', async () => {
    // 200 astral characters are 400 UTF-16 code units: still a 200-character name.
    const name = '😀'.repeat(200);
    const description = '𝄞'.repeat(1000);
    const segment = await createSegment({ name, description });
    expect(segment.name).toBe(name);
    expect(segment.description).toBe(description);
    expect(ok<WireSegment>(await call('GET', `/segments/${segment.id}`))).toMatchObject({
      name,
      description,
    });

    const plain = await createSegment({ name: 'n'.repeat(200), description: 'd'.repeat(1000) });
    expect(plain.name).toHaveLength(200);
    expect(plain.description).toHaveLength(1000);
    expect((await createSegment({ name: 'x', description: '' })).description).toBe('');
  });

  it('stores names and descriptions as given (no trimming, unicode kept)', async () => {
    const segment = await createSegment({ name: '  Ünïcødé  名前 ', description: ' line\nbreak\t' });
    expect(segment).toMatchObject({ name: '  Ünïcødé  名前 ', description: ' line\nbreak\t' });
  });

  it('lets names repeat: two segments with the same name are two segments', async () => {
    const first = await createSegment({ name: 'Newsletter' });
    const second = await createSegment({ name: 'Newsletter' });
    expect(second.id).not.toBe(first.id);
    expect(ok<WireSegment>(await call('GET', `/segments/${first.id}`)).name).toBe('Newsletter');
    expect(ok<WireSegment>(await call('GET', `/segments/${second.id}`)).name).toBe('Newsletter');
  });

  it('patches name and description independently and moves updated_at only', async () => {
    const segment = await createSegment({ name: 'Before', description: 'kept' });
    await new Promise((resolve) => setTimeout(resolve, 5));

    const renamed = ok<WireSegment>(await call('PATCH', `/segments/${segment.id}`, { name: 'After' }));
    expect(renamed).toMatchObject({ id: segment.id, name: 'After', description: 'kept' });
    expect(renamed.created_at).toBe(segment.created_at);
    expect(renamed.updated_at > segment.updated_at).toBe(true);
    expect(renamed.updated_at).toMatch(ISO_MS);

    const cleared = ok<WireSegment>(await call('PATCH', `/segments/${segment.id}`, { description: null }));
    expect(cleared).toMatchObject({ name: 'After', description: null });

    const both = ok<WireSegment>(
      await call('PATCH', `/segments/${segment.id}`, {
        name: '🎉'.repeat(200),
        description: 'x'.repeat(1000),
      }),
    );
    expect(both).toMatchObject({ name: '🎉'.repeat(200), description: 'x'.repeat(1000) });
    expect(ok<WireSegment>(await call('GET', `/segments/${segment.id}`))).toEqual(both);
  });

  it('treats PATCH {} as a no-op that returns the segment unchanged', async () => {
    const segment = await createSegment({ name: 'Stable', description: 'same' });
    await new Promise((resolve) => setTimeout(resolve, 5));
    const patched = ok<WireSegment>(await call('PATCH', `/segments/${segment.id}`, {}));
    expect(patched).toEqual(segment);
    expect(ok<WireSegment>(await call('GET', `/segments/${segment.id}`))).toEqual(segment);
  });

  it('deletes a segment: 204 with an empty body, then 404 everywhere', async () => {
    const segment = await createSegment({ name: 'Doomed' });
    const deleted = await call('DELETE', `/segments/${segment.id}`);
    expect(deleted.statusCode).toBe(204);
    expect(deleted.body).toBe('');
    expect((await call('GET', `/segments/${segment.id}`)).statusCode).toBe(404);
    expect((await call('PATCH', `/segments/${segment.id}`, { name: 'x' })).statusCode).toBe(404);
    expect((await call('DELETE', `/segments/${segment.id}`)).statusCode).toBe(404);
    expect((await call('GET', `/contacts?segment_id=${segment.id}`)).statusCode).toBe(404);
  });
});

describe('segments: list', () => {
  it('lists newest first and walks every segment exactly once with limit and cursor', async () => {
    const workspace = await createTestWorkspace(t.db.services);
    const created: WireSegment[] = [];
    for (let i = 0; i < 8; i++) created.push(await createSegment({ name: `Segment ${i % 3}` }, workspace));

    const first = ok<{ data: WireSegment[] }>(await call('GET', '/segments', undefined, workspace));
    expect(first.data).toEqual(newestFirst(created));
    expect(first.data[0]?.id).toBe(created[created.length - 1]?.id);

    const expected = newestFirst(created).map((segment) => segment.id);
    for (const limit of [1, 3, 7, 8, 9])
      expect(await walk('/segments', {}, limit, workspace)).toEqual(expected);
  });

  it('does not skip or repeat while segments are created meanwhile', async () => {
    const workspace = await createTestWorkspace(t.db.services);
    const created: WireSegment[] = [];
    for (let i = 0; i < 10; i++) created.push(await createSegment({ name: `S${i}` }, workspace));
    const walked = await walk('/segments', {}, 3, workspace, async () => {
      await createSegment({ name: 'created meanwhile' }, workspace);
    });
    expect(walked).toEqual(newestFirst(created).map((segment) => segment.id));
  });

  it('defaults to 50 per page and clamps larger limits to 100', async () => {
    const workspace = await createTestWorkspace(t.db.services);
    for (let i = 0; i < 101; i++)
      await t.db.services.segments.create(workspace.workspaceId, { name: `S${i}` });

    const byDefault = ok<{ data: unknown[]; has_more: boolean }>(
      await call('GET', '/segments', undefined, workspace),
    );
    expect(byDefault.data).toHaveLength(50);
    expect(byDefault.has_more).toBe(true);

    for (const limit of ['100', '101', '1000', '0000000000000000000200', '9'.repeat(40)]) {
      const page = ok<{ data: unknown[]; has_more: boolean; next_cursor: string | null }>(
        await call('GET', `/segments?limit=${limit}`, undefined, workspace),
      );
      expect(page.data, `limit=${limit}`).toHaveLength(100);
      expect(page.has_more).toBe(true);
      const rest = ok<{ data: unknown[]; has_more: boolean }>(
        await call('GET', `/segments?limit=${limit}&cursor=${page.next_cursor}`, undefined, workspace),
      );
      expect(rest.data).toHaveLength(1);
      expect(rest.has_more).toBe(false);
    }
    expect(
      ok<{ data: unknown[] }>(await call('GET', '/segments?limit=007', undefined, workspace)).data,
    ).toHaveLength(7);
  });

  it('ignores unknown query parameters', async () => {
    const workspace = await createTestWorkspace(t.db.services);
    const segment = await createSegment({ name: 'only' }, workspace);
    const page = ok<{ data: WireSegment[] }>(
      await call('GET', '/segments?foo=bar&status=nonsense&segment_id=x', undefined, workspace),
    );
    expect(page.data.map((item) => item.id)).toEqual([segment.id]);
  });
});

describe('segments: membership', () => {
  it('PUT adds a contact idempotently: 204 with an empty body, twice', async () => {
    const segment = await createSegment({ name: 'PUT twice' });
    const contact = await createContact();
    for (let i = 0; i < 2; i++) {
      const response = await call('PUT', `/segments/${segment.id}/contacts/${contact.id}`);
      expect(response.statusCode).toBe(204);
      expect(response.body).toBe('');
    }
    expect(await memberIds(segment.id)).toEqual([contact.id]);
  });

  it('DELETE removes a contact idempotently: 204 twice, and 204 for a contact never added', async () => {
    const segment = await createSegment({ name: 'DELETE twice' });
    const [kept, removed, never] = [await createContact(), await createContact(), await createContact()];
    for (const contact of [kept, removed])
      expect((await call('PUT', `/segments/${segment.id}/contacts/${contact.id}`)).statusCode).toBe(204);
    for (let i = 0; i < 2; i++) {
      const response = await call('DELETE', `/segments/${segment.id}/contacts/${removed.id}`);
      expect(response.statusCode).toBe(204);
      expect(response.body).toBe('');
    }
    expect((await call('DELETE', `/segments/${segment.id}/contacts/${never.id}`)).statusCode).toBe(204);
    expect(await memberIds(segment.id)).toEqual([kept.id]);
    // The contact itself is untouched.
    expect((await call('GET', `/contacts/${removed.id}`)).statusCode).toBe(200);
  });

  it('bulk add returns how many were newly added; repeats and members do not count', async () => {
    const segment = await createSegment({ name: 'Bulk' });
    const [a, b, c] = [await createContact(), await createContact(), await createContact()];

    const first = await call('POST', `/segments/${segment.id}/contacts`, {
      contact_ids: [a.id, b.id, a.id, a.id],
    });
    expect(ok(first)).toEqual({ added: 2 });
    expect(first.headers['content-type']).toMatch(/^application\/json/);

    expect(
      ok(await call('POST', `/segments/${segment.id}/contacts`, { contact_ids: [a.id, b.id, c.id] })),
    ).toEqual({
      added: 1,
    });
    expect(ok(await call('POST', `/segments/${segment.id}/contacts`, { contact_ids: [c.id, b.id] }))).toEqual(
      {
        added: 0,
      },
    );
    expect(new Set(await memberIds(segment.id))).toEqual(new Set([a.id, b.id, c.id]));
  });

  it('bulk add treats the same UUID in upper and lower case as one repeated id', async () => {
    const segment = await createSegment({ name: 'Case' });
    const contact = await createContact();
    expect(
      ok(
        await call('POST', `/segments/${segment.id}/contacts`, {
          contact_ids: [contact.id, contact.id.toUpperCase()],
        }),
      ),
    ).toEqual({ added: 1 });
    expect(await memberIds(segment.id)).toEqual([contact.id]);
    expect(
      (await call('PUT', `/segments/${segment.id}/contacts/${contact.id.toUpperCase()}`)).statusCode,
    ).toBe(204);
    expect(
      (await call('DELETE', `/segments/${segment.id.toUpperCase()}/contacts/${contact.id}`)).statusCode,
    ).toBe(204);
    expect(await memberIds(segment.id)).toEqual([]);
  });

  it('bulk add accepts 1000 ids (here one contact repeated 1000 times) and a single id', async () => {
    const segment = await createSegment({ name: 'Thousand' });
    const [one, two] = [await createContact(), await createContact()];
    expect(
      ok(await call('POST', `/segments/${segment.id}/contacts`, { contact_ids: Array(1000).fill(one.id) })),
    ).toEqual({ added: 1 });
    expect(ok(await call('POST', `/segments/${segment.id}/contacts`, { contact_ids: [two.id] }))).toEqual({
      added: 1,
    });
    expect(new Set(await memberIds(segment.id))).toEqual(new Set([one.id, two.id]));
  });

  it('membership via PUT and via bulk add is the same membership', async () => {
    const segment = await createSegment({ name: 'Mixed' });
    const contact = await createContact();
    expect((await call('PUT', `/segments/${segment.id}/contacts/${contact.id}`)).statusCode).toBe(204);
    expect(ok(await call('POST', `/segments/${segment.id}/contacts`, { contact_ids: [contact.id] }))).toEqual(
      {
        added: 0,
      },
    );
  });

  it('deleting a segment removes its memberships but keeps its contacts and other segments', async () => {
    const [doomed, survivor] = [
      await createSegment({ name: 'Doomed' }),
      await createSegment({ name: 'Survivor' }),
    ];
    const [a, b] = [await createContact(), await createContact()];
    for (const segment of [doomed, survivor])
      expect(
        ok(await call('POST', `/segments/${segment.id}/contacts`, { contact_ids: [a.id, b.id] })),
      ).toEqual({
        added: 2,
      });

    expect((await call('DELETE', `/segments/${doomed.id}`)).statusCode).toBe(204);
    for (const contact of [a, b]) expect((await call('GET', `/contacts/${contact.id}`)).statusCode).toBe(200);
    expect(new Set(await memberIds(survivor.id))).toEqual(new Set([a.id, b.id]));
    const gone = await call('GET', `/contacts?segment_id=${doomed.id}`);
    expect(gone.statusCode).toBe(404);
    expect(gone.json().error.code).toBe('not_found');
  });

  it('deleting a contact removes its memberships in every segment', async () => {
    const [first, second] = [await createSegment({ name: 'One' }), await createSegment({ name: 'Two' })];
    const [doomed, kept] = [await createContact(), await createContact()];
    for (const segment of [first, second])
      ok(await call('POST', `/segments/${segment.id}/contacts`, { contact_ids: [doomed.id, kept.id] }));

    expect((await call('DELETE', `/contacts/${doomed.id}`)).statusCode).toBe(204);
    for (const segment of [first, second]) expect(await memberIds(segment.id)).toEqual([kept.id]);
    // The deleted contact is no longer a contact of the workspace.
    expect((await call('PUT', `/segments/${first.id}/contacts/${doomed.id}`)).statusCode).toBe(404);
    expect((await call('DELETE', `/segments/${first.id}/contacts/${doomed.id}`)).statusCode).toBe(404);
    expect(
      (await call('POST', `/segments/${first.id}/contacts`, { contact_ids: [doomed.id] })).statusCode,
    ).toBe(404);
  });

  it('an empty segment lists no contacts', async () => {
    const segment = await createSegment({ name: 'Empty' });
    await createContact();
    expect(ok(await call('GET', `/contacts?segment_id=${segment.id}`))).toEqual({
      data: [],
      has_more: false,
      next_cursor: null,
    });
  });
});

describe('contacts filtered by segment_id', () => {
  it('combines with status, search and pagination, each member exactly once, newest first', async () => {
    const workspace = await createTestWorkspace(t.db.services);
    const segment = await createSegment({ name: 'Sixty' }, workspace);
    const other = await createSegment({ name: 'Other' }, workspace);
    const contacts: WireContact[] = [];
    const members: WireContact[] = [];
    for (let i = 0; i < 80; i++) {
      const email = [`Alpha.${i}@Example.COM`, `beta_${i}@example.com`, `gamma-${i}@example.org`][i % 3];
      const status = i % 4 === 0 || i % 7 === 0 ? 'unsubscribed' : 'subscribed';
      const contact = await createContact({ email, status }, workspace);
      contacts.push(contact);
      if (i % 4 !== 3) members.push(contact);
    }
    expect(members).toHaveLength(60);
    // Added in two bulk calls, in an order unrelated to creation order.
    const shuffled = [...members].reverse();
    ok(
      await call(
        'POST',
        `/segments/${segment.id}/contacts`,
        { contact_ids: shuffled.slice(0, 31).map((c) => c.id) },
        workspace,
      ),
    );
    ok(
      await call(
        'POST',
        `/segments/${segment.id}/contacts`,
        { contact_ids: shuffled.slice(31).map((c) => c.id) },
        workspace,
      ),
    );
    // Non-members sit in another segment, which must not leak into this one.
    ok(
      await call(
        'POST',
        `/segments/${other.id}/contacts`,
        { contact_ids: contacts.filter((c) => !members.includes(c)).map((c) => c.id) },
        workspace,
      ),
    );

    const filters: [Record<string, string>, (contact: WireContact) => boolean][] = [
      [{}, () => true],
      [{ status: 'subscribed' }, (c) => c.status === 'subscribed'],
      [{ status: 'unsubscribed' }, (c) => c.status === 'unsubscribed'],
      [{ search: 'ALPHA' }, (c) => c.email.toLowerCase().includes('alpha')],
      [{ search: '_' }, (c) => c.email.includes('_')],
      // Taken literally: no email contains '%', so nothing matches (a LIKE wildcard would match all).
      [{ search: '%' }, () => false],
      [{ search: 'a-' }, (c) => c.email.includes('a-')],
      [
        { search: 'example.com', status: 'subscribed' },
        (c) => /example\.com/i.test(c.email) && c.status === 'subscribed',
      ],
      [
        { search: 'a.1', status: 'unsubscribed' },
        (c) => c.email.toLowerCase().includes('a.1') && c.status === 'unsubscribed',
      ],
      [{ search: 'nobody-has-this' }, () => false],
    ];
    for (const [query, predicate] of filters) {
      const expected = newestFirst(members.filter(predicate)).map((c) => c.id);
      const walked = await walk('/contacts', { ...query, segment_id: segment.id }, 7, workspace);
      expect(walked, JSON.stringify(query)).toEqual(expected);
      expect(new Set(walked).size).toBe(walked.length);
    }
    // A sanity check that the filters are not vacuous.
    expect(members.filter((c) => c.status === 'unsubscribed').length).toBeGreaterThan(7);
    expect(members.filter((c) => c.email.includes('_')).length).toBeGreaterThan(7);
  });

  it('pages never skip or repeat a member while members are added meanwhile', async () => {
    const workspace = await createTestWorkspace(t.db.services);
    const segment = await createSegment({ name: 'Growing' }, workspace);
    const members: WireContact[] = [];
    for (let i = 0; i < 20; i++) members.push(await createContact({}, workspace));
    ok(
      await call(
        'POST',
        `/segments/${segment.id}/contacts`,
        { contact_ids: members.map((c) => c.id) },
        workspace,
      ),
    );

    const walked = await walk('/contacts', { segment_id: segment.id }, 6, workspace, async () => {
      const newcomer = await createContact({}, workspace);
      expect(
        (await call('PUT', `/segments/${segment.id}/contacts/${newcomer.id}`, undefined, workspace))
          .statusCode,
      ).toBe(204);
    });
    expect(walked).toEqual(newestFirst(members).map((c) => c.id));
  });

  it('an unfiltered list still returns non-members, and unknown parameters are ignored', async () => {
    const workspace = await createTestWorkspace(t.db.services);
    const segment = await createSegment({ name: 'Half' }, workspace);
    const [member, outsider] = [await createContact({}, workspace), await createContact({}, workspace)];
    ok(await call('POST', `/segments/${segment.id}/contacts`, { contact_ids: [member.id] }, workspace));
    expect(await walk('/contacts', {}, 10, workspace)).toEqual(
      newestFirst([member, outsider]).map((c) => c.id),
    );
    expect(await walk('/contacts', { segment_id: segment.id, segmentId: 'junk' }, 10, workspace)).toEqual([
      member.id,
    ]);
  });
});
