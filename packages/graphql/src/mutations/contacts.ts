import type { Contact, ContactChanges, NewContactInput } from '@pristinesend/domain';
import { builder } from '../builder.js';
import { idOf, toGlobalId } from '../node-id.js';
import { ContactRef, ContactStatus } from '../types/contact.js';

/*
 * Inputs are named as on the type and handed to the domain as they came: the domain parses
 * them, so its rules (and `param` names, which are GraphQL's) are written once. A field set
 * to null reaches it as null, which it refuses where null means nothing (status, properties).
 */

const CreateContactInput = builder.inputType('CreateContactInput', {
  fields: (t) => ({
    email: t.string({ required: true }),
    firstName: t.string(),
    lastName: t.string(),
    status: t.field({ type: ContactStatus, description: 'Default SUBSCRIBED.' }),
    properties: t.field({ type: 'JSON', description: 'A JSON object; keys set to null are left out.' }),
  }),
});

const UpdateContactInput = builder.inputType('UpdateContactInput', {
  fields: (t) => ({
    id: t.id({ required: true }).validate(idOf('Contact')),
    firstName: t.string(),
    lastName: t.string(),
    status: t.field({ type: ContactStatus }),
    properties: t.field({
      type: 'JSON',
      description: 'Merged key by key into the stored object; a key set to null is removed.',
    }),
  }),
});

const DeleteContactInput = builder.inputType('DeleteContactInput', {
  fields: (t) => ({ id: t.id({ required: true }).validate(idOf('Contact')) }),
});

const ContactPayload = (name: string) =>
  builder.objectRef<{ contact: Contact }>(name).implement({
    fields: (t) => ({ contact: t.expose('contact', { type: ContactRef }) }),
  });

const CreateContactPayload = ContactPayload('CreateContactPayload');
const UpdateContactPayload = ContactPayload('UpdateContactPayload');

const DeleteContactPayload = builder.objectRef<{ deletedId: string }>('DeleteContactPayload').implement({
  fields: (t) => ({ deletedId: t.exposeID('deletedId', { description: 'The global ID it had.' }) }),
});

builder.mutationFields((t) => ({
  createContact: t.field({
    type: CreateContactPayload,
    // Nullable payloads: one failed mutation does not null out the others in the request.
    nullable: true,
    args: { input: t.arg({ type: CreateContactInput, required: true }) },
    resolve: async (_root, { input }, context) => ({
      contact: await context.services.contacts.create(context.workspaceId, input as NewContactInput),
    }),
  }),
  updateContact: t.field({
    type: UpdateContactPayload,
    nullable: true,
    args: { input: t.arg({ type: UpdateContactInput, required: true }) },
    resolve: async (_root, { input: { id, ...changes } }, context) => ({
      contact: await context.services.contacts.update(context.workspaceId, id, changes as ContactChanges),
    }),
  }),
  deleteContact: t.field({
    type: DeleteContactPayload,
    nullable: true,
    args: { input: t.arg({ type: DeleteContactInput, required: true }) },
    resolve: async (_root, { input }, context) => {
      await context.services.contacts.delete(context.workspaceId, input.id);
      return { deletedId: toGlobalId('Contact', input.id) };
    },
  }),
}));
