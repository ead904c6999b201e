import { fields } from '@pristinesend/domain';
import { z } from 'zod';
import { router, workspaceProcedure } from '../base.js';
import { contactToWire, cursorInput, pageToWire, propertiesInput, targetId } from '../wire.js';

const listInput = z
  .strictObject({
    limit: fields.limitNumber.optional(),
    cursor: cursorInput.optional(),
    status: fields.status.optional(),
    search: fields.search.optional(),
    segmentId: fields.uuid('segmentId').optional(),
  })
  .optional();

const createInput = z.strictObject({
  email: fields.email,
  firstName: fields.personName('firstName').optional(),
  lastName: fields.personName('lastName').optional(),
  status: fields.status.optional(),
  properties: propertiesInput.optional(),
});

const updateInput = z.strictObject({
  id: targetId('id'),
  email: fields.immutableEmail,
  firstName: fields.personName('firstName').optional(),
  lastName: fields.personName('lastName').optional(),
  status: fields.status.optional(),
  properties: propertiesInput.optional(),
});

const idInput = z.strictObject({ id: targetId('id') });

/** `contacts.*`: the contact procedures of API.md §5. */
export const contactsRouter = router({
  list: workspaceProcedure
    .input(listInput)
    .query(async ({ ctx, input = {} }) =>
      pageToWire(await ctx.services.contacts.list(ctx.workspaceId, input), contactToWire),
    ),
  get: workspaceProcedure
    .input(idInput)
    .query(async ({ ctx, input }) =>
      contactToWire(await ctx.services.contacts.get(ctx.workspaceId, input.id)),
    ),
  create: workspaceProcedure
    .input(createInput)
    .mutation(async ({ ctx, input }) =>
      contactToWire(await ctx.services.contacts.create(ctx.workspaceId, input)),
    ),
  update: workspaceProcedure.input(updateInput).mutation(async ({ ctx, input }) => {
    const { id, email: _email, ...changes } = input;
    return contactToWire(await ctx.services.contacts.update(ctx.workspaceId, id, changes));
  }),
  delete: workspaceProcedure.input(idInput).mutation(async ({ ctx, input }) => {
    await ctx.services.contacts.delete(ctx.workspaceId, input.id);
    return { id: input.id };
  }),
});
