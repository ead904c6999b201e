import { type ApiErrorCode, type DomainErrorCode, isDomainError, toDomainError } from '@pristinesend/domain';
import {
  type TRPC_ERROR_CODE_KEY,
  type TRPCDefaultErrorShape,
  TRPCError,
  type TRPCErrorFormatter,
} from '@trpc/server';
import { z } from 'zod';
import type { Context } from './context.js';

export type { ApiErrorCode };

/** The one table from domain error code to tRPC code: a new domain code fails to compile until mapped. */
export const TRPC_CODE = {
  invalid_request: 'BAD_REQUEST',
  missing_field: 'BAD_REQUEST',
  invalid_field: 'BAD_REQUEST',
  unauthorized: 'UNAUTHORIZED',
  not_found: 'NOT_FOUND',
  conflict: 'CONFLICT',
  idempotency_conflict: 'CONFLICT',
} as const satisfies Record<DomainErrorCode, TRPC_ERROR_CODE_KEY>;

/** Errors tRPC raises itself (unknown procedure, malformed batch, wrong method) in the contract's words. */
const PROTOCOL_API_CODE: Partial<Record<TRPC_ERROR_CODE_KEY, ApiErrorCode>> = {
  PARSE_ERROR: 'invalid_request',
  BAD_REQUEST: 'invalid_request',
  UNAUTHORIZED: 'unauthorized',
  NOT_FOUND: 'not_found',
  METHOD_NOT_SUPPORTED: 'method_not_allowed',
  CONFLICT: 'conflict',
  PAYLOAD_TOO_LARGE: 'payload_too_large',
  UNSUPPORTED_MEDIA_TYPE: 'unsupported_media_type',
  TOO_MANY_REQUESTS: 'rate_limited',
};

const INTERNAL_ERROR_MESSAGE = 'Internal server error';

/** The `data` every tRPC error carries besides tRPC's own `code` and `httpStatus`. */
export interface ApiErrorData {
  apiCode: ApiErrorCode;
  /** The input field the error is about (camelCase, as the client wrote it); only for field errors. */
  param?: string;
  requestId: string | undefined;
}

/**
 * Turns a failed procedure's error into the TRPCError the client sees: a domain
 * error by the table, and a zod error from tRPC's input parser through the
 * domain's own `toDomainError`, so a bad input reads the same as over REST.
 * Anything else is returned unchanged (the formatter masks unknown errors).
 */
export async function toTRPCError(error: TRPCError, rawInput: () => Promise<unknown>): Promise<TRPCError> {
  const cause = error.cause;
  if (isDomainError(cause))
    return new TRPCError({ code: TRPC_CODE[cause.code], message: cause.message, cause });
  if (error.code === 'BAD_REQUEST' && cause instanceof z.ZodError) {
    const domain = toDomainError(cause, await rawInput());
    return new TRPCError({ code: TRPC_CODE[domain.code], message: domain.message, cause: domain });
  }
  return error;
}

// tRPC formats protocol-level failures (a malformed body, a bad batch) before any
// context exists; the adapter's onError sees the request first and leaves its id here.
const requestIds = new WeakMap<TRPCError, string>();

/** Remembers which request an error belongs to, for errors formatted without a context. */
export function rememberRequestId(error: TRPCError, requestId: string): void {
  requestIds.set(error, requestId);
}

type FormatterOptions = Parameters<TRPCErrorFormatter<Context, TRPCDefaultErrorShape>>[0];

/**
 * Adds `apiCode`, `param` and `requestId` to every error's `data`, masks unknown
 * errors as `internal_error`, and never sends a stack trace.
 */
export function errorFormatter({ shape, error, ctx }: FormatterOptions) {
  const cause = isDomainError(error.cause) ? error.cause : undefined;
  const apiCode: ApiErrorCode = cause?.code ?? PROTOCOL_API_CODE[error.code] ?? 'internal_error';
  const { stack: _stack, ...data } = shape.data;
  const extra: ApiErrorData = {
    apiCode,
    ...(cause?.param !== undefined && { param: cause.param }),
    requestId: ctx?.requestId ?? requestIds.get(error),
  };
  return {
    ...shape,
    message: apiCode === 'internal_error' ? INTERNAL_ERROR_MESSAGE : shape.message,
    data: { ...data, ...extra },
  };
}
