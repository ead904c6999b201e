import { NotFoundError, Page, PagePromise, PristineSendError } from 'pristinesend';
import { describe, expect, it } from 'vitest';
import { client, contactNumbered, errorReply, json, mockFetch } from './helpers.js';

const [c1, c2, c3, c4, c5] = [1, 2, 3, 4, 5].map(contactNumbered);

/** Three pages: [c1, c2] → [c3, c4] → [c5]. */
function threePages() {
  return mockFetch(
    json(200, { data: [c1, c2], has_more: true, next_cursor: 'cur_2' }),
    json(200, { data: [c3, c4], has_more: true, next_cursor: 'cur_3' }),
    json(200, { data: [c5], has_more: false, next_cursor: null }),
  );
}

describe('list pagination', () => {
  it('awaits to the first page, with the wire fields', async () => {
    const { fetch } = threePages();
    const page = await client(fetch).contacts.list({ limit: 2 });
    expect(page).toBeInstanceOf(Page);
    expect(page.data).toEqual([c1, c2]);
    expect(page.has_more).toBe(true);
    expect(page.next_cursor).toBe('cur_2');
    expect(page.hasNextPage()).toBe(true);
    expect(JSON.parse(JSON.stringify(page))).toEqual({
      data: [c1, c2],
      has_more: true,
      next_cursor: 'cur_2',
    });
  });

  it('iterates every item across pages with `for await ... of await list()`', async () => {
    const { fetch, requests } = threePages();
    const emails = [];
    for await (const contact of await client(fetch).contacts.list({ limit: 2, status: 'subscribed' })) {
      emails.push(contact.email);
    }
    expect(emails).toEqual([c1, c2, c3, c4, c5].map((c) => c?.email));
    expect(requests.map((r) => r.url)).toEqual([
      'http://api.test/api/v1/contacts?limit=2&status=subscribed',
      'http://api.test/api/v1/contacts?limit=2&status=subscribed&cursor=cur_2',
      'http://api.test/api/v1/contacts?limit=2&status=subscribed&cursor=cur_3',
    ]);
  });

  it('iterates every item across pages with `for await ... of list()`', async () => {
    const { fetch, requests } = threePages();
    const ids = [];
    for await (const contact of client(fetch).contacts.list({ limit: 2 })) ids.push(contact.id);
    expect(ids).toEqual([c1, c2, c3, c4, c5].map((c) => c?.id));
    expect(requests).toHaveLength(3);
  });

  it('replaces a cursor given by the caller on following pages', async () => {
    const { fetch, requests } = threePages();
    const page = await client(fetch).contacts.list({ cursor: 'cur_1' });
    await page.getNextPage();
    expect(requests.map((r) => r.url)).toEqual([
      'http://api.test/api/v1/contacts?cursor=cur_1',
      'http://api.test/api/v1/contacts?cursor=cur_2',
    ]);
  });

  it('walks pages with getNextPage() and hasNextPage()', async () => {
    const { fetch } = threePages();
    const first = await client(fetch).contacts.list({ limit: 2 });
    const second = await first.getNextPage();
    const third = await second.getNextPage();
    expect([first.data, second.data, third.data]).toEqual([[c1, c2], [c3, c4], [c5]]);
    expect(third.hasNextPage()).toBe(false);
    await expect(third.getNextPage()).rejects.toThrow(PristineSendError);
  });

  it('yields whole pages with iterPages()', async () => {
    const { fetch } = threePages();
    const sizes = [];
    for await (const page of (await client(fetch).contacts.list()).iterPages()) sizes.push(page.data.length);
    expect(sizes).toEqual([2, 2, 1]);
  });

  it('stops when has_more is false even if a cursor came back', async () => {
    const { fetch, requests } = mockFetch(json(200, { data: [c1], has_more: false, next_cursor: 'stale' }));
    const items = [];
    for await (const item of client(fetch).contacts.list()) items.push(item);
    expect(items).toEqual([c1]);
    expect(requests).toHaveLength(1);
  });

  it('iterates segments the same way', async () => {
    const { fetch, requests } = mockFetch(
      json(200, { data: [{ id: 's1' }], has_more: true, next_cursor: 'n' }),
      json(200, { data: [{ id: 's2' }], has_more: false, next_cursor: null }),
    );
    const ids = [];
    for await (const s of client(fetch).segments.list({ limit: 1 })) ids.push(s.id);
    expect(ids).toEqual(['s1', 's2']);
    expect(requests[1]?.url).toBe('http://api.test/api/v1/segments?limit=1&cursor=n');
  });

  it('throws an error of a later page out of the loop, after yielding the earlier items', async () => {
    const { fetch } = mockFetch(
      json(200, { data: [c1], has_more: true, next_cursor: 'n' }),
      errorReply(404, 'not_found'),
    );
    const seen: unknown[] = [];
    const loop = async () => {
      for await (const c of client(fetch).contacts.list()) seen.push(c);
    };
    await expect(loop()).rejects.toBeInstanceOf(NotFoundError);
    expect(seen).toEqual([c1]);
  });

  it('returns a real Promise whose then() gives a plain Promise', async () => {
    const { fetch } = threePages();
    const pending = client(fetch).contacts.list();
    expect(pending).toBeInstanceOf(PagePromise);
    expect(pending).toBeInstanceOf(Promise);
    const mapped = pending.then((page) => page.data.length);
    expect(mapped).not.toBeInstanceOf(PagePromise);
    expect(await mapped).toBe(2);
  });

  it('rejects the list promise when a parameter is given twice with different values', async () => {
    const { fetch, requests } = mockFetch();
    await expect(client(fetch).contacts.list({ segmentId: 'a', segment_id: 'b' })).rejects.toThrow(TypeError);
    expect(requests).toHaveLength(0);
  });
});
