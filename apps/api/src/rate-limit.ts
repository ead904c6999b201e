import rateLimit from '@fastify/rate-limit';
import { hashApiKey } from '@pristinesend/domain';
import { HttpError } from '@pristinesend/rest';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Redis } from 'ioredis';
import { bearerToken, isProtectedPath } from './auth.js';

export interface RateLimitOptions {
  /** Requests per second per API key; 0 turns limiting off. */
  perSecond: number;
  /** Shared counters across instances; without it each process counts alone. */
  redisUrl?: string;
}

/**
 * The bucket of a request: its API key (as a hash, so no key sits in memory or
 * Redis), or its address when it has no valid key.
 */
function bucket(request: FastifyRequest): string {
  const token = bearerToken(request.headers.authorization);
  return request.workspaceId && token ? `key:${hashApiKey(token)}` : `ip:${request.ip}`;
}

/**
 * Per-key limits on /api/v1, /trpc and /graphql alike, with `RateLimit-*` headers on
 * every response there. Registered after authentication so the key is known.
 */
export async function registerRateLimit(app: FastifyInstance, options: RateLimitOptions) {
  if (options.perSecond === 0) return;
  const redis = options.redisUrl
    ? new Redis(options.redisUrl, { maxRetriesPerRequest: 1, connectTimeout: 1000, lazyConnect: false })
    : undefined;
  if (redis) {
    redis.on('error', (error) => app.log.warn({ err: error }, 'rate-limit store unavailable'));
    app.addHook('onClose', async () => {
      await redis.quit().catch(() => redis.disconnect());
    });
  }
  await app.register(rateLimit, {
    global: true,
    max: options.perSecond,
    timeWindow: 1000,
    enableDraftSpec: true,
    redis,
    nameSpace: 'pristinesend-ratelimit:',
    // A Redis outage must not take the API down with it: fail open, and log.
    skipOnError: true,
    keyGenerator: bucket,
    allowList: (request) => !isProtectedPath(request.url),
    errorResponseBuilder: (_request, context) =>
      Object.assign(
        new HttpError(
          'rate_limited',
          `Rate limit of ${context.max} requests per second exceeded; retry after ${context.after}.`,
        ),
        { statusCode: 429 },
      ),
  });
}
