import { describe, expect, it } from 'vitest';
import { useTestApp } from '../harness.js';

const t = useTestApp();

describe('contacts: happy paths', () => {
  it('creates, reads, updates, lists and deletes a contact', async () => {
    const headers = { authorization: t.workspace.authorization };
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/contacts',
      headers,
      payload: {
        email: '  Jane@Example.com ',
        first_name: 'Jane',
        last_name: 'Doe',
        properties: { city: 'Seattle' },
      },
    });
    expect(created.statusCode).toBe(201);
    const contact = created.json();
    expect(contact).toMatchObject({
      email: 'Jane@Example.com',
      first_name: 'Jane',
      last_name: 'Doe',
      status: 'subscribed',
      properties: { city: 'Seattle' },
    });
    expect(contact.created_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);

    const read = await t.app.inject({ method: 'GET', url: `/api/v1/contacts/${contact.id}`, headers });
    expect(read.json()).toEqual(contact);

    const patched = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/contacts/${contact.id}`,
      headers,
      payload: { status: 'unsubscribed', properties: { tier: 'pro', city: null } },
    });
    expect(patched.statusCode).toBe(200);
    expect(patched.json()).toMatchObject({ status: 'unsubscribed', properties: { tier: 'pro' } });
    expect(patched.json().properties).not.toHaveProperty('city');

    const list = await t.app.inject({ method: 'GET', url: '/api/v1/contacts', headers });
    expect(list.json()).toMatchObject({ has_more: false, next_cursor: null, data: [{ id: contact.id }] });

    const deleted = await t.app.inject({ method: 'DELETE', url: `/api/v1/contacts/${contact.id}`, headers });
    expect(deleted.statusCode).toBe(204);
    expect(deleted.body).toBe('');
    const gone = await t.app.inject({ method: 'GET', url: `/api/v1/contacts/${contact.id}`, headers });
    expect(gone.statusCode).toBe(404);
  });
});
