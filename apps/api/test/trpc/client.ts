import type { AppRouter } from '@pristinesend/trpc';
import { createTRPCClient, httpBatchLink, TRPCClientError } from '@trpc/client';
import { expect } from 'vitest';

/**
 * A typed client over real HTTP, as a frontend builds it. `fetch` is injectable so a
 * test can count the HTTP requests a batch makes.
 */
export function trpcClient(baseUrl: string, authorization?: string, fetchImpl: typeof fetch = fetch) {
  return createTRPCClient<AppRouter>({
    links: [
      httpBatchLink({
        url: `${baseUrl}/trpc`,
        headers: () => (authorization === undefined ? {} : { authorization }),
        fetch: fetchImpl,
      }),
    ],
  });
}

export type TrpcClient = ReturnType<typeof trpcClient>;

/** The error a call fails with; fails the test when the call succeeds. */
export async function trpcError(call: Promise<unknown>): Promise<TRPCClientError<AppRouter>> {
  try {
    await call;
  } catch (error) {
    if (error instanceof TRPCClientError) return error as TRPCClientError<AppRouter>;
    throw error;
  }
  expect.fail('expected the call to fail with a tRPC error');
}

/** Asserts the tRPC code, the contract's code and, when given, the param. */
export async function expectTrpcError(
  call: Promise<unknown>,
  expected: { code: string; apiCode: string; param?: string; httpStatus?: number },
) {
  const error = await trpcError(call);
  expect(error.data).toMatchObject({
    code: expected.code,
    apiCode: expected.apiCode,
    ...(expected.httpStatus !== undefined && { httpStatus: expected.httpStatus }),
  });
  expect(error.data?.param).toBe(expected.param);
  expect(error.data?.requestId).toMatch(/^req_[0-9a-f]{24}$/);
  return error;
}

/** The body of a raw tRPC error response (a single call, or a whole request refused). */
export async function errorBody(
  response: Response,
): Promise<{ error: { message: string; code: number; data: Record<string, unknown> } }> {
  return (await response.json()) as {
    error: { message: string; code: number; data: Record<string, unknown> };
  };
}
