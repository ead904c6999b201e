import { router } from './base.js';
import { contactsRouter } from './procedures/contacts.js';
import { segmentsRouter } from './procedures/segments.js';

/** The whole tRPC API of API.md §5. */
export const appRouter = router({
  contacts: contactsRouter,
  segments: segmentsRouter,
});

/** The router's type: all a frontend imports (`import type`) to get a typed client. */
export type AppRouter = typeof appRouter;
