import { UnauthorizedError } from '@pristinesend/domain';
import { initTRPC, TRPCError } from '@trpc/server';
import type { Context } from './context.js';
import { errorFormatter, TRPC_CODE, toTRPCError } from './errors.js';

const t = initTRPC.context<Context>().create({ errorFormatter });

/** Builds a router; every router of this package shares the one tRPC instance and its formatter. */
export const router = t.router;

/**
 * Every procedure starts here: it needs a workspace, and every failure below is mapped in
 * this one place. The plugin already answers a request without a valid key with 401; the
 * check keeps server-side callers honest and narrows the type. One middleware rather than
 * two, because each level of tRPC's middleware chain copies the call's options twice.
 */
export const workspaceProcedure = t.procedure.use(async ({ ctx, next, getRawInput }) => {
  const { workspaceId } = ctx;
  if (workspaceId === null) {
    const cause = new UnauthorizedError();
    throw new TRPCError({ code: TRPC_CODE[cause.code], message: cause.message, cause });
  }
  const result = await next({ ctx: { workspaceId } });
  if (!result.ok) throw await toTRPCError(result.error, getRawInput);
  return result;
});

/** For server-side calls without HTTP: `createCallerFactory(appRouter)(context)`. */
export const createCallerFactory = t.createCallerFactory;
