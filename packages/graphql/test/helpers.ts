import {
  createTestDatabase,
  createTestWorkspace,
  type TestDatabase,
  type TestWorkspace,
} from '@pristinesend/testing';
import { afterAll, beforeAll } from 'vitest';
import { createGraphQLYoga, type GraphQLLimits, type GraphQLYoga } from '../src/index.js';

/** A response's `data`, whose shape is the query's: assertions check it at run time. */
// biome-ignore lint/suspicious/noExplicitAny: the tests read responses structurally
export type Data = Record<string, any>;

/** An edge as the tests select it. */
export interface IdEdge {
  node: { id: string; databaseId: string };
}

export interface GraphQLResponse<T = Data> {
  status: number;
  headers: Headers;
  data?: T | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
}

export interface TestGraphQL {
  db: TestDatabase;
  yoga: GraphQLYoga;
  workspace: TestWorkspace;
  /** Another workspace, for isolation tests. */
  other: TestWorkspace;
  /** Runs an operation as `workspace` (or as the workspace given). */
  gql<T = Data>(
    query: string,
    variables?: Record<string, unknown>,
    as?: { workspaceId: string | null },
  ): Promise<GraphQLResponse<T>>;
}

/** One yoga per test file on its own cloned database, driven through `yoga.fetch`. */
export function useGraphQL(options: { limits?: Partial<GraphQLLimits>; now?: () => Date } = {}): TestGraphQL {
  const context = {} as TestGraphQL;
  beforeAll(async () => {
    context.db = await createTestDatabase({ now: options.now });
    context.yoga = createGraphQLYoga({ services: context.db.services, limits: options.limits });
    context.workspace = await createTestWorkspace(context.db.services);
    context.other = await createTestWorkspace(context.db.services);
    context.gql = async (query, variables, as = context.workspace) => {
      const response = await context.yoga.fetch(
        'http://localhost/graphql',
        {
          method: 'POST',
          headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
          body: JSON.stringify({ query, variables }),
        },
        { workspaceId: as.workspaceId },
      );
      const body = (await response.json()) as Omit<GraphQLResponse, 'status' | 'headers'>;
      return { status: response.status, headers: response.headers, ...body } as GraphQLResponse<never>;
    };
  });
  afterAll(async () => {
    await context.db?.close();
  });
  return context;
}

/** Creates `count` contacts in the workspace through the domain, newest last. */
export async function seedContacts(
  t: TestGraphQL,
  count: number,
  prefix = 'seed',
  workspaceId = t.workspace.workspaceId,
) {
  const contacts = [];
  for (let i = 0; i < count; i++) {
    contacts.push(
      await t.db.services.contacts.create(workspaceId, { email: `${prefix}.${i}.${Date.now()}@example.com` }),
    );
  }
  return contacts;
}
