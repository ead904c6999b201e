import { beforeAll, describe, expect, it } from 'vitest';
import { toGlobalId } from '../src/index.js';
import { useGraphQL } from './helpers.js';

const t = useGraphQL();

/** Another workspace's contact and segment (with the contact as member), and one of our own. */
const foreign = { contact: '', segment: '' };
let ownSegment: string;
let ownContact: string;

beforeAll(async () => {
  const contact = await t.db.services.contacts.create(t.other.workspaceId, { email: 'theirs@example.com' });
  const segment = await t.db.services.segments.create(t.other.workspaceId, { name: 'Theirs' });
  await t.db.services.segments.addContacts(t.other.workspaceId, segment.id, [contact.id]);
  foreign.contact = contact.id;
  foreign.segment = segment.id;
  ownSegment = (await t.db.services.segments.create(t.workspace.workspaceId, { name: 'Ours' })).id;
  ownContact = (await t.db.services.contacts.create(t.workspace.workspaceId, { email: 'ours@example.com' }))
    .id;
});

describe('another workspace’s data does not exist', () => {
  it('reads of its contact and segment are null, by UUID and by global ID', async () => {
    for (const [contactId, segmentId] of [
      [foreign.contact, foreign.segment],
      [toGlobalId('Contact', foreign.contact), toGlobalId('Segment', foreign.segment)],
    ]) {
      const result = await t.gql(
        `query ($c: ID!, $s: ID!, $ids: [ID!]!) { contact(id: $c) { id } segment(id: $s) { id } nodes(ids: $ids) { id } }`,
        {
          c: contactId,
          s: segmentId,
          ids: [toGlobalId('Contact', foreign.contact), toGlobalId('Segment', foreign.segment)],
        },
      );
      expect(result.errors).toBeUndefined();
      expect(result.data).toEqual({ contact: null, segment: null, nodes: [null, null] });
    }
  });

  it('a foreign segmentId is not_found, in contacts and in membership mutations', async () => {
    const list = await t.gql(`query ($id: ID) { contacts(segmentId: $id) { edges { cursor } } }`, {
      id: foreign.segment,
    });
    expect(list.errors?.[0]?.extensions).toEqual({ code: 'not_found' });
    for (const mutation of ['addContactsToSegment', 'removeContactsFromSegment']) {
      const result = await t.gql(
        `mutation ($s: ID!, $c: [ID!]!) { ${mutation}(input: { segmentId: $s, contactIds: $c }) { segment { id } } }`,
        { s: toGlobalId('Segment', foreign.segment), c: [ownContact] },
      );
      expect(result.errors?.[0]?.extensions).toEqual({ code: 'not_found' });
    }
  });

  it('its contacts cannot be changed, deleted or added to our segments', async () => {
    const update = await t.gql(
      `mutation ($id: ID!) { updateContact(input: { id: $id, firstName: "Mine" }) { contact { id } } }`,
      {
        id: foreign.contact,
      },
    );
    expect(update.errors?.[0]?.extensions).toEqual({ code: 'not_found' });
    const remove = await t.gql(`mutation ($id: ID!) { deleteContact(input: { id: $id }) { deletedId } }`, {
      id: toGlobalId('Contact', foreign.contact),
    });
    expect(remove.errors?.[0]?.extensions).toEqual({ code: 'not_found' });
    const add = await t.gql(
      `mutation ($s: ID!, $c: [ID!]!) { addContactsToSegment(input: { segmentId: $s, contactIds: $c }) { added } }`,
      { s: ownSegment, c: [ownContact, foreign.contact] },
    );
    expect(add.errors?.[0]?.extensions).toEqual({ code: 'not_found' });
    // All or nothing: our own contact was not added either.
    const members = await t.gql(`query ($id: ID) { contacts(segmentId: $id) { edges { cursor } } }`, {
      id: ownSegment,
    });
    expect(members.data?.contacts.edges).toEqual([]);
    const theirs = await t.db.services.contacts.get(t.other.workspaceId, foreign.contact);
    expect(theirs.firstName).toBeNull();
  });

  it('lists show only the key’s workspace', async () => {
    const result = await t.gql(`{
      contacts { edges { node { databaseId segments { edges { node { databaseId } } } } } }
      segments { edges { node { databaseId } } }
    }`);
    expect(JSON.stringify(result.data)).not.toContain(foreign.contact);
    expect(JSON.stringify(result.data)).not.toContain(foreign.segment);
    expect(result.data?.contacts.edges).toEqual([
      { node: { databaseId: ownContact, segments: { edges: [] } } },
    ]);
  });
});
