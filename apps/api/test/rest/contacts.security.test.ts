import { describe, expect, it } from 'vitest';
import { useTestApp } from '../harness.js';
import { caller, expectError } from './request.js';

const t = useTestApp();
const mine = caller(
  () => t.app,
  () => t.workspace.authorization,
);
const theirs = caller(
  () => t.app,
  () => t.other.authorization,
);

describe('contacts: workspace isolation', () => {
  it("answers another workspace's contact exactly like a missing one, on every route", async () => {
    const { id } = (
      await theirs('POST', '/api/v1/contacts', { email: 'private@example.com', first_name: 'Secret' })
    ).json();
    const missing = '00000000-0000-4000-8000-000000000000';
    for (const target of [id, missing]) {
      const path = `/api/v1/contacts/${target}`;
      const responses = [
        await mine('GET', path),
        await mine('PATCH', path, { first_name: 'Mine now' }),
        await mine('PATCH', path, {}),
        await mine('DELETE', path),
      ];
      for (const response of responses) {
        const error = expectError(response, 404, 'not_found');
        expect(error.message).not.toContain('Secret');
      }
    }
    const untouched = (await theirs('GET', `/api/v1/contacts/${id}`)).json();
    expect(untouched.first_name).toBe('Secret');
  });

  it("never lists, searches or conflicts on another workspace's contacts", async () => {
    await theirs('POST', '/api/v1/contacts', { email: 'shared@example.com' });
    const created = await mine('POST', '/api/v1/contacts', { email: 'shared@example.com' });
    expect(created.statusCode).toBe(201);
    const list = (await mine('GET', '/api/v1/contacts?search=private&limit=100')).json();
    expect(list.data).toEqual([]);
    const all = (await mine('GET', '/api/v1/contacts?limit=100')).json();
    expect(all.data.map((contact: { email: string }) => contact.email)).toEqual(['shared@example.com']);
  });

  it("a cursor from another workspace's list reveals nothing of it", async () => {
    for (let i = 0; i < 3; i++) await theirs('POST', '/api/v1/contacts', { email: `page${i}@example.com` });
    const { next_cursor } = (await theirs('GET', '/api/v1/contacts?limit=1')).json();
    const page = (await mine('GET', `/api/v1/contacts?cursor=${next_cursor}`)).json();
    for (const contact of page.data) expect(contact.email).not.toMatch(/^page\d@/);
  });
});
