import type { FastifyInstance, InjectOptions } from 'fastify';
import { expect } from 'vitest';

/** A REST call with a workspace's key; `body` is sent as JSON. */
export function caller(app: () => FastifyInstance, authorization: () => string) {
  return async (method: InjectOptions['method'], url: string, body?: unknown) =>
    app().inject({
      method,
      url,
      headers: { authorization: authorization() },
      ...(body !== undefined && { payload: body as InjectOptions['payload'] }),
    });
}

/** Asserts the error envelope, its request id header, and returns the error. */
export function expectError(
  response: {
    statusCode: number;
    headers: Record<string, unknown>;
    json: () => { error: Record<string, unknown> };
  },
  status: number,
  code: string,
  param?: string,
) {
  expect(response.statusCode).toBe(status);
  const { error } = response.json();
  expect(error.code).toBe(code);
  expect(error.request_id).toMatch(/^req_[0-9a-f]{24}$/);
  expect(response.headers['x-request-id']).toBe(error.request_id);
  expect(typeof error.message).toBe('string');
  if (param === undefined) expect(error).not.toHaveProperty('param');
  else expect(error.param).toBe(param);
  return error;
}
