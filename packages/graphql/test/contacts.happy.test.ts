import { describe, expect, it } from 'vitest';
import { toGlobalId } from '../src/index.js';
import { type IdEdge, useGraphQL } from './helpers.js';

const t = useGraphQL();

const CONTACT = 'id databaseId email firstName lastName status properties createdAt updatedAt';

describe('contacts: queries and mutations', () => {
  it('creates, reads by UUID and by global ID, updates and deletes a contact', async () => {
    const created = await t.gql(
      `mutation ($input: CreateContactInput!) { createContact(input: $input) { contact { ${CONTACT} } } }`,
      {
        input: {
          email: '  Jane@Example.com ',
          firstName: 'Jane',
          lastName: 'Doe',
          status: 'UNSUBSCRIBED',
          properties: { city: 'Seattle', dropped: null },
        },
      },
    );
    expect(created.errors).toBeUndefined();
    const contact = created.data?.createContact.contact;
    expect(contact).toMatchObject({
      email: 'Jane@Example.com',
      firstName: 'Jane',
      lastName: 'Doe',
      status: 'UNSUBSCRIBED',
      properties: { city: 'Seattle' },
    });
    expect(contact.id).toBe(toGlobalId('Contact', contact.databaseId));
    expect(contact.createdAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);

    for (const id of [contact.id, contact.databaseId, contact.databaseId.toUpperCase()]) {
      const read = await t.gql(`query ($id: ID!) { contact(id: $id) { ${CONTACT} } }`, { id });
      expect(read.data?.contact).toEqual(contact);
    }
    const viaNode = await t.gql(
      `query ($id: ID!) { node(id: $id) { __typename id ... on Contact { email } } }`,
      {
        id: contact.id,
      },
    );
    expect(viaNode.data?.node).toEqual({ __typename: 'Contact', id: contact.id, email: 'Jane@Example.com' });

    const updated = await t.gql(
      `mutation ($input: UpdateContactInput!) { updateContact(input: $input) { contact { ${CONTACT} } } }`,
      {
        input: {
          id: contact.id,
          status: 'SUBSCRIBED',
          lastName: null,
          properties: { tier: 'pro', city: null },
        },
      },
    );
    expect(updated.errors).toBeUndefined();
    expect(updated.data?.updateContact.contact).toMatchObject({
      id: contact.id,
      lastName: null,
      status: 'SUBSCRIBED',
      properties: { tier: 'pro' },
    });

    const deleted = await t.gql(`mutation ($id: ID!) { deleteContact(input: { id: $id }) { deletedId } }`, {
      id: contact.databaseId,
    });
    expect(deleted.data?.deleteContact).toEqual({ deletedId: contact.id });
    const gone = await t.gql(
      `query ($id: ID!) { contact(id: $id) { id } node(id: "${contact.id}") { id } }`,
      {
        id: contact.id,
      },
    );
    expect(gone.errors).toBeUndefined();
    expect(gone.data).toEqual({ contact: null, node: null });
  });

  it('lists contacts newest first, filtered by status and by a literal, case-insensitive search', async () => {
    const stamp = Date.now();
    const a = await t.db.services.contacts.create(t.workspace.workspaceId, {
      email: `r_s.${stamp}@Filter.test`,
    });
    const b = await t.db.services.contacts.create(t.workspace.workspaceId, {
      email: `rxs.${stamp}@filter.test`,
      status: 'unsubscribed',
    });
    const c = await t.db.services.contacts.create(t.workspace.workspaceId, {
      email: `c.${stamp}@filter.test`,
    });

    const all = await t.gql(`query ($s: String) { contacts(search: $s) { edges { node { databaseId } } } }`, {
      s: `${stamp}@FILTER`,
    });
    expect(all.data?.contacts.edges.map((edge: IdEdge) => edge.node.databaseId)).toEqual([c.id, b.id, a.id]);

    const unsubscribed = await t.gql(
      `query ($s: String) { contacts(search: $s, status: UNSUBSCRIBED) { edges { node { databaseId status } } } }`,
      { s: `${stamp}@` },
    );
    expect(unsubscribed.data?.contacts.edges).toEqual([
      { node: { databaseId: b.id, status: 'UNSUBSCRIBED' } },
    ]);

    const literal = await t.gql(
      `query ($s: String) { contacts(search: $s) { edges { node { databaseId } } } }`,
      {
        // `_` is a LIKE wildcard that would match rxs. too
        s: 'R_S.',
      },
    );
    expect(literal.data?.contacts.edges).toEqual([{ node: { databaseId: a.id } }]);
  });

  it('resolves several nodes at once, null where there is no such node', async () => {
    const [one, two] = await Promise.all([
      t.db.services.contacts.create(t.workspace.workspaceId, { email: `one.${Date.now()}@example.com` }),
      t.db.services.segments.create(t.workspace.workspaceId, { name: 'Two' }),
    ]);
    const missing = toGlobalId('Contact', '00000000-0000-4000-8000-000000000000');
    const unknownType = Buffer.from(`Workspace:${t.workspace.workspaceId}`).toString('base64');
    const ids = [toGlobalId('Segment', two.id), missing, toGlobalId('Contact', one.id), unknownType];
    const result = await t.gql(
      `query ($ids: [ID!]!) { nodes(ids: $ids) { __typename id ... on Segment { name } ... on Contact { email } } }`,
      { ids },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?.nodes).toEqual([
      { __typename: 'Segment', id: ids[0], name: 'Two' },
      null,
      { __typename: 'Contact', id: ids[2], email: one.email },
      null,
    ]);
  });
});
