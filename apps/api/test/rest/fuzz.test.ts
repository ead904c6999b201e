import { HTTP_STATUS } from '@pristinesend/rest';
import fc from 'fast-check';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../harness.js';

/**
 * Property-based abuse of every REST route and method with a valid key: whatever
 * the body, query string or path, the answer is never a 500, an error is always
 * the envelope whose request_id is the X-Request-Id header, and a success is JSON
 * (and, for a write, what a following read returns).
 */

const t = useTestApp();

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'HEAD' | 'OPTIONS';
type Route = (typeof ROUTES)[number];
type IdKind = 'contact' | 'segment';

const METHODS: Method[] = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'];
const ROUTES = [
  '/contacts',
  '/contacts/:id',
  '/segments',
  '/segments/:id',
  '/segments/:id/contacts',
  '/segments/:id/contacts/:contact_id',
] as const;
/** The methods each route serves; anything else is a 405. */
const ALLOWED: [Route, Method][] = [
  ['/contacts', 'GET'],
  ['/contacts', 'POST'],
  ['/contacts/:id', 'GET'],
  ['/contacts/:id', 'PATCH'],
  ['/contacts/:id', 'DELETE'],
  ['/segments', 'GET'],
  ['/segments', 'POST'],
  ['/segments/:id', 'GET'],
  ['/segments/:id', 'PATCH'],
  ['/segments/:id', 'DELETE'],
  ['/segments/:id/contacts', 'POST'],
  ['/segments/:id/contacts/:contact_id', 'PUT'],
  ['/segments/:id/contacts/:contact_id', 'DELETE'],
];
const WRITES = ALLOWED.filter(([, method]) => method !== 'GET');
const KNOWN_FIELDS = [
  'email',
  'first_name',
  'last_name',
  'status',
  'properties',
  'name',
  'description',
  'contact_ids',
];
const KNOWN_PARAMS = ['limit', 'cursor', 'status', 'search', 'segment_id'];
const JSON_TYPES = [
  'application/json',
  'application/json; charset=utf-8',
  'APPLICATION/JSON',
  'application/json;',
];
const OTHER_TYPES = [
  'application/json; charset=latin1',
  'application/jsonx',
  'application/vnd.api+json',
  'text/plain',
  'text/json',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  '',
];
/** Runs per property; raise it (FUZZ_RUNS=5000) for a longer hunt. */
const RUNS = Number(process.env.FUZZ_RUNS ?? 200);

/**
 * Ids that exist in this workspace (kept alive: a fuzzed DELETE that removes one is
 * followed by a replacement) and in the other workspace (which must look unknown).
 */
const pool = {
  contact: [] as string[],
  segment: [] as string[],
  foreign: [] as string[],
  cursors: [] as string[],
};
let serial = 0;

async function freshContact(): Promise<string> {
  const contact = await t.db.services.contacts.create(t.workspace.workspaceId, {
    email: `fuzz.pool.${++serial}@example.com`,
    status: serial % 2 ? 'subscribed' : 'unsubscribed',
    properties: { n: serial },
  });
  return contact.id;
}

async function freshSegment(): Promise<string> {
  const segment = await t.db.services.segments.create(t.workspace.workspaceId, { name: `Fuzz ${++serial}` });
  if (pool.contact.length > 0)
    await t.db.services.segments.addContacts(t.workspace.workspaceId, segment.id, pool.contact);
  return segment.id;
}

/**
 * Replaces pool fixtures a fuzzed DELETE removed (by any URL: `..` segments are
 * resolved by the client, so the path that deleted it need not name it).
 */
async function replenishPool() {
  const { contacts, segments } = t.db.services;
  const workspaceId = t.workspace.workspaceId;
  for (const [index, id] of pool.contact.entries()) {
    if (!(await contacts.get(workspaceId, id).catch(() => null))) pool.contact[index] = await freshContact();
  }
  for (const [index, id] of pool.segment.entries()) {
    if (!(await segments.get(workspaceId, id).catch(() => null))) pool.segment[index] = await freshSegment();
  }
}

beforeAll(async () => {
  for (let i = 0; i < 6; i++) pool.contact.push(await freshContact());
  for (let i = 0; i < 6; i++) pool.segment.push(await freshSegment());
  const foreignContact = await t.db.services.contacts.create(t.other.workspaceId, {
    email: 'fuzz.other@example.com',
  });
  const foreignSegment = await t.db.services.segments.create(t.other.workspaceId, { name: 'Other' });
  pool.foreign.push(foreignContact.id, foreignSegment.id);
  for (const path of [
    '/contacts?limit=1',
    '/segments?limit=2',
    `/contacts?limit=2&segment_id=${pool.segment[0]}`,
  ]) {
    const cursor = (await inject({ method: 'GET', url: `/api/v1${path}` })).json().next_cursor;
    expect(cursor).toEqual(expect.any(String));
    pool.cursors.push(cursor);
  }
});

function inject(options: InjectOptions) {
  return t.app.inject({
    ...options,
    headers: { authorization: t.workspace.authorization, ...options.headers },
  });
}

/** Percent-encodes every UTF-8 byte (a lone surrogate becomes U+FFFD, as a client would send it). */
function percentEncodeAll(text: string): string {
  return [...Buffer.from(text, 'utf8')].map((byte) => `%${byte.toString(16).padStart(2, '0')}`).join('');
}

/** encodeURIComponent that cannot throw on lone surrogates. */
function encode(text: string): string {
  return encodeURIComponent(text.toWellFormed());
}

function describeRequest(options: InjectOptions): string {
  const raw = options.payload;
  const payload = raw === undefined ? '' : typeof raw === 'string' ? raw : JSON.stringify(raw);
  const headers = options.headers as Record<string, string> | undefined;
  const contentType = headers?.['content-type'];
  const key = headers?.['idempotency-key'];
  const shown =
    JSON.stringify(payload.slice(0, 300)) + (payload.length > 300 ? `…(${payload.length} chars)` : '');
  return `${options.method} ${String(options.url).slice(0, 300)} content-type=${JSON.stringify(contentType)}${
    key === undefined ? '' : ` idempotency-key=${JSON.stringify(key)}`
  } body=${shown}`;
}

/** The contract for every answer to a request with a valid key. */
function checkResponse(options: InjectOptions, response: LightMyRequestResponse) {
  const where = `${describeRequest(options)}\n→ ${response.statusCode} ${response.body.slice(0, 500)}`;
  expect(response.statusCode, where).toBeLessThan(500);
  expect(response.statusCode, where).not.toBe(401);
  const requestId = response.headers['x-request-id'];
  expect(requestId, where).toMatch(/^req_[0-9a-f]{24}$/);
  if (response.statusCode === 405) expect(response.headers.allow, where).toEqual(expect.any(String));
  if (options.method === 'HEAD') return;

  if (response.statusCode >= 400) {
    expect(response.headers['content-type'], where).toMatch(/^application\/json/);
    const body = JSON.parse(response.body);
    expect(Object.keys(body), where).toEqual(['error']);
    const { code, message, param, request_id, ...rest } = body.error;
    expect(rest, where).toEqual({});
    expect(Object.keys(HTTP_STATUS), where).toContain(code);
    expect(HTTP_STATUS[code as keyof typeof HTTP_STATUS], where).toBe(response.statusCode);
    expect(typeof message === 'string' && message.length > 0, where).toBe(true);
    // An unknown field may be named "" by the client, so param may be empty; it is still the field's name.
    expect(param === undefined || typeof param === 'string', where).toBe(true);
    // A replayed response is the stored one, request_id included; the header is this request's.
    if (response.headers['idempotent-replayed'] === 'true')
      expect(request_id, where).toMatch(/^req_[0-9a-f]{24}$/);
    else expect(request_id, where).toBe(requestId);
    return;
  }
  expect(response.statusCode, where).toBeGreaterThanOrEqual(200);
  expect(response.statusCode, where).toBeLessThan(300);
  if (response.statusCode === 204) {
    expect(response.body, where).toBe('');
    return;
  }
  expect(response.headers['content-type'], where).toMatch(/^application\/json/);
  const body = JSON.parse(response.body);
  expect(typeof body === 'object' && body !== null && !Array.isArray(body), where).toBe(true);
  if ('data' in body) {
    expect(Array.isArray(body.data), where).toBe(true);
    expect(typeof body.has_more, where).toBe('boolean');
    expect(body.next_cursor === null || typeof body.next_cursor === 'string', where).toBe(true);
    expect(body.next_cursor === null, where).toBe(!body.has_more);
  }
}

/** Sends, checks, and keeps the fixture pool alive. Returns the response for further checks. */
async function send(options: InjectOptions): Promise<LightMyRequestResponse> {
  const response = await inject(options);
  checkResponse(options, response);
  if (options.method === 'DELETE' && response.statusCode === 204) await replenishPool();
  return response;
}

// ---- arbitraries -------------------------------------------------------------------------------

const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((code) => String.fromCharCode(code));
/** Characters that break naive code: NUL, controls, lone surrogates, astral, RTL, and JSON/SQL/LIKE syntax. */
const nastyChar = fc.oneof(
  { weight: 4, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }) },
  { weight: 2, arbitrary: loneSurrogate },
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      '\u0000',
      '\u0001',
      '\n',
      '"',
      '\\',
      "'",
      '%',
      '_',
      '&',
      '=',
      '?',
      '#',
      '/',
      '\u2028',
      '\ufeff',
      '\uffff',
      '😀',
      '\u202e',
      '{',
      '[',
      ':',
    ),
  },
);
const nastyString = fc.string({ unit: nastyChar, maxLength: 40 });
const hugeString = fc
  .tuple(
    fc.constantFrom(100, 101, 200, 201, 254, 255, 256, 257, 1000, 1001, 20_000, 600_000, 1_100_000),
    fc.constantFrom('x', '😀', '\u0000', 'é'),
  )
  .map(([length, char]) => char.repeat(length));
const deepValue = fc.tuple(fc.integer({ min: 20, max: 3000 }), fc.boolean()).map(([depth, asArray]) => {
  let value: unknown = 'leaf';
  for (let i = 0; i < depth; i++) value = asArray ? [value] : { a: value };
  return value;
});
const uuidLike = fc.oneof(
  fc.uuid(),
  fc.uuid().map((id) => id.toUpperCase()),
  fc.constantFrom('00000000-0000-0000-0000-000000000000', 'ffffffff-ffff-ffff-ffff-ffffffffffff'),
  fc.stringMatching(/^[0-9a-fA-F-]{30,40}$/),
);
/** A pool id looked up when the run is generated, so replaced fixtures are used. */
const poolId = (kind: IdKind | 'foreign') =>
  fc.nat().map((index) => pool[kind][index % pool[kind].length] as string);
const idFor = (kind: IdKind) =>
  fc.oneof(
    { weight: 6, arbitrary: poolId(kind) },
    { weight: 1, arbitrary: poolId(kind === 'contact' ? 'segment' : 'contact') },
    { weight: 1, arbitrary: poolId('foreign') },
    { weight: 1, arbitrary: poolId(kind).map((id) => id.toUpperCase()) },
    { weight: 1, arbitrary: uuidLike },
  );
const anyId = fc.oneof(idFor('contact'), idFor('segment'));
const jsonish = fc.jsonValue({ maxDepth: 3, stringUnit: nastyChar });
const weirdValue = fc.oneof(
  { weight: 3, arbitrary: jsonish },
  { weight: 3, arbitrary: nastyString },
  { weight: 1, arbitrary: hugeString },
  { weight: 1, arbitrary: deepValue },
  { weight: 2, arbitrary: fc.array(anyId, { maxLength: 5 }) },
  { weight: 1, arbitrary: fc.array(fc.oneof(anyId, jsonish), { maxLength: 1200, size: 'max' }) },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      0,
      -0,
      1e308,
      5e-324,
      -1,
      2 ** 53 + 1,
      'subscribed',
      'unsubscribed',
      'SUBSCRIBED',
      'jane@example.com',
      ' jane@example.com ',
      'JANE@EXAMPLE.COM',
      '',
      true,
      null,
    ),
  },
  {
    weight: 1,
    arbitrary: fc.dictionary(
      fc.oneof(nastyString, fc.constantFrom('__proto__', 'constructor', '')),
      jsonish,
      {
        maxKeys: 8,
      },
    ),
  },
);
/** Objects whose keys are mostly field names the API knows, with hostile values. */
const fieldObject = fc.dictionary(
  fc.oneof(
    { weight: 8, arbitrary: fc.constantFrom(...KNOWN_FIELDS) },
    { weight: 2, arbitrary: nastyString },
    {
      weight: 1,
      arbitrary: fc.constantFrom('id', 'created_at', 'updated_at', 'firstName', '__proto__', 'constructor'),
    },
  ),
  weirdValue,
  { maxKeys: 5 },
);

/** JSON text nested far deeper than a recursive walker survives, under a known field or as the whole body. */
const deepRawBody = fc
  .tuple(
    fc.integer({ min: 100, max: 200_000 }),
    fc.boolean(),
    fc.option(fc.constantFrom(...KNOWN_FIELDS), { nil: undefined }),
  )
  .map(([depth, asArray, field]) => {
    const nested = asArray
      ? `${'['.repeat(depth)}${']'.repeat(depth)}`
      : `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
    return field === undefined ? nested : `{${JSON.stringify(field)}: ${nested}}`;
  });

/** A raw body: JSON text of known-field objects or any value, broken or hostile JSON text, or bytes. */
const rawBody = fc.oneof(
  { weight: 3, arbitrary: fieldObject.map((value) => JSON.stringify(value)) },
  {
    weight: 2,
    arbitrary: fc.jsonValue({ maxDepth: 4, stringUnit: nastyChar }).map((value) => JSON.stringify(value)),
  },
  { weight: 1, arbitrary: nastyString },
  { weight: 1, arbitrary: deepRawBody },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      '',
      ' ',
      'null',
      '{',
      '{"name": "a"',
      '{"name": "\\u0000"}',
      '{"name": "\\ud800"}',
      '{"description": "\\udfff\\ud800"}',
      '{"email": "a\\u0000@example.com"}',
      '{"properties": {"\\u0000": 1}}',
      '{"properties": {"a": "\\ud800"}}',
      '{"properties": {"a": 1e400}}',
      '{"contact_ids": ["\\u0000"]}',
      '{"__proto__": {"name": "x"}}',
      '{"constructor": {"prototype": {"x": 1}}}',
      '{"name": "a", "name": 1}',
      '{"name": 1e400}',
      '\ufeff{"name": "bom"}',
      '{"name":"x"}\u0000',
      `${'['.repeat(100_000)}${']'.repeat(100_000)}`,
      `{"properties": ${'{"a":'.repeat(50_000)}1${'}'.repeat(50_000)}}`,
      `{"contact_ids": ${'['.repeat(50_000)}${']'.repeat(50_000)}}`,
    ),
  },
  {
    weight: 1,
    arbitrary: fc.uint8Array({ maxLength: 64 }).map((bytes) => Buffer.from(bytes).toString('latin1')),
  },
);

/**
 * Usually no Idempotency-Key; else a few reused keys (replays and conflicts), or
 * keys that are too long, empty or not printable ASCII.
 */
const idempotencyKey = fc.option(
  fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom('fuzz-key-1', 'fuzz-key-2', 'fuzz-key-3') },
    { weight: 2, arbitrary: fc.string({ unit: 'binary-ascii', minLength: 1, maxLength: 40 }) },
    { weight: 1, arbitrary: fc.constantFrom('', ' ', 'k'.repeat(255), 'k'.repeat(256), 'ключ', 'a\tb', 'é') },
  ),
  { nil: undefined, freq: 3 },
);

/** Mostly a method the route serves, sometimes any method. */
const routeAndMethod = (pairs: [Route, Method][] = ALLOWED) =>
  fc.oneof(
    { weight: 5, arbitrary: fc.constantFrom(...pairs) },
    { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...ROUTES), fc.constantFrom(...METHODS)) },
  );

const contentType = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...JSON_TYPES) },
  { weight: 2, arbitrary: fc.constantFrom(...OTHER_TYPES) },
  { weight: 1, arbitrary: fc.constant(undefined) },
);

/** A value for one path segment: real and foreign ids, UUID look-alikes, encodings and junk. */
const pathSegment = (kind: IdKind) =>
  fc.oneof(
    { weight: 3, arbitrary: idFor(kind) },
    { weight: 2, arbitrary: nastyString.map(encode) },
    { weight: 1, arbitrary: nastyString.map(percentEncodeAll) },
    { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 20 }).map(encode) },
    {
      weight: 2,
      arbitrary: fc.constantFrom(
        '%00',
        '%FF',
        '%',
        '%zz',
        '%2F',
        '%2e%2e',
        '..',
        '.',
        '',
        '%E0%A4%A',
        '%C0%AF',
        '%ED%A0%80',
        'a'.repeat(101),
        encode('😀'),
        'null',
        '__proto__',
        '%20',
        '+',
      ),
    },
  );

const queryValue = fc.oneof(
  { weight: 3, arbitrary: nastyString.map(encode) },
  { weight: 1, arbitrary: nastyString.map(percentEncodeAll) },
  { weight: 2, arbitrary: idFor('segment') },
  { weight: 2, arbitrary: fc.nat().map((index) => pool.cursors[index % pool.cursors.length] as string) },
  { weight: 1, arbitrary: fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }).map(String) },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 150 }).map(String) },
  { weight: 1, arbitrary: fc.integer({ min: 100, max: 20_000 }).map((n) => 'a'.repeat(n)) },
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      '',
      '%00',
      '%FF',
      '%',
      '%E0%A4%A',
      '%ED%A0%80',
      'subscribed',
      'unsubscribed',
      'Subscribed',
      '1',
      '007',
      '0',
      '1.0',
      '-1',
      '1e3',
      '9'.repeat(400),
      '%25',
      '%5F',
      '%5C',
      'a%00b',
      'EXAMPLE',
      'fuzz',
      '+',
    ),
  },
);

const queryString = fc
  .array(
    fc.tuple(
      fc.oneof(
        { weight: 8, arbitrary: fc.constantFrom(...KNOWN_PARAMS) },
        { weight: 1, arbitrary: nastyString.map(encode) },
        {
          weight: 1,
          arbitrary: fc.constantFrom('limit[]', 'limit%00', '__proto__', 'constructor', '%FF', ''),
        },
      ),
      fc.option(queryValue, { nil: undefined, freq: 10 }),
    ),
    { maxLength: 6 },
  )
  .map((pairs) =>
    pairs.length === 0
      ? ''
      : `?${pairs.map(([key, value]) => (value === undefined ? key : `${key}=${value}`)).join('&')}`,
  );

const urlFor = (route: string, id: string, contactId: string, query = '') =>
  `/api/v1${route.replace(':contact_id', contactId).replace(':id', id)}${query}`;

/** A valid body for each writing route, to be mutated one or two fields at a time. */
function template(route: Route): Record<string, unknown> {
  switch (route) {
    case '/contacts':
      return {
        email: `fuzz.near.${++serial}@example.com`,
        first_name: 'Ada',
        last_name: null,
        status: 'subscribed',
        properties: { plan: 'pro' },
      };
    case '/contacts/:id':
      return { first_name: 'Grace', status: 'unsubscribed', properties: { plan: 'team', gone: null } };
    case '/segments':
      return { name: 'Near valid', description: 'segment' };
    case '/segments/:id':
      return { name: 'Renamed', description: null };
    case '/segments/:id/contacts':
      return { contact_ids: pool.contact.slice(0, 3) };
    default:
      return {};
  }
}

/** Field values a user could send that are close to valid: the limits, odd text, odd properties. */
const nearValue = fc.oneof(
  { weight: 3, arbitrary: nastyString },
  { weight: 2, arbitrary: hugeString },
  { weight: 1, arbitrary: weirdValue },
  {
    weight: 3,
    arbitrary: fc.dictionary(
      fc.oneof(nastyString, fc.constantFrom('a'.repeat(100), 'a'.repeat(101), '😀'.repeat(100), '__proto__')),
      fc.oneof(jsonish, deepValue, fc.constantFrom(null, -0, 1e308, 5e-324, 2 ** 60)),
      { maxKeys: 12 },
    ),
  },
  {
    weight: 1,
    arbitrary: fc.array(fc.oneof(poolId('contact'), poolId('foreign'), uuidLike), { maxLength: 8 }),
  },
  {
    weight: 1,
    arbitrary: nastyString.map(
      (local) => `fuzz.${++serial}.${local.replace(/[^a-z0-9.+_-]/gi, '')}@example.com`,
    ),
  },
);

/** Reads back what a successful write returned: the next read sees exactly that. */
async function checkRoundTrip(route: Route, method: Method, url: string, response: LightMyRequestResponse) {
  const writesResource =
    (method === 'POST' && (route === '/contacts' || route === '/segments')) || method === 'PATCH';
  if (!writesResource || (response.statusCode !== 200 && response.statusCode !== 201)) return;
  const written = response.json();
  const readUrl = method === 'POST' ? `${url}/${written.id}` : url;
  const read = await send({ method: 'GET', url: readUrl });
  expect(read.json(), `${method} ${url} then GET ${readUrl}`).toEqual(written);
}

// ---- properties --------------------------------------------------------------------------------

describe('fuzz: no input yields a 500 or breaks the envelope', () => {
  it('random raw bodies and content types at every route and method', async () => {
    await fc.assert(
      fc.asyncProperty(
        routeAndMethod(WRITES),
        idFor('segment'),
        idFor('contact'),
        rawBody,
        contentType,
        idempotencyKey,
        async ([route, method], segmentId, contactId, payload, type, key) => {
          const id = route.startsWith('/contacts') ? contactId : segmentId;
          await send({
            method,
            url: urlFor(route, id, contactId),
            payload,
            headers: {
              ...(type !== undefined && { 'content-type': type }),
              ...(key !== undefined && { 'idempotency-key': key }),
            },
          });
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('objects of known fields with hostile values, sent as JSON to every route', async () => {
    await fc.assert(
      fc.asyncProperty(
        routeAndMethod(WRITES),
        idFor('segment'),
        idFor('contact'),
        fieldObject,
        fc.boolean(),
        idempotencyKey,
        async ([route, method], segmentId, contactId, body, asObject, key) => {
          const url = urlFor(route, route.startsWith('/contacts') ? contactId : segmentId, contactId);
          const headers = key === undefined ? {} : { 'idempotency-key': key };
          // As an object, light-my-request serializes it and sets the JSON content type itself.
          await send(
            asObject
              ? { method, url, payload: body, headers }
              : {
                  method,
                  url,
                  payload: JSON.stringify(body),
                  headers: { ...headers, 'content-type': 'application/json' },
                },
          );
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('near-valid bodies (one or two fields changed) succeed or fail cleanly, and writes read back', async () => {
    const targets = WRITES.filter(([, method]) => method === 'POST' || method === 'PATCH');
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...targets),
        idFor('segment'),
        idFor('contact'),
        fc.array(
          fc.tuple(
            fc.oneof(
              { weight: 6, arbitrary: fc.constantFrom(...KNOWN_FIELDS) },
              { weight: 1, arbitrary: nastyString },
            ),
            fc.option(nearValue, { nil: undefined, freq: 6 }),
          ),
          { maxLength: 2 },
        ),
        async ([route, method], segmentId, contactId, changes) => {
          const body = template(route);
          for (const [key, value] of changes) {
            if (value === undefined) delete body[key];
            else body[key] = value;
          }
          const url = urlFor(route, route.startsWith('/contacts') ? contactId : segmentId, contactId);
          const response = await send({ method, url, payload: body });
          await checkRoundTrip(route, method, url, response);
          if (route === '/segments/:id/contacts' && response.statusCode === 200) {
            const { added } = response.json();
            expect(Number.isInteger(added) && added >= 0).toBe(true);
            expect(added).toBeLessThanOrEqual(new Set(body.contact_ids as string[]).size);
          }
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('random query strings at every route and method', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          {
            weight: 5,
            arbitrary: fc.constantFrom<[Route, Method]>(['/contacts', 'GET'], ['/segments', 'GET']),
          },
          { weight: 1, arbitrary: routeAndMethod() },
        ),
        idFor('segment'),
        idFor('contact'),
        queryString,
        async ([route, method], segmentId, contactId, query) => {
          const id = route.startsWith('/contacts') ? contactId : segmentId;
          await send({ method, url: urlFor(route, id, contactId, query) });
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('random path segments at every route and method', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          { weight: 6, arbitrary: routeAndMethod() },
          {
            weight: 1,
            arbitrary: fc.tuple(
              fc.constantFrom(
                '/segments/:id/:contact_id',
                '/contacts/:id/:contact_id',
                '/:id',
                '/:id/:contact_id',
              ),
              fc.constantFrom(...METHODS),
            ),
          },
        ),
        pathSegment('segment'),
        pathSegment('contact'),
        fc.option(fieldObject, { nil: undefined }),
        async ([route, method], segmentId, contactId, body) => {
          const withBody = body !== undefined && method !== 'GET' && method !== 'HEAD';
          await send({
            method,
            url: urlFor(route, route.startsWith('/contacts') ? contactId : segmentId, contactId),
            ...(withBody && {
              payload: JSON.stringify(body),
              headers: { 'content-type': 'application/json' },
            }),
          });
        },
      ),
      { numRuns: RUNS },
    );
  });
});
