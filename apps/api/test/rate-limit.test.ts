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
