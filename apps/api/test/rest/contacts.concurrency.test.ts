import { describe, expect, it } from 'vitest';
import { useTestApp } from '../harness.js';
import { caller } from './request.js';

const t = useTestApp();
const call = caller(
  () => t.app,
  () => t.workspace.authorization,
);

describe('contacts under concurrency', () => {
  it('20 concurrent creates of one email give exactly one 201 and nineteen 409', async () => {
    const responses = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        call('POST', '/api/v1/contacts', { email: i % 2 ? 'race@example.com' : 'RACE@example.com' }),
      ),
    );
    const statuses = responses.map((response) => response.statusCode).sort();
    expect(statuses.filter((status) => status === 201)).toHaveLength(1);
    expect(statuses.filter((status) => status === 409)).toHaveLength(19);
    const list = (await call('GET', '/api/v1/contacts?search=race@example.com')).json();
    expect(list.data).toHaveLength(1);
  });

  it('50 concurrent PATCHes adding distinct property keys leave all 50 keys', async () => {
    const { id } = (
      await call('POST', '/api/v1/contacts', { email: 'merge-race@example.com', properties: { base: true } })
    ).json();
    const responses = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        call('PATCH', `/api/v1/contacts/${id}`, { properties: { [`key${i}`]: i } }),
      ),
    );
    expect(responses.every((response) => response.statusCode === 200)).toBe(true);
    const { properties } = (await call('GET', `/api/v1/contacts/${id}`)).json();
    expect(Object.keys(properties)).toHaveLength(51);
    for (let i = 0; i < 50; i++) expect(properties[`key${i}`]).toBe(i);
  });
});
