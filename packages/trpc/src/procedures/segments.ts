import { contactIdsSchema, fields } from '@pristinesend/domain';
import { z } from 'zod';
import { router, workspaceProcedure } from '../base.js';
import { cursorInput, pageToWire, segmentToWire, targetId } from '../wire.js';

const listInput = z
  .strictObject({ limit: fields.limitNumber.optional(), cursor: cursorInput.optional() })
  .optional();

const createInput = z.strictObject({
  name: fields.segmentName,
  description: fields.segmentDescription.optional(),
});

const updateInput = z.strictObject({
  id: targetId('id'),
  name: fields.segmentName.optional(),
  description: fields.segmentDescription.optional(),
});

const idInput = z.strictObject({ id: targetId('id') });

const membersInput = z.strictObject({ segmentId: targetId('segmentId'), contactIds: contactIdsSchema });

/** `segments.*`: the segment and membership procedures of API.md §5. */
export const segmentsRouter = router({
  list: workspaceProcedure
    .input(listInput)
    .query(async ({ ctx, input = {} }) =>
      pageToWire(await ctx.services.segments.list(ctx.workspaceId, input), segmentToWire),
    ),
  get: workspaceProcedure
    .input(idInput)
    .query(async ({ ctx, input }) =>
      segmentToWire(await ctx.services.segments.get(ctx.workspaceId, input.id)),
    ),
  create: workspaceProcedure
    .input(createInput)
    .mutation(async ({ ctx, input }) =>
      segmentToWire(await ctx.services.segments.create(ctx.workspaceId, input)),
    ),
  update: workspaceProcedure.input(updateInput).mutation(async ({ ctx, input }) => {
    const { id, ...changes } = input;
    return segmentToWire(await ctx.services.segments.update(ctx.workspaceId, id, changes));
  }),
  delete: workspaceProcedure.input(idInput).mutation(async ({ ctx, input }) => {
    await ctx.services.segments.delete(ctx.workspaceId, input.id);
    return { id: input.id };
  }),
  addContacts: workspaceProcedure.input(membersInput).mutation(async ({ ctx, input }) => ({
    added: await ctx.services.segments.addContacts(ctx.workspaceId, input.segmentId, input.contactIds),
  })),
  removeContacts: workspaceProcedure.input(membersInput).mutation(async ({ ctx, input }) => ({
    removed: await ctx.services.segments.removeContacts(ctx.workspaceId, input.segmentId, input.contactIds),
  })),
});
