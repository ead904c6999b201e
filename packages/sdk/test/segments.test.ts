import { describe, expect, it } from 'vitest';
import { client, contact, json, mockFetch, noContent, segment } from './helpers.js';

describe('segments', () => {
  it('lists, creates, gets, updates and deletes', async () => {
    const { fetch, requests } = mockFetch(
      json(200, { data: [segment], has_more: false, next_cursor: null }),
      json(201, segment),
      json(200, segment),
      json(200, segment),
      noContent(),
    );
    const ps = client(fetch);
    const page = await ps.segments.list({ limit: 5 });
    expect(page.data).toEqual([segment]);
    expect(await ps.segments.create({ name: 'VIP', description: null })).toEqual(segment);
    expect(await ps.segments.get(segment.id)).toEqual(segment);
    expect(await ps.segments.update(segment.id, { description: 'Best' })).toEqual(segment);
    expect(await ps.segments.delete(segment.id)).toBeUndefined();
    expect(requests.map((r) => `${r.method} ${r.url}`)).toEqual([
      'GET http://api.test/api/v1/segments?limit=5',
      'POST http://api.test/api/v1/segments',
      `GET http://api.test/api/v1/segments/${segment.id}`,
      `PATCH http://api.test/api/v1/segments/${segment.id}`,
      `DELETE http://api.test/api/v1/segments/${segment.id}`,
    ]);
    expect(requests[1]?.body).toEqual({ name: 'VIP', description: null });
    expect(requests[3]?.body).toEqual({ description: 'Best' });
  });

  it('adds contacts in bulk with POST and resolves with the count added', async () => {
    const { fetch, requests } = mockFetch(json(200, { added: 2 }));
    const result = await client(fetch).segments.addContacts(segment.id, ['a', 'b', 'a']);
    expect(result).toEqual({ added: 2 });
    expect(requests[0]).toMatchObject({
      method: 'POST',
      url: `http://api.test/api/v1/segments/${segment.id}/contacts`,
      body: { contact_ids: ['a', 'b', 'a'] },
    });
    expect(requests[0]?.headers.get('idempotency-key')).toBeTruthy();
  });

  it('adds one contact with PUT and removes one with DELETE, resolving on 204', async () => {
    const { fetch, requests } = mockFetch(noContent(), noContent());
    const ps = client(fetch);
    expect(await ps.segments.addContact(segment.id, contact.id)).toBeUndefined();
    expect(await ps.segments.removeContact(segment.id, contact.id)).toBeUndefined();
    const url = `http://api.test/api/v1/segments/${segment.id}/contacts/${contact.id}`;
    expect(requests.map((r) => `${r.method} ${r.url}`)).toEqual([`PUT ${url}`, `DELETE ${url}`]);
    expect(requests.map((r) => r.body)).toEqual([undefined, undefined]);
  });

  it('lists the contacts of a segment through contacts.list', async () => {
    const { fetch, requests } = mockFetch(json(200, { data: [contact], has_more: false, next_cursor: null }));
    const members = [];
    for await (const member of client(fetch).contacts.list({ segmentId: segment.id })) members.push(member);
    expect(members).toEqual([contact]);
    expect(requests[0]?.url).toBe(`http://api.test/api/v1/contacts?segment_id=${segment.id}`);
  });
});
