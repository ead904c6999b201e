import type { Contact, Services } from '@pristinesend/domain';
import { createTestDatabase, createTestWorkspace, type TestDatabase } from '@pristinesend/testing';
import { type FastifyTRPCPluginOptions, fastifyTRPCPlugin } from '@trpc/server/adapters/fastify';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rememberRequestId } from '../src/errors.js';
import { type AppRouter, appRouter, trpcPlugin } from '../src/index.js';

/*
 * The plugin answers plain GET queries itself and hands every other request to tRPC's
 * Fastify handler. Whichever path a request takes, the answer must be the one tRPC's own
 * plugin gives: both servers get the same requests and must answer the same bytes.
 */

const genReqId = () => 'req_000000000000000000000001';

let ours: FastifyInstance;
let reference: FastifyInstance;

const t: { db?: TestDatabase } = {};
let first: Contact;

/** The real services on a real database, but `contacts.get('boom')` fails as a lost connection would. */
function servicesOf(db: TestDatabase): Services {
  const contacts = Object.create(db.services.contacts) as Services['contacts'];
  contacts.get = (workspaceId, id) =>
    id === 'boom' ? Promise.reject(new Error('connection reset')) : db.services.contacts.get(workspaceId, id);
  return { ...db.services, contacts };
}

beforeAll(async () => {
  const db = await createTestDatabase();
  t.db = db;
  const { workspaceId } = await createTestWorkspace(db.services);
  first = await db.services.contacts.create(workspaceId, {
    email: 'ada@example.com',
    firstName: 'Ada',
    properties: { plan: 'pro', seats: 1, tags: ['a', 'é'] },
  });
  await db.services.contacts.create(workspaceId, { email: 'grace@example.com', status: 'unsubscribed' });
  const services = servicesOf(db);

  ours = Fastify({ genReqId });
  await ours.register(trpcPlugin, { prefix: '/trpc', services, workspaceOf: () => workspaceId });
  reference = Fastify({ genReqId });
  await reference.register(fastifyTRPCPlugin, {
    prefix: '/trpc',
    trpcOptions: {
      router: appRouter,
      createContext: ({ req }) => ({
        workspaceId,
        requestId: String(req.id),
        services,
        logger: req.log,
      }),
      onError: ({ error, req }) => rememberRequestId(error, String(req.id)),
    } satisfies FastifyTRPCPluginOptions<AppRouter>['trpcOptions'],
  });
});

afterAll(async () => {
  await Promise.all([ours?.close(), reference?.close()]);
  await t.db?.close();
});

const input = (value: unknown) => encodeURIComponent(JSON.stringify(value));

/** `{first}` in a case's input stands for the first contact's id, known only once the database is seeded. */
async function answers(
  template: string,
  method: 'GET' | 'HEAD' = 'GET',
  headers: Record<string, string> = {},
) {
  const url = template.replaceAll(encodeURIComponent('{first}'), first.id);
  const [mine, theirs] = await Promise.all([
    ours.inject({ method, url, headers }),
    reference.inject({ method, url, headers }),
  ]);
  const seen = (response: typeof mine) => ({
    status: response.statusCode,
    contentType: response.headers['content-type'],
    vary: response.headers.vary,
    allow: response.headers.allow,
    body: response.body,
  });
  // tRPC's handler streams its body (chunked); the plugin's own answers carry a length.
  const answeredByPlugin = mine.headers['transfer-encoding'] === undefined && method === 'GET';
  return { mine: seen(mine), theirs: seen(theirs), answeredByPlugin };
}

type Case = [name: string, url: string, headers?: Record<string, string>];

describe('GET queries answered by the plugin', () => {
  it.each<Case>([
    ['a single query', `/trpc/contacts.list?input=${input({ limit: 1 })}`],
    ['a query without input', '/trpc/contacts.list'],
    ['an empty input', '/trpc/contacts.list?input='],
    ['an encoded path', `/trpc/contacts%2Elist?input=${input({ limit: 2 })}`],
    ['an invalid field', `/trpc/contacts.list?input=${input({ limit: 0 })}`],
    ['an unknown field', `/trpc/contacts.list?input=${input({ limit: 1, nope: true })}`],
    ['an input that is not an object', `/trpc/contacts.list?input=${input('x')}`],
    ['a domain error', `/trpc/contacts.get?input=${input({ id: 'missing' })}`],
    ['an unexpected error', `/trpc/contacts.get?input=${input({ id: 'boom' })}`],
    ['a batch', `/trpc/contacts.list,segments.list?batch=1&input=${input({ 0: { limit: 1 } })}`],
    [
      'a batch with mixed outcomes (207)',
      `/trpc/contacts.get,contacts.get,contacts.list?batch=1&input=${input({
        0: { id: '{first}' },
        1: { id: 'missing' },
        2: { limit: 0 },
      })}`,
    ],
    ['a batch of failures alike', `/trpc/contacts.get,contacts.get?batch=1&input=${input({ 0: {}, 1: {} })}`],
    ['a batch without input', '/trpc/contacts.list,segments.list?batch=1'],
    ['a JSON content type', `/trpc/contacts.list?input=${input({})}`, { 'content-type': 'application/json' }],
  ])('answers %s as tRPC does', async (_name, url, headers = {}) => {
    const { mine, theirs, answeredByPlugin } = await answers(url, 'GET', headers);
    expect(mine).toEqual(theirs);
    expect(answeredByPlugin).toBe(true);
  });
});

it('reads real rows: a mixed batch is 207 with the contact in it', async () => {
  const { mine } = await answers(
    `/trpc/contacts.get,contacts.get?batch=1&input=${input({ 0: { id: '{first}' }, 1: { id: 'missing' } })}`,
  );
  expect(mine.status).toBe(207);
  expect(mine.body).toContain('"email":"ada@example.com"');
});

describe('requests left to tRPC', () => {
  it.each<Case>([
    ['an unknown procedure', `/trpc/contacts.nope?input=${input({})}`],
    ['a mutation asked by GET', `/trpc/contacts.delete?input=${input({ id: 'x' })}`],
    ['a batch mixing a query and a mutation', '/trpc/contacts.list,contacts.delete?batch=1'],
    ['input that is not JSON', '/trpc/contacts.list?input=%7Blimit'],
    ['batch input that is not an object', `/trpc/contacts.list?batch=1&input=${input([{ limit: 1 }])}`],
    ['a path that decodes to a malformed encoding', '/trpc/contacts.list%25E0%25A4%25A'],
    ['prototype keys as paths', '/trpc/constructor,__proto__?batch=1'],
    ['connection params', `/trpc/contacts.list?connectionParams=${input({ a: '1' })}`],
    ['form data', '/trpc/contacts.list', { 'content-type': 'multipart/form-data; boundary=x' }],
    ['a streamed batch', '/trpc/contacts.list?batch=1', { 'trpc-accept': 'application/jsonl' }],
    ['a stream asked without batching', '/trpc/contacts.list', { accept: 'application/jsonl' }],
  ])('answers %s as tRPC does', async (_name, url, headers = {}) => {
    const { mine, theirs, answeredByPlugin } = await answers(url, 'GET', headers);
    expect(mine).toEqual(theirs);
    expect(answeredByPlugin).toBe(false);
  });

  it('answers HEAD as tRPC does', async () => {
    const { mine, theirs } = await answers('/trpc/contacts.list', 'HEAD');
    expect(mine).toEqual(theirs);
  });
});
