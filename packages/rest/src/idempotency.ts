import { InvalidRequestError, requestFingerprint, type Services } from '@pristinesend/domain';
import type { FastifyInstance, FastifyRequest } from 'fastify';

/**
 * `Idempotency-Key` on every POST: the first response (below 500, except 401 and
 * 429) is stored in PostgreSQL and replayed to retries for 24 hours, from any instance.
 */
export function idempotentPosts(
  app: FastifyInstance,
  services: Services,
  workspaceOf: (request: FastifyRequest) => string,
) {
  const claims = new WeakMap<FastifyRequest, { workspaceId: string; key: string }>();

  app.addHook('preHandler', async (request, reply) => {
    if (request.method !== 'POST') return;
    const key = request.headers['idempotency-key'];
    if (key === undefined) return;
    if (Array.isArray(key)) throw new InvalidRequestError('Send one Idempotency-Key header.');
    const workspaceId = workspaceOf(request);
    const fingerprint = requestFingerprint(request.method, request.url, request.body);
    const decision = await services.idempotency.begin(workspaceId, key, fingerprint);
    if (decision.kind === 'replay') {
      return reply
        .code(decision.status)
        .header('Idempotent-Replayed', 'true')
        .type('application/json; charset=utf-8')
        .send(decision.body);
    }
    claims.set(request, { workspaceId, key });
  });

  app.addHook('onSend', async (request, reply, payload) => {
    const claim = claims.get(request);
    if (!claim) return payload;
    claims.delete(request);
    try {
      await services.idempotency.finish(
        claim.workspaceId,
        claim.key,
        reply.statusCode,
        String(payload ?? ''),
      );
    } catch (error) {
      // The response itself succeeded; the key stays claimed until it counts as abandoned.
      request.log.error({ err: error }, 'could not store the idempotent response');
    }
    return payload;
  });
}
