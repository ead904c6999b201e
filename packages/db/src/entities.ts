import { EntitySchema } from '@mikro-orm/core';
import type { ApiKey, Contact, Segment, Workspace } from '@pristinesend/domain';

/**
 * The persistence model, declared without decorators. Migrations are written by
 * hand (see migrations/); these schemas mirror them, hand-made indexes included,
 * so a generated schema diff does not try to drop what the migrations made.
 */

const ms = { type: 'datetime', length: 3 } as const;

export const WorkspaceEntity = new EntitySchema<Workspace>({
  name: 'Workspace',
  tableName: 'workspaces',
  properties: {
    id: { type: 'uuid', primary: true },
    name: { type: 'text' },
    createdAt: { ...ms },
  },
});

export const ApiKeyEntity = new EntitySchema<ApiKey>({
  name: 'ApiKey',
  tableName: 'api_keys',
  properties: {
    workspaceId: { type: 'uuid', primary: true },
    id: { type: 'uuid', primary: true },
    prefix: { type: 'text' },
    keyHash: { type: 'text', index: 'api_keys_key_hash_idx' },
    createdAt: { ...ms },
    revokedAt: { ...ms, nullable: true },
  },
  indexes: [{ name: 'api_keys_id_idx', properties: ['id'] }],
});

export const ContactEntity = new EntitySchema<Contact>({
  name: 'Contact',
  tableName: 'contacts',
  properties: {
    workspaceId: { type: 'uuid', primary: true },
    id: { type: 'uuid', primary: true },
    email: { type: 'text' },
    firstName: { type: 'text', nullable: true },
    lastName: { type: 'text', nullable: true },
    status: { type: 'text' },
    properties: { type: 'json' },
    createdAt: { ...ms },
    updatedAt: { ...ms },
  },
  indexes: [
    {
      name: 'contacts_email_unique',
      expression: 'create unique index contacts_email_unique on contacts (workspace_id, lower(email))',
    },
    {
      name: 'contacts_newest_idx',
      expression: 'create index contacts_newest_idx on contacts (workspace_id, created_at desc, id desc)',
    },
    {
      name: 'contacts_status_newest_idx',
      expression:
        'create index contacts_status_newest_idx on contacts (workspace_id, status, created_at desc, id desc)',
    },
    {
      name: 'contacts_email_trgm_idx',
      expression: 'create index contacts_email_trgm_idx on contacts using gin (lower(email) gin_trgm_ops)',
    },
  ],
});

export const SegmentEntity = new EntitySchema<Segment>({
  name: 'Segment',
  tableName: 'segments',
  properties: {
    workspaceId: { type: 'uuid', primary: true },
    id: { type: 'uuid', primary: true },
    name: { type: 'text' },
    description: { type: 'text', nullable: true },
    createdAt: { ...ms },
    updatedAt: { ...ms },
  },
  indexes: [
    {
      name: 'segments_newest_idx',
      expression: 'create index segments_newest_idx on segments (workspace_id, created_at desc, id desc)',
    },
  ],
});

export interface SegmentMembership {
  workspaceId: string;
  segmentId: string;
  contactId: string;
  contactCreatedAt: Date;
  createdAt: Date;
}

export const SegmentMembershipEntity = new EntitySchema<SegmentMembership>({
  name: 'SegmentMembership',
  tableName: 'segment_memberships',
  properties: {
    workspaceId: { type: 'uuid', primary: true },
    segmentId: { type: 'uuid', primary: true },
    contactId: { type: 'uuid', primary: true },
    contactCreatedAt: { ...ms },
    createdAt: { ...ms },
  },
  indexes: [
    {
      name: 'segment_memberships_newest_idx',
      expression:
        'create index segment_memberships_newest_idx on segment_memberships (workspace_id, segment_id, contact_created_at desc, contact_id desc)',
    },
    { name: 'segment_memberships_contact_idx', properties: ['workspaceId', 'contactId'] },
  ],
});

export const entities = [
  WorkspaceEntity,
  ApiKeyEntity,
  ContactEntity,
  SegmentEntity,
  SegmentMembershipEntity,
];
