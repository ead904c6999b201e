import { describe, expect, it } from 'vitest';
import { useTestApp } from './harness.js';
import { expectError } from './rest/request.js';

const ADMIN_TOKEN = 'admin-token-for-tests-0123456789';
const t = useTestApp({ adminToken: ADMIN_TOKEN });
const withoutToken = useTestApp();
const admin = { authorization: `Bearer ${ADMIN_TOKEN}` };

describe('admin API', () => {
  it('creates a workspace whose key works, then another key, then revokes it', async () => {
    const created = await t.app.inject({
      method: 'POST',
      url: '/admin/v1/workspaces',
      headers: admin,
      payload: { name: 'Acme' },
    });
    expect(created.statusCode).toBe(201);
    const workspace = created.json();
    expect(workspace).toMatchObject({ name: 'Acme' });
    expect(Object.keys(workspace).sort()).toEqual(['api_key', 'created_at', 'id', 'name']);
    const headers = { authorization: `Bearer ${workspace.api_key}` };
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/contacts', headers })).statusCode).toBe(200);

    const keyResponse = await t.app.inject({
      method: 'POST',
      url: `/admin/v1/workspaces/${workspace.id}/api-keys`,
      headers: admin,
    });
    expect(keyResponse.statusCode).toBe(201);
    const key = keyResponse.json();
    expect(Object.keys(key).sort()).toEqual(['api_key', 'created_at', 'id', 'prefix']);
    expect(key.api_key.startsWith(key.prefix)).toBe(true);
    const second = { authorization: `Bearer ${key.api_key}` };
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/contacts', headers: second })).statusCode).toBe(
      200,
    );

    const revoked = await t.app.inject({
      method: 'DELETE',
      url: `/admin/v1/api-keys/${key.id}`,
      headers: admin,
    });
    expect(revoked.statusCode).toBe(204);
    expectError(
      await t.app.inject({ method: 'GET', url: '/api/v1/contacts', headers: second }),
      401,
      'unauthorized',
    );
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/contacts', headers })).statusCode).toBe(200);
  });

  it('validates the workspace name and 404s unknown workspaces and keys', async () => {
    expectError(
      await t.app.inject({ method: 'POST', url: '/admin/v1/workspaces', headers: admin, payload: {} }),
      400,
      'missing_field',
      'name',
    );
    expectError(
      await t.app.inject({
        method: 'POST',
        url: '/admin/v1/workspaces',
        headers: admin,
        payload: { name: '' },
      }),
      400,
      'invalid_field',
      'name',
    );
    const unknown = '00000000-0000-4000-8000-000000000000';
    expectError(
      await t.app.inject({ method: 'POST', url: `/admin/v1/workspaces/${unknown}/api-keys`, headers: admin }),
      404,
      'not_found',
    );
    expectError(
      await t.app.inject({ method: 'POST', url: '/admin/v1/workspaces/nope/api-keys', headers: admin }),
      404,
      'not_found',
    );
    expectError(
      await t.app.inject({ method: 'DELETE', url: `/admin/v1/api-keys/${unknown}`, headers: admin }),
      404,
      'not_found',
    );
  });

  it('is 401 with a wrong or missing admin token, and API keys are not admin tokens', async () => {
    for (const authorization of [
      undefined,
      'Bearer wrong-token-0123456789',
      `Bearer ${ADMIN_TOKEN}x`,
      t.workspace.authorization,
    ]) {
      const response = await t.app.inject({
        method: 'POST',
        url: '/admin/v1/workspaces',
        headers: authorization ? { authorization } : {},
        payload: { name: 'X' },
      });
      expectError(response, 401, 'unauthorized');
    }
  });

  it('does not exist without PRISTINESEND_ADMIN_TOKEN: every path is 404', async () => {
    for (const [method, url] of [
      ['POST', '/admin/v1/workspaces'],
      ['DELETE', '/admin/v1/api-keys/x'],
      ['GET', '/admin/v1'],
    ] as const) {
      expectError(
        await withoutToken.app.inject({
          method,
          url,
          headers: admin,
          payload: method === 'POST' ? {} : undefined,
        }),
        404,
        'not_found',
      );
    }
  });
});
