import type { NewSegmentInput, Segment, SegmentChanges } from '@pristinesend/domain';
import { z } from 'zod';
import { builder } from '../builder.js';
import { idOf, toGlobalId } from '../node-id.js';
import { SegmentRef } from '../types/segment.js';

const CreateSegmentInput = builder.inputType('CreateSegmentInput', {
  fields: (t) => ({
    name: t.string({ required: true }),
    description: t.string(),
  }),
});

const UpdateSegmentInput = builder.inputType('UpdateSegmentInput', {
  fields: (t) => ({
    id: t.id({ required: true }).validate(idOf('Segment')),
    name: t.string(),
    description: t.string(),
  }),
});

const DeleteSegmentInput = builder.inputType('DeleteSegmentInput', {
  fields: (t) => ({ id: t.id({ required: true }).validate(idOf('Segment')) }),
});

/** Adding and removing take the same input; the domain bounds the list (1 to 1000 ids). */
const membershipInput = (name: string) =>
  builder.inputType(name, {
    fields: (t) => ({
      segmentId: t.id({ required: true }).validate(idOf('Segment')),
      contactIds: t.idList({ required: true }).validate(z.array(idOf('Contact'))),
    }),
  });

const AddContactsToSegmentInput = membershipInput('AddContactsToSegmentInput');
const RemoveContactsFromSegmentInput = membershipInput('RemoveContactsFromSegmentInput');

const SegmentPayload = (name: string) =>
  builder.objectRef<{ segment: Segment }>(name).implement({
    fields: (t) => ({ segment: t.expose('segment', { type: SegmentRef }) }),
  });

const CreateSegmentPayload = SegmentPayload('CreateSegmentPayload');
const UpdateSegmentPayload = SegmentPayload('UpdateSegmentPayload');

const DeleteSegmentPayload = builder.objectRef<{ deletedId: string }>('DeleteSegmentPayload').implement({
  fields: (t) => ({ deletedId: t.exposeID('deletedId', { description: 'The global ID it had.' }) }),
});

// The segment is loaded by id (through the request's DataLoader) only when it is selected.
const AddContactsToSegmentPayload = builder
  .objectRef<{ segmentId: string; added: number }>('AddContactsToSegmentPayload')
  .implement({
    fields: (t) => ({
      segment: t.field({ type: SegmentRef, resolve: (payload) => payload.segmentId }),
      added: t.exposeInt('added', { description: 'Contacts that were not members before.' }),
    }),
  });

const RemoveContactsFromSegmentPayload = builder
  .objectRef<{ segmentId: string; removed: number }>('RemoveContactsFromSegmentPayload')
  .implement({
    fields: (t) => ({
      segment: t.field({ type: SegmentRef, resolve: (payload) => payload.segmentId }),
      removed: t.exposeInt('removed', { description: 'Contacts that were members.' }),
    }),
  });

builder.mutationFields((t) => ({
  createSegment: t.field({
    type: CreateSegmentPayload,
    nullable: true,
    args: { input: t.arg({ type: CreateSegmentInput, required: true }) },
    resolve: async (_root, { input }, context) => ({
      segment: await context.services.segments.create(context.workspaceId, input as NewSegmentInput),
    }),
  }),
  updateSegment: t.field({
    type: UpdateSegmentPayload,
    nullable: true,
    args: { input: t.arg({ type: UpdateSegmentInput, required: true }) },
    resolve: async (_root, { input: { id, ...changes } }, context) => ({
      segment: await context.services.segments.update(context.workspaceId, id, changes as SegmentChanges),
    }),
  }),
  deleteSegment: t.field({
    type: DeleteSegmentPayload,
    nullable: true,
    args: { input: t.arg({ type: DeleteSegmentInput, required: true }) },
    resolve: async (_root, { input }, context) => {
      await context.services.segments.delete(context.workspaceId, input.id);
      return { deletedId: toGlobalId('Segment', input.id) };
    },
  }),
  addContactsToSegment: t.field({
    type: AddContactsToSegmentPayload,
    nullable: true,
    args: { input: t.arg({ type: AddContactsToSegmentInput, required: true }) },
    resolve: async (_root, { input }, context) => ({
      segmentId: input.segmentId,
      added: await context.services.segments.addContacts(
        context.workspaceId,
        input.segmentId,
        input.contactIds,
      ),
    }),
  }),
  removeContactsFromSegment: t.field({
    type: RemoveContactsFromSegmentPayload,
    nullable: true,
    args: { input: t.arg({ type: RemoveContactsFromSegmentInput, required: true }) },
    resolve: async (_root, { input }, context) => ({
      segmentId: input.segmentId,
      removed: await context.services.segments.removeContacts(
        context.workspaceId,
        input.segmentId,
        input.contactIds,
      ),
    }),
  }),
}));
