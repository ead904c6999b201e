import { randomUUID } from 'node:crypto';
import type { Services } from '@pristinesend/domain';
import { API_PREFIX, openApiPath } from '@pristinesend/rest';
import { compileErrors, dereference, validate } from '@readme/openapi-parser';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../../src/server.js';
import { useTestApp } from '../harness.js';

/**
 * The contract between the OpenAPI document and the server: the document is
 * valid, lists exactly the routes the server serves, and every response the
 * server really gives (successes and each error status) validates against the
 * schema the document gives for that operation and status.
 */

const t = useTestApp();

interface MediaType {
  schema: object;
  examples?: Record<string, unknown>;
}
interface Operation {
  operationId: string;
  requestBody?: { content: { 'application/json': MediaType } };
  responses: Record<string, { content?: { 'application/json': MediaType } }>;
}
interface OpenApi {
  openapi: string;
  paths: Record<string, Record<string, Operation>>;
  components: { securitySchemes: Record<string, { type: string; scheme?: string }> };
  security: Record<string, string[]>[];
}

const addFormats = addFormatsModule.default;
const ajv = new Ajv2020({ allErrors: true, strict: true, strictTypes: false });
addFormats(ajv);

let document: OpenApi;
/** The same document with every `$ref` resolved, for validating bodies. */
let resolved: OpenApi;
/** `operationId status` of every documented response seen in a real exchange. */
const seen = new Set<string>();
const seenCodes = new Set<string>();

beforeAll(async () => {
  const response = await t.app.inject({ method: 'GET', url: '/openapi.json' });
  expect(response.statusCode).toBe(200);
  document = response.json();
  resolved = (await dereference(structuredClone(document) as never)) as unknown as OpenApi;
});

function operationFor(method: string, url: string): Operation {
  const pathname = url.split('?')[0] ?? '';
  for (const [template, item] of Object.entries(resolved.paths)) {
    const pattern = new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/]+')}$`);
    const operation = item[method.toLowerCase()];
    if (pattern.test(pathname) && operation) return operation;
  }
  throw new Error(`${method} ${pathname} is not in the document`);
}

function expectValid(schema: object, value: unknown, what: string) {
  const valid = ajv.validate(schema, value);
  expect(valid, `${what}: ${ajv.errorsText(ajv.errors)}\n${JSON.stringify(value)}`).toBe(true);
}

/** Asserts that the response is documented for its operation and status, and matches the schema. */
function expectDocumented(method: string, url: string, response: LightMyRequestResponse, body?: unknown) {
  const operation = operationFor(method, url);
  const status = String(response.statusCode);
  const what = `${method} ${url} → ${status}`;
  const documented = operation.responses[status];
  expect(documented, `${what} is not documented: ${response.body}`).toBeDefined();
  expect(response.headers['x-request-id']).toMatch(/^req_[0-9a-f]{24}$/);
  const media = documented?.content?.['application/json'];
  if (!media) {
    expect(response.body, `${what} documents no body`).toBe('');
  } else {
    expect(response.headers['content-type']).toMatch(/^application\/json/);
    const json = response.json();
    expectValid(media.schema, json, what);
    if (response.statusCode >= 400) {
      expect(Object.keys(media.examples ?? {}), `${what}: code ${json.error.code}`).toContain(
        json.error.code,
      );
      seenCodes.add(json.error.code);
    }
  }
  // What the server accepted, the document accepts too.
  const requestSchema = operation.requestBody?.content['application/json'].schema;
  if (requestSchema && body !== undefined && response.statusCode < 300) {
    expectValid(requestSchema, body, `${what} request body`);
  }
  seen.add(`${operation.operationId} ${status}`);
}

/** A request as the workspace (or as given), checked against the document; returns the response. */
async function call(
  method: string,
  path: string,
  options: { body?: unknown; headers?: Record<string, string>; app?: FastifyInstance } = {},
) {
  const url = `${API_PREFIX}${path}`;
  const response = await (options.app ?? t.app).inject({
    method: method as InjectOptions['method'],
    url,
    headers: { authorization: t.workspace.authorization, ...options.headers },
    ...(options.body !== undefined && { payload: options.body as InjectOptions['payload'] }),
  });
  expectDocumented(method, url, response, typeof options.body === 'object' ? options.body : undefined);
  return response;
}

/** Paths and their methods from Fastify's own route tree. */
function registeredRoutes(app: FastifyInstance): Map<string, string[]> {
  const routes = new Map<string, string[]>();
  const stack: string[] = [];
  for (const line of app.printRoutes({ commonPrefix: false }).split('\n')) {
    const match = /^((?:│ {3}| {4})*)[├└]── (.+?)(?: \(([A-Z, ]+)\))?$/.exec(line);
    if (!match) continue;
    const depth = (match[1] ?? '').length / 4;
    const path = `${stack[depth - 1] ?? ''}${match[2]}`;
    stack.length = depth;
    stack[depth] = path;
    if (match[3]) routes.set(path, match[3].split(', '));
  }
  return routes;
}

describe('the OpenAPI document', () => {
  it('is valid OpenAPI 3.1 by a maintained validator', async () => {
    expect(document.openapi).toBe('3.1.0');
    const result = await validate(structuredClone(document) as never);
    expect(result.valid, result.valid ? '' : compileErrors(result)).toBe(true);
  });

  it('is served without a key, outside /api/v1, and says every operation needs a Bearer key', async () => {
    expect(document.components.securitySchemes.bearerAuth).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(document.security).toEqual([{ bearerAuth: [] }]);
    const inside = await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' });
    expect(inside.statusCode).toBe(401);
  });

  it('serves an interactive reference at /docs from local assets only', async () => {
    const redirect = await t.app.inject({ method: 'GET', url: '/docs' });
    expect(redirect.statusCode).toBe(301);
    expect(redirect.headers.location).toBe('/docs/');
    const page = await t.app.inject({ method: 'GET', url: '/docs/' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.body).toContain('"/openapi.json"');
    expect(page.body).toContain('<script src="js/scalar.js">');
    expect(page.body).not.toMatch(/https?:\/\//);
    const script = await t.app.inject({ method: 'GET', url: '/docs/js/scalar.js' });
    expect(script.statusCode).toBe(200);
    expect(script.headers['content-type']).toMatch(/javascript/);
  });

  it('has every route the server registers under /api/v1, with exactly the methods it serves', async () => {
    const routes = [...registeredRoutes(t.app)].filter(([path]) => path.startsWith(`${API_PREFIX}/`));
    expect(routes.length).toBeGreaterThan(0);
    const documentedPaths = Object.keys(document.paths).sort();
    expect(routes.map(([path]) => openApiPath(path.slice(API_PREFIX.length))).sort()).toEqual(
      documentedPaths,
    );
    for (const [path, methods] of routes) {
      const url = path.replace(/:[a-z_]+/g, () => randomUUID());
      const served: string[] = [];
      for (const method of methods.filter((method) => method !== 'HEAD')) {
        const response = await t.app.inject({
          method: method as InjectOptions['method'],
          url,
          headers: { authorization: t.workspace.authorization },
        });
        if (response.statusCode !== 405) served.push(method);
      }
      const documented = Object.keys(document.paths[openApiPath(path.slice(API_PREFIX.length))] ?? {});
      expect(served.map((method) => method.toLowerCase()).sort(), path).toEqual(documented.sort());
    }
  });
});

describe('real responses match the documented schemas', () => {
  let contactId: string;
  let otherContactId: string;
  let segmentId: string;

  it('contacts: create, get, list and paginate, update, with each success shape', async () => {
    const created = await call('POST', '/contacts', {
      body: {
        email: 'jane@example.com',
        first_name: 'Jane',
        properties: { city: 'Seattle', n: [1, { a: true }] },
      },
    });
    expect(created.statusCode).toBe(201);
    contactId = created.json().id;
    const bare = await call('POST', '/contacts', { body: { email: 'john@example.com' } });
    expect(bare.statusCode).toBe(201);
    otherContactId = bare.json().id;
    expect((await call('GET', `/contacts/${contactId}`)).statusCode).toBe(200);
    const first = await call('GET', '/contacts?limit=1');
    expect(first.json().has_more).toBe(true);
    const last = await call(
      'GET',
      `/contacts?limit=1&cursor=${encodeURIComponent(first.json().next_cursor)}`,
    );
    expect(last.json()).toMatchObject({ has_more: false, next_cursor: null });
    await call('GET', '/contacts?status=subscribed&search=EXAMPLE');
    const updated = await call('PATCH', `/contacts/${contactId}`, {
      body: { status: 'unsubscribed', last_name: null, properties: { city: null, tier: 'pro' } },
    });
    expect(updated.json()).toMatchObject({ status: 'unsubscribed', properties: { tier: 'pro' } });
    await call('PATCH', `/contacts/${contactId}`, { body: {} });
  });

  it('segments and membership, with each success shape', async () => {
    const created = await call('POST', '/segments', { body: { name: 'Pro customers' } });
    expect(created.statusCode).toBe(201);
    segmentId = created.json().id;
    await call('POST', '/segments', { body: { name: 'Described', description: 'With a description.' } });
    await call('GET', `/segments/${segmentId}`);
    await call('GET', '/segments?limit=1');
    await call('PATCH', `/segments/${segmentId}`, { body: { description: null } });
    const added = await call('POST', `/segments/${segmentId}/contacts`, {
      body: { contact_ids: [contactId, otherContactId, contactId] },
    });
    expect(added.json()).toEqual({ added: 2 });
    const members = await call('GET', `/contacts?segment_id=${segmentId}`);
    expect(members.json().data).toHaveLength(2);
    expect((await call('DELETE', `/segments/${segmentId}/contacts/${contactId}`)).statusCode).toBe(204);
    expect((await call('PUT', `/segments/${segmentId}/contacts/${contactId}`)).statusCode).toBe(204);
  });

  it('each error status of each kind is the documented envelope', async () => {
    const json = { 'content-type': 'application/json' };
    const missing = randomUUID();
    // 400
    await call('POST', '/contacts', { body: '{"email":', headers: json });
    await call('POST', '/contacts', { body: [1], headers: json });
    await call('POST', '/contacts', { body: {} });
    await call('POST', '/contacts', { body: { email: 'not-an-email' } });
    await call('POST', '/contacts', { body: { email: 'x@example.com', nickname: 'x' } });
    await call('POST', '/contacts', {
      body: { email: 'y@example.com' },
      headers: { 'idempotency-key': '\u00e9' },
    });
    await call('GET', '/contacts?limit=0');
    await call('GET', '/contacts?segment_id=nope');
    await call('PATCH', `/contacts/${contactId}`, { body: { email: 'new@example.com' } });
    await call('POST', '/segments', { body: {} });
    await call('PATCH', `/segments/${segmentId}`, { body: { name: '' } });
    await call('GET', '/segments?cursor=a&cursor=b');
    await call('POST', `/segments/${segmentId}/contacts`, { body: { contact_ids: ['nope'] } });
    await call('POST', `/segments/${segmentId}/contacts`, { body: { contact_ids: [] } });
    // 404
    await call('GET', `/contacts?segment_id=${missing}`);
    await call('GET', `/contacts/${missing}`);
    await call('GET', '/contacts/not-a-uuid');
    await call('PATCH', `/contacts/${missing}`, { body: {} });
    await call('DELETE', `/contacts/${missing}`);
    await call('GET', `/segments/${missing}`);
    await call('PATCH', `/segments/${missing}`, { body: {} });
    await call('DELETE', `/segments/${missing}`);
    await call('POST', `/segments/${segmentId}/contacts`, { body: { contact_ids: [missing] } });
    await call('POST', `/segments/${missing}/contacts`, { body: { contact_ids: [contactId] } });
    await call('PUT', `/segments/${segmentId}/contacts/${missing}`);
    await call('DELETE', `/segments/${missing}/contacts/${contactId}`);
    // 409
    await call('POST', '/contacts', { body: { email: 'JANE@example.com' } });
    const key = { 'idempotency-key': randomUUID() };
    expect((await call('POST', '/segments', { body: { name: 'Once' }, headers: key })).statusCode).toBe(201);
    const replay = await call('POST', '/segments', { body: { name: 'Once' }, headers: key });
    expect(replay.headers['idempotent-replayed']).toBe('true');
    await call('POST', '/segments', { body: { name: 'Twice' }, headers: key });
    // 413, 415
    await call('POST', '/contacts', { body: `{"email": "${'a'.repeat(1024 * 1024)}"}`, headers: json });
    await call('POST', '/segments', { body: 'name=x', headers: { 'content-type': 'text/plain' } });
    await call('PATCH', `/contacts/${contactId}`, { body: 'x', headers: { 'content-type': 'text/csv' } });
  });

  it('every operation answers 401 without a valid key', async () => {
    for (const [path, item] of Object.entries(document.paths)) {
      for (const method of Object.keys(item)) {
        const url = path.replace(/\{[a-z_]+\}/g, () => randomUUID()).slice(API_PREFIX.length);
        const response = await call(method.toUpperCase(), url, { headers: { authorization: 'Bearer nope' } });
        expect(response.statusCode).toBe(401);
        expect(response.headers['www-authenticate']).toBe('Bearer');
      }
    }
  });

  it('429 and 500 are the documented envelope too', async () => {
    const limited = await buildServer({ services: t.db.services, rateLimit: { perSecond: 1 } });
    const broken: Services = {
      ...t.db.services,
      contacts: Object.assign(Object.create(t.db.services.contacts), {
        get: async () => {
          throw new Error('the database is on fire');
        },
      }),
    };
    const failing = await buildServer({ services: broken });
    try {
      await call('GET', '/contacts', { app: limited });
      const response = await call('GET', '/contacts', { app: limited });
      expect(response.statusCode).toBe(429);
      expect((await call('GET', `/contacts/${contactId}`, { app: failing })).statusCode).toBe(500);
    } finally {
      await limited.close();
      await failing.close();
    }
  });

  it('deletes, with the documented empty 204', async () => {
    expect((await call('DELETE', `/contacts/${contactId}`)).statusCode).toBe(204);
    expect((await call('DELETE', `/segments/${segmentId}`)).statusCode).toBe(204);
  });

  it('exercised every documented success, and every error code an operation can give', () => {
    for (const [path, item] of Object.entries(document.paths)) {
      for (const [method, operation] of Object.entries(item)) {
        const success = Object.keys(operation.responses).find((status) => status.startsWith('2'));
        expect(seen, `${method} ${path}`).toContain(`${operation.operationId} ${success}`);
      }
    }
    const codes = new Set(
      Object.values(resolved.paths).flatMap((item) =>
        Object.values(item).flatMap((operation) =>
          Object.values(operation.responses).flatMap((response) =>
            Object.keys(response.content?.['application/json'].examples ?? {}),
          ),
        ),
      ),
    );
    expect([...seenCodes].sort()).toEqual([...codes].sort());
  });
});

afterAll(() => {
  ajv.removeSchema();
});
