import { describe, expect, it } from 'vitest';
import { client, contact, json, mockFetch, noContent } from './helpers.js';

const page = { data: [contact], has_more: false, next_cursor: null };

describe('contacts', () => {
  it('creates with a snake_case body and returns the contact exactly as the wire gives it', async () => {
    const { fetch, requests } = mockFetch(json(201, contact));
    const created = await client(fetch).contacts.create({
      email: 'jane@example.com',
      first_name: 'Jane',
      last_name: 'Doe',
      properties: { city: 'Seattle' },
    });
    expect(created).toEqual(contact);
    expect(requests[0]).toMatchObject({ method: 'POST', url: 'http://api.test/api/v1/contacts' });
    expect(requests[0]?.body).toEqual({
      email: 'jane@example.com',
      first_name: 'Jane',
      last_name: 'Doe',
      properties: { city: 'Seattle' },
    });
  });

  it('accepts camelCase input and sends it as snake_case, leaving keys inside properties alone', async () => {
    const { fetch, requests } = mockFetch(json(201, contact), json(200, contact));
    const ps = client(fetch);
    await ps.contacts.create({
      email: 'a@b.co',
      firstName: 'Jane',
      lastName: null,
      properties: { favColor: 'x' },
    });
    await ps.contacts.update(contact.id, { firstName: 'J', properties: { planTier: null } });
    expect(requests[0]?.body).toEqual({
      email: 'a@b.co',
      first_name: 'Jane',
      last_name: null,
      properties: { favColor: 'x' },
    });
    expect(requests[1]?.body).toEqual({ first_name: 'J', properties: { planTier: null } });
  });

  it('accepts both spellings of one field when they agree, and rejects them when they differ', async () => {
    const { fetch, requests } = mockFetch(json(201, contact));
    const ps = client(fetch);
    await ps.contacts.create({ email: 'a@b.co', firstName: 'Jane', first_name: 'Jane' });
    expect(requests[0]?.body).toEqual({ email: 'a@b.co', first_name: 'Jane' });
    await expect(ps.contacts.create({ email: 'a@b.co', firstName: 'A', first_name: 'B' })).rejects.toThrow(
      /`firstName` and `first_name`|`first_name` and `firstName`/,
    );
    expect(requests).toHaveLength(1);
  });

  it('drops undefined fields from bodies and passes unknown ones on for the server to reject', async () => {
    const { fetch, requests } = mockFetch(json(201, contact));
    await client(fetch).contacts.create({ email: 'a@b.co', firstName: undefined, nickname: 'x' } as never);
    expect(requests[0]?.body).toEqual({ email: 'a@b.co', nickname: 'x' });
  });

  it('gets, updates and deletes by id', async () => {
    const { fetch, requests } = mockFetch(json(200, contact), json(200, contact), noContent());
    const ps = client(fetch);
    await ps.contacts.get(contact.id);
    await ps.contacts.update(contact.id, { status: 'unsubscribed', properties: { tier: 'pro' } });
    const deleted = await ps.contacts.delete(contact.id);
    expect(deleted).toBeUndefined();
    expect(requests.map((r) => `${r.method} ${r.url}`)).toEqual([
      `GET http://api.test/api/v1/contacts/${contact.id}`,
      `PATCH http://api.test/api/v1/contacts/${contact.id}`,
      `DELETE http://api.test/api/v1/contacts/${contact.id}`,
    ]);
    expect(requests[1]?.body).toEqual({ status: 'unsubscribed', properties: { tier: 'pro' } });
    expect(requests[2]?.body).toBeUndefined();
  });

  it('encodes ids as one path segment and rejects an empty id without a request', async () => {
    const { fetch, requests } = mockFetch(json(200, contact));
    const ps = client(fetch);
    await ps.contacts.get('../segments/x?y');
    expect(requests[0]?.url).toBe('http://api.test/api/v1/contacts/..%2Fsegments%2Fx%3Fy');
    await expect(ps.contacts.get('')).rejects.toThrow(TypeError);
    await expect(ps.contacts.delete(undefined as never)).rejects.toThrow(TypeError);
    expect(requests).toHaveLength(1);
  });
});

describe('list query string', () => {
  async function queryFor(params: Parameters<ReturnType<typeof client>['contacts']['list']>[0]) {
    const { fetch, requests } = mockFetch(json(200, page));
    await client(fetch).contacts.list(params);
    return requests[0]?.url.replace('http://api.test/api/v1/contacts', '');
  }

  it('is empty without parameters', async () => {
    expect(await queryFor(undefined)).toBe('');
    expect(await queryFor({})).toBe('');
  });

  it('leaves out undefined and null parameters', async () => {
    expect(await queryFor({ limit: 10, status: undefined, search: undefined, cursor: null })).toBe(
      '?limit=10',
    );
  });

  it('sends every filter, percent-encoded', async () => {
    expect(
      await queryFor({
        limit: 100,
        status: 'subscribed',
        search: 'jane+1 &x',
        segment_id: 'abc',
        cursor: 'c/1=',
      }),
    ).toBe('?limit=100&status=subscribed&search=jane%2B1%20%26x&segment_id=abc&cursor=c%2F1%3D');
  });

  it('takes segmentId as segment_id', async () => {
    expect(await queryFor({ segmentId: 'abc' })).toBe('?segment_id=abc');
  });
});
