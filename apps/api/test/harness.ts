import {
  createTestDatabase,
  createTestWorkspace,
  type TestDatabase,
  type TestWorkspace,
} from '@pristinesend/testing';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll } from 'vitest';
import { buildServer, type ServerOptions } from '../src/server.js';

export interface TestApp {
  app: FastifyInstance;
  db: TestDatabase;
  /** A workspace with its key, fresh for the file. */
  workspace: TestWorkspace;
  /** Another workspace, for isolation tests. */
  other: TestWorkspace;
  /** Base URL once `listen()` was asked for. */
  url: string;
}

/**
 * One server per test file on its own cloned database. Pass `listen: true` for
 * tests that need a real socket (tRPC client, SDK); `inject` works either way.
 */
export function useTestApp(
  options: { listen?: boolean } & Partial<Omit<ServerOptions, 'services'>> = {},
): TestApp {
  const context = {} as TestApp;
  beforeAll(async () => {
    context.db = await createTestDatabase();
    context.app = await buildServer({ services: context.db.services, ...options });
    context.workspace = await createTestWorkspace(context.db.services);
    context.other = await createTestWorkspace(context.db.services);
    if (options.listen) {
      await context.app.listen({ port: 0, host: '127.0.0.1' });
      const address = context.app.server.address();
      context.url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    }
  });
  afterAll(async () => {
    await context.app?.close();
    await context.db?.close();
  });
  return context;
}
