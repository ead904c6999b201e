import type { WorkspaceService } from '@pristinesend/domain';
import type { FastifyRequest } from 'fastify';

declare module 'fastify' {
  interface FastifyRequest {
    /** The workspace of the request's API key; null when absent, unknown or revoked. */
    workspaceId: string | null;
  }
}

/** Paths whose every request needs an API key, whatever the route. */
const PROTECTED = ['/api/v1', '/trpc', '/graphql'];

export function isProtectedPath(url: string): boolean {
  const path = url.split('?')[0] ?? '';
  return PROTECTED.some((prefix) => path === prefix || path.startsWith(`${prefix}/`));
}

/** The credential of `Authorization: Bearer <credential>`, or undefined. */
export function bearerToken(header: string | undefined): string | undefined {
  const match = /^Bearer +(\S+) *$/i.exec(header ?? '');
  return match?.[1];
}

/** Resolves the key to its workspace once per request; adapters answer a null in their own shape. */
export function authenticator(workspaces: WorkspaceService) {
  return async (request: FastifyRequest) => {
    if (!isProtectedPath(request.url)) return;
    const token = bearerToken(request.headers.authorization);
    request.workspaceId = token ? await workspaces.authenticate(token) : null;
  };
}
