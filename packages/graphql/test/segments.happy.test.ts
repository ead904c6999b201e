import { describe, expect, it } from 'vitest';
import { toGlobalId } from '../src/index.js';
import { type IdEdge, seedContacts, useGraphQL } from './helpers.js';

const t = useGraphQL();

const SEGMENT = 'id databaseId name description createdAt updatedAt';

describe('segments: queries and mutations', () => {
  it('creates, reads, lists, updates and deletes a segment', async () => {
    const created = await t.gql(
      `mutation { createSegment(input: { name: "VIPs", description: "Big spenders" }) { segment { ${SEGMENT} } } }`,
    );
    expect(created.errors).toBeUndefined();
    const segment = created.data?.createSegment.segment;
    expect(segment).toMatchObject({ name: 'VIPs', description: 'Big spenders' });
    expect(segment.id).toBe(toGlobalId('Segment', segment.databaseId));

    for (const id of [segment.id, segment.databaseId]) {
      const read = await t.gql(
        `query ($id: ID!) { segment(id: $id) { ${SEGMENT} } node(id: "${segment.id}") { id } }`,
        {
          id,
        },
      );
      expect(read.data).toEqual({ segment, node: { id: segment.id } });
    }

    const listed = await t.gql(
      `{ segments(first: 10) { edges { cursor node { id } } pageInfo { hasNextPage } } }`,
    );
    expect(listed.data?.segments.edges.map((edge: IdEdge) => edge.node.id)).toContain(segment.id);

    const updated = await t.gql(
      `mutation ($id: ID!) { updateSegment(input: { id: $id, description: null }) { segment { ${SEGMENT} } } }`,
      { id: segment.databaseId },
    );
    expect(updated.data?.updateSegment.segment).toMatchObject({
      id: segment.id,
      name: 'VIPs',
      description: null,
    });

    const deleted = await t.gql(`mutation ($id: ID!) { deleteSegment(input: { id: $id }) { deletedId } }`, {
      id: segment.id,
    });
    expect(deleted.data?.deleteSegment).toEqual({ deletedId: segment.id });
    const gone = await t.gql(`query ($id: ID!) { segment(id: $id) { id } }`, { id: segment.id });
    expect(gone.data).toEqual({ segment: null });
  });

  it('adds and removes members with either ID form and reads them from both sides', async () => {
    const [first, second, third] = await seedContacts(t, 3, 'member');
    if (!first || !second || !third) throw new Error('seed failed');
    const segment = await t.db.services.segments.create(t.workspace.workspaceId, { name: 'Members' });
    const segmentId = toGlobalId('Segment', segment.id);

    const added = await t.gql(
      `mutation ($input: AddContactsToSegmentInput!) {
         addContactsToSegment(input: $input) { added segment { id name } } }`,
      { input: { segmentId, contactIds: [toGlobalId('Contact', first.id), second.id, second.id, third.id] } },
    );
    expect(added.errors).toBeUndefined();
    expect(added.data?.addContactsToSegment).toEqual({
      added: 3,
      segment: { id: segmentId, name: 'Members' },
    });

    const again = await t.gql(
      `mutation ($input: AddContactsToSegmentInput!) { addContactsToSegment(input: $input) { added } }`,
      { input: { segmentId: segment.id, contactIds: [first.id] } },
    );
    expect(again.data?.addContactsToSegment).toEqual({ added: 0 });

    for (const id of [segmentId, segment.id]) {
      const bySegmentId = await t.gql(
        `query ($id: ID) { contacts(segmentId: $id) { edges { node { databaseId } } } }`,
        {
          id,
        },
      );
      expect(bySegmentId.data?.contacts.edges.map((edge: IdEdge) => edge.node.databaseId)).toEqual([
        third.id,
        second.id,
        first.id,
      ]);
    }

    await t.db.services.contacts.update(t.workspace.workspaceId, second.id, { status: 'unsubscribed' });
    const fromSegment = await t.gql(
      `query ($id: ID!) { segment(id: $id) {
         all: contacts { edges { node { databaseId } } }
         unsubscribed: contacts(status: UNSUBSCRIBED) { edges { node { databaseId } } }
         searched: contacts(search: "MEMBER.2.") { edges { node { databaseId } } }
       } }`,
      { id: segmentId },
    );
    expect(fromSegment.errors).toBeUndefined();
    expect(fromSegment.data?.segment).toEqual({
      all: { edges: [third, second, first].map((contact) => ({ node: { databaseId: contact.id } })) },
      unsubscribed: { edges: [{ node: { databaseId: second.id } }] },
      searched: { edges: [{ node: { databaseId: third.id } }] },
    });

    const other = await t.db.services.segments.create(t.workspace.workspaceId, { name: 'Other' });
    await t.db.services.segments.addContacts(t.workspace.workspaceId, other.id, [first.id]);
    const fromContact = await t.gql(
      `query ($id: ID!) { contact(id: $id) { segments { edges { node { name } } } } }`,
      {
        id: first.id,
      },
    );
    expect(fromContact.data?.contact.segments.edges).toEqual([
      { node: { name: 'Other' } },
      { node: { name: 'Members' } },
    ]);

    const removed = await t.gql(
      `mutation ($input: RemoveContactsFromSegmentInput!) {
         removeContactsFromSegment(input: $input) { removed segment { id } } }`,
      { input: { segmentId, contactIds: [first.id, toGlobalId('Contact', second.id)] } },
    );
    expect(removed.data?.removeContactsFromSegment).toEqual({ removed: 2, segment: { id: segmentId } });
    const left = await t.gql(
      `query ($id: ID) { contacts(segmentId: $id) { edges { node { databaseId } } } }`,
      {
        id: segmentId,
      },
    );
    expect(left.data?.contacts.edges).toEqual([{ node: { databaseId: third.id } }]);
  });
});
