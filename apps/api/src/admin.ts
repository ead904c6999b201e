import { createHash, timingSafeEqual } from 'node:crypto';
import { type Services, UnauthorizedError } from '@pristinesend/domain';
import {
  errorHandler,
  jsonBodiesOnly,
  notFoundHandler,
  parseBody,
  pathParam,
  resource,
} from '@pristinesend/rest';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { bearerToken } from './auth.js';

const digest = (text: string) => createHash('sha256').update(text, 'utf8').digest();

const createWorkspaceBody = z.strictObject({ name: z.string() });

/**
 * Administration over HTTP (`/admin/v1`). Without an admin token configured the
 * whole prefix answers 404, as if it did not exist.
 */
export async function adminApi(
  app: FastifyInstance,
  { services, adminToken }: { services: Services; adminToken?: string },
) {
  jsonBodiesOnly(app);
  app.setErrorHandler(errorHandler);
  app.setNotFoundHandler(notFoundHandler);
  if (!adminToken) return;
  const expected = digest(adminToken);
  app.addHook('onRequest', async (request) => {
    const token = bearerToken(request.headers.authorization);
    // Comparing digests keeps the comparison constant-time whatever the token's length.
    if (!token || !timingSafeEqual(digest(token), expected)) {
      throw new UnauthorizedError(
        'A valid admin token is required: send "Authorization: Bearer <PRISTINESEND_ADMIN_TOKEN>".',
      );
    }
  });

  resource(app, '/workspaces', {
    POST: async (request, reply) => {
      const { workspace, key } = await services.workspaces.createWorkspace(
        parseBody(request, createWorkspaceBody),
      );
      return reply.code(201).send({
        id: workspace.id,
        name: workspace.name,
        created_at: workspace.createdAt.toISOString(),
        api_key: key.apiKey,
      });
    },
  });

  resource(app, '/workspaces/:id/api-keys', {
    POST: async (request, reply) => {
      const key = await services.workspaces.createApiKey(pathParam(request, 'id'));
      return reply.code(201).send({
        id: key.id,
        prefix: key.prefix,
        api_key: key.apiKey,
        created_at: key.createdAt.toISOString(),
      });
    },
  });

  resource(app, '/api-keys/:id', {
    DELETE: async (request, reply) => {
      await services.workspaces.revokeApiKey(pathParam(request, 'id'));
      return reply.code(204).send();
    },
  });
}
