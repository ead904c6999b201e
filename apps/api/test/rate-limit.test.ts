import { describe, expect, it } from 'vitest';
import { useTestApp } from './harness.js';
import { expectError } from './rest/request.js';

const t = useTestApp({ rateLimit: { perSecond: 5 } });

describe('rate limits', () => {
  it('limits each key separately, with RateLimit headers and a 429 envelope carrying Retry-After', async () => {
    const get = (authorization: string) =>
      t.app.inject({ method: 'GET', url: '/api/v1/contacts', headers: { authorization } });
    const responses = [];
    for (let i = 0; i < 6; i++) responses.push(await get(t.workspace.authorization));
    expect(responses.slice(0, 5).map((response) => response.statusCode)).toEqual([200, 200, 200, 200, 200]);
    expect(responses[0]?.headers['ratelimit-limit']).toBe('5');
    expect(responses[0]?.headers['ratelimit-remaining']).toBe('4');
    expect(Number(responses[0]?.headers['ratelimit-reset'])).toBeGreaterThanOrEqual(0);
    const limited = responses[5];
    if (!limited) throw new Error('no sixth response');
    expectError(limited, 429, 'rate_limited');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    // Another key has its own budget.
    expect((await get(t.other.authorization)).statusCode).toBe(200);
    // The window is one second.
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect((await get(t.workspace.authorization)).statusCode).toBe(200);
  });

  it('leaves health checks alone', async () => {
    for (let i = 0; i < 8; i++) {
      const response = await t.app.inject({ method: 'GET', url: '/healthz' });
      expect(response.statusCode).toBe(200);
      expect(response.headers['ratelimit-limit']).toBeUndefined();
    }
  });
});

describe('rate limits on every adapter', () => {
  const limited = useTestApp({ rateLimit: { perSecond: 2 } });

  it('puts RateLimit headers on tRPC and GraphQL responses and answers 429 in their own shapes', async () => {
    const headers = { authorization: limited.workspace.authorization };
    const trpc = () =>
      limited.app.inject({ method: 'GET', url: '/trpc/contacts.list?input=%7B%7D', headers });
    const graphql = () =>
      limited.app.inject({
        method: 'POST',
        url: '/graphql',
        headers: { ...headers, 'content-type': 'application/json' },
        payload: { query: '{ contacts(first: 1) { edges { node { id } } } }' },
      });
    const first = await trpc();
    expect(first.statusCode).toBe(200);
    expect(first.headers['ratelimit-limit']).toBe('2');
    const second = await graphql();
    expect(second.statusCode).toBe(200);
    expect(second.headers['ratelimit-remaining']).toBe('0');

    const trpcLimited = await trpc();
    expect(trpcLimited.statusCode).toBe(429);
    expect(trpcLimited.headers['retry-after']).toBeDefined();
    expect(trpcLimited.json().error.data).toMatchObject({
      code: 'TOO_MANY_REQUESTS',
      apiCode: 'rate_limited',
    });

    const graphqlLimited = await graphql();
    expect(graphqlLimited.statusCode).toBe(429);
    expect(graphqlLimited.headers['retry-after']).toBeDefined();
    expect(graphqlLimited.json().errors[0].extensions.code).toBe('rate_limited');
  });
});
