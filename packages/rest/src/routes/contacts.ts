import { fields, properties } from '@pristinesend/domain';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { RestOptions } from '../plugin.js';
import { resource } from '../routing.js';
import { contactToWire, pageToWire, parseBody, parseQuery, pathParam } from '../wire.js';

const listQuery = z.object({
  limit: fields.limit.optional(),
  cursor: fields.cursor.optional(),
  status: fields.status.optional(),
  search: fields.search.optional(),
  segment_id: fields.uuid('segment_id').optional(),
});

const createBody = z.strictObject({
  email: fields.email,
  first_name: fields.personName('first_name').optional(),
  last_name: fields.personName('last_name').optional(),
  status: fields.status.optional(),
  properties: properties.optional(),
});

const updateBody = z.strictObject({
  email: fields.immutableEmail,
  first_name: fields.personName('first_name').optional(),
  last_name: fields.personName('last_name').optional(),
  status: fields.status.optional(),
  properties: properties.optional(),
});

export function contactRoutes(app: FastifyInstance, { services, workspaceOf }: RestOptions) {
  const { contacts } = services;

  resource(app, '/contacts', {
    GET: async (request) => {
      const query = parseQuery(request, listQuery);
      const page = await contacts.list(workspaceOf(request), {
        limit: query.limit,
        cursor: query.cursor,
        status: query.status,
        search: query.search,
        segmentId: query.segment_id,
      });
      return pageToWire(page, contactToWire);
    },
    POST: async (request, reply) => {
      const body = parseBody(request, createBody);
      const contact = await contacts.create(workspaceOf(request), {
        email: body.email,
        firstName: body.first_name,
        lastName: body.last_name,
        status: body.status,
        properties: body.properties,
      });
      return reply.code(201).send(contactToWire(contact));
    },
  });

  resource(app, '/contacts/:id', {
    GET: async (request) => contactToWire(await contacts.get(workspaceOf(request), pathParam(request, 'id'))),
    PATCH: async (request) => {
      const body = parseBody(request, updateBody);
      const contact = await contacts.update(workspaceOf(request), pathParam(request, 'id'), {
        firstName: body.first_name,
        lastName: body.last_name,
        status: body.status,
        properties: body.properties,
      });
      return contactToWire(contact);
    },
    DELETE: async (request, reply) => {
      await contacts.delete(workspaceOf(request), pathParam(request, 'id'));
      return reply.code(204).send();
    },
  });
}
