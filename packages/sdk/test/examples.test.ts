import { NotFoundError } from 'pristinesend';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  createContact,
  deleteContact,
  getContact,
  listContacts,
  updateContact,
} from '../examples/reference.js';
import { contact, contactNumbered, errorReply, json, mockFetch, noContent } from './helpers.js';

// The reference page's examples, unmodified, against a stubbed global fetch: they configure the client
// only through the environment, exactly as a reader running them would.
let log: ReturnType<typeof vi.spyOn>;

beforeEach(() => {
  vi.stubEnv('PRISTINESEND_API_KEY', 'ps_live_example');
  vi.stubEnv('PRISTINESEND_BASE_URL', 'http://localhost:3000');
  log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
});

afterEach(() => {
  vi.unstubAllEnvs();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

function serve(...replies: Response[]) {
  const mock = mockFetch(...replies);
  vi.stubGlobal('fetch', mock.fetch);
  return mock.requests;
}

describe('reference page examples', () => {
  it('List contacts: iterates every subscribed contact across pages', async () => {
    const requests = serve(
      json(200, { data: [contactNumbered(1), contactNumbered(2)], has_more: true, next_cursor: 'n2' }),
      json(200, { data: [contactNumbered(3)], has_more: false, next_cursor: null }),
    );
    await listContacts();
    expect(log.mock.calls).toEqual([['c1@example.com'], ['c2@example.com'], ['c3@example.com']]);
    expect(requests.map((r) => r.url)).toEqual([
      'http://localhost:3000/api/v1/contacts?limit=100&status=subscribed',
      'http://localhost:3000/api/v1/contacts?limit=100&status=subscribed&cursor=n2',
    ]);
    expect(requests[0]?.headers.get('authorization')).toBe('Bearer ps_live_example');
  });

  it('Create a contact', async () => {
    const requests = serve(json(201, contact));
    await createContact();
    expect(log.mock.calls).toEqual([['Created:', contact.id]]);
    expect(requests[0]?.body).toEqual({
      email: 'jane@example.com',
      first_name: 'Jane',
      last_name: 'Doe',
      properties: { city: 'Seattle' },
    });
  });

  it('Get a contact', async () => {
    serve(json(200, contact));
    await getContact();
    expect(log.mock.calls).toEqual([[contact.email, contact.status]]);
  });

  it('Update a contact', async () => {
    const updated = { ...contact, status: 'unsubscribed', properties: { city: 'Seattle', tier: 'pro' } };
    const requests = serve(json(200, updated));
    await updateContact();
    expect(log.mock.calls).toEqual([['unsubscribed', { city: 'Seattle', tier: 'pro' }]]);
    expect(requests[0]).toMatchObject({
      method: 'PATCH',
      body: { status: 'unsubscribed', properties: { tier: 'pro' } },
    });
  });

  it('Delete a contact: resolves on 204, throws NotFoundError when gone', async () => {
    serve(noContent(), errorReply(404, 'not_found'));
    await expect(deleteContact()).resolves.toBeUndefined();
    await expect(deleteContact()).rejects.toBeInstanceOf(NotFoundError);
  });
});
