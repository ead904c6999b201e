export { createCallerFactory } from './base.js';
export type { Context, Logger } from './context.js';
export { type ApiErrorCode, type ApiErrorData, TRPC_CODE } from './errors.js';
export { type TrpcPluginOptions, trpcPlugin } from './plugin.js';
export { type AppRouter, appRouter } from './router.js';
export type { ContactWire, PageWire, SegmentWire } from './wire.js';
