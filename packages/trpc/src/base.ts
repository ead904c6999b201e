import { UnauthorizedError } from '@pristinesend/domain';
import { initTRPC } from '@trpc/server';
import type { Context } from './context.js';
import { errorFormatter, toTRPCError } from './errors.js';

const t = initTRPC.context<Context>().create({ errorFormatter });

/** Builds a router; every router of this package shares the one tRPC instance and its formatter. */
export const router = t.router;

/** Every procedure starts here, so every failure below is mapped in this one place. */
const baseProcedure = t.procedure.use(async ({ next, getRawInput }) => {
  const result = await next();
  if (!result.ok) throw await toTRPCError(result.error, getRawInput);
  return result;
});

/**
 * A procedure that needs a workspace. The plugin already answers a request without
 * a valid key with 401; this check keeps server-side callers honest and narrows the type.
 */
export const workspaceProcedure = baseProcedure.use(({ ctx, next }) => {
  if (ctx.workspaceId === null) throw new UnauthorizedError();
  return next({ ctx: { workspaceId: ctx.workspaceId } });
});

/** For server-side calls without HTTP: `createCallerFactory(appRouter)(context)`. */
export const createCallerFactory = t.createCallerFactory;
