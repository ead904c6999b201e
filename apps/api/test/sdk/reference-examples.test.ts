import { ConflictError, NotFoundError, PristineSend } from 'pristinesend';
import { afterEach, beforeEach, describe, expect, it, type MockInstance, vi } from 'vitest';
import {
  createContact,
  deleteContact,
  getContact,
  listContacts,
  updateContact,
} from '../../../../packages/sdk/examples/reference.js';
import { useTestApp } from '../harness.js';

// Every code example of the public reference page (API Reference › Contacts), run unmodified against the
// real server. They configure the client only through the environment, as a reader running them would.
const t = useTestApp({ listen: true });

/** The id the reference page's get, update and delete examples hard-code. */
const EXAMPLE_ID = '8e4f2b1c-1a2b-4c3d-9e8f-0a1b2c3d4e5f';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

let log: MockInstance<typeof console.log>;

beforeEach(async () => {
  // vi.stubEnv sets process.env and vi.unstubAllEnvs puts back whatever was there before.
  vi.stubEnv('PRISTINESEND_API_KEY', t.workspace.apiKey);
  vi.stubEnv('PRISTINESEND_BASE_URL', t.url);
  log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
  // Each example starts from an empty workspace: the examples' fixed email and id must be free.
  await sql('delete from contacts where workspace_id in (?, ?)', [
    t.workspace.workspaceId,
    t.other.workspaceId,
  ]);
});

afterEach(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
});

function sql(query: string, params: unknown[] = []) {
  return t.db.orm.em.getConnection().execute(query, params);
}

interface Row {
  workspaceId?: string;
  id: string;
  email: string;
  firstName?: string | null;
  lastName?: string | null;
  status?: 'subscribed' | 'unsubscribed';
  properties?: Record<string, unknown>;
  createdAt?: Date;
}

/** Inserts a contact straight into the table, so it can have the id the examples print. */
async function insertContact(row: Row) {
  const createdAt = (row.createdAt ?? new Date()).toISOString();
  await sql(
    `insert into contacts
       (workspace_id, id, email, first_name, last_name, status, properties, created_at, updated_at)
     values (?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?)`,
    [
      row.workspaceId ?? t.workspace.workspaceId,
      row.id,
      row.email,
      row.firstName ?? null,
      row.lastName ?? null,
      row.status ?? 'subscribed',
      JSON.stringify(row.properties ?? {}),
      createdAt,
      createdAt,
    ],
  );
}

/** A client for checking what the examples did, configured explicitly rather than from the environment. */
function checker() {
  return new PristineSend(t.workspace.apiKey, { baseUrl: t.url });
}

describe('reference page examples against the real server', () => {
  it('List contacts: prints every subscribed contact, newest first, across pages of 100', async () => {
    const start = Date.parse('2026-01-01T00:00:00.000Z');
    const subscribed: string[] = [];
    // 180 contacts, one second apart, every fourth unsubscribed: 135 subscribed, so two pages of 100.
    for (let i = 0; i < 180; i++) {
      const email = `list${String(i).padStart(3, '0')}@example.com`;
      const status = i % 4 === 3 ? 'unsubscribed' : 'subscribed';
      await insertContact({ id: crypto.randomUUID(), email, status, createdAt: new Date(start + i * 1000) });
      if (status === 'subscribed') subscribed.push(email);
    }
    // Another workspace's subscribed contact never shows up.
    await insertContact({
      workspaceId: t.other.workspaceId,
      id: crypto.randomUUID(),
      email: 'elsewhere@example.com',
    });
    const fetchSpy = vi.spyOn(globalThis, 'fetch');

    await listContacts();

    expect(subscribed).toHaveLength(135);
    expect(log.mock.calls).toEqual(subscribed.reverse().map((email) => [email]));
    const urls = fetchSpy.mock.calls.map(([url]) => String(url));
    expect(urls).toHaveLength(2);
    expect(urls[0]).toBe(`${t.url}/api/v1/contacts?limit=100&status=subscribed`);
    expect(urls[1]?.startsWith(`${t.url}/api/v1/contacts?limit=100&status=subscribed&cursor=`)).toBe(true);
  });

  it('List contacts: prints nothing for a workspace without subscribed contacts', async () => {
    await insertContact({ id: crypto.randomUUID(), email: 'gone@example.com', status: 'unsubscribed' });
    await listContacts();
    expect(log).not.toHaveBeenCalled();
  });

  it('Create a contact: prints "Created:" and the new id, and the contact is stored as given', async () => {
    await createContact();

    expect(log).toHaveBeenCalledTimes(1);
    const [label, id] = log.mock.calls[0] ?? [];
    expect(label).toBe('Created:');
    expect(id).toMatch(UUID);
    expect(await checker().contacts.get(String(id))).toMatchObject({
      id,
      email: 'jane@example.com',
      first_name: 'Jane',
      last_name: 'Doe',
      status: 'subscribed',
      properties: { city: 'Seattle' },
    });
    // Run twice, the example hits the duplicate email, as the page says.
    const error = await createContact().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ConflictError);
    expect(error).toMatchObject({ status: 409, code: 'conflict', param: 'email' });
  });

  it('Get a contact: prints the email and status of the contact with the printed id', async () => {
    await insertContact({ id: EXAMPLE_ID, email: 'jane@example.com', firstName: 'Jane' });
    // The same id in another workspace is a different contact and stays invisible.
    await insertContact({
      workspaceId: t.other.workspaceId,
      id: EXAMPLE_ID,
      email: 'other@example.com',
      status: 'unsubscribed',
    });

    await getContact();

    expect(log.mock.calls).toEqual([['jane@example.com', 'subscribed']]);
  });

  it('Get a contact: throws NotFoundError when the workspace has no such contact', async () => {
    await insertContact({ workspaceId: t.other.workspaceId, id: EXAMPLE_ID, email: 'other@example.com' });
    await expect(getContact()).rejects.toBeInstanceOf(NotFoundError);
    expect(log).not.toHaveBeenCalled();
  });

  it('Update a contact: prints "unsubscribed" and the merged properties', async () => {
    await insertContact({ id: EXAMPLE_ID, email: 'jane@example.com', properties: { city: 'Seattle' } });

    await updateContact();

    expect(log.mock.calls).toEqual([['unsubscribed', { city: 'Seattle', tier: 'pro' }]]);
    expect(await checker().contacts.get(EXAMPLE_ID)).toMatchObject({
      email: 'jane@example.com',
      status: 'unsubscribed',
      properties: { city: 'Seattle', tier: 'pro' },
    });
  });

  it('Delete a contact: resolves on 204, after which the contact is gone', async () => {
    await insertContact({ id: EXAMPLE_ID, email: 'jane@example.com' });
    await insertContact({ workspaceId: t.other.workspaceId, id: EXAMPLE_ID, email: 'other@example.com' });

    await expect(deleteContact()).resolves.toBeUndefined();

    await expect(checker().contacts.get(EXAMPLE_ID)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getContact()).rejects.toBeInstanceOf(NotFoundError);
    // "throws NotFoundError if the contact is gone"
    await expect(deleteContact()).rejects.toBeInstanceOf(NotFoundError);
    // The other workspace's contact with the same id is untouched.
    const other = new PristineSend(t.other.apiKey, { baseUrl: t.url });
    expect(await other.contacts.get(EXAMPLE_ID)).toMatchObject({ email: 'other@example.com' });
    expect(log).not.toHaveBeenCalled();
  });
});
