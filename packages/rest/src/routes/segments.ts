import { contactIdsSchema, fields } from '@pristinesend/domain';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { RestOptions } from '../plugin.js';
import { resource } from '../routing.js';
import { pageToWire, parseBody, parseQuery, pathParam, segmentToWire } from '../wire.js';

const listQuery = z.object({ limit: fields.limit.optional(), cursor: fields.cursor.optional() });

const createBody = z.strictObject({
  name: fields.segmentName,
  description: fields.segmentDescription.optional(),
});

const updateBody = z.strictObject({
  name: fields.segmentName.optional(),
  description: fields.segmentDescription.optional(),
});

const addContactsBody = z.strictObject({ contact_ids: contactIdsSchema });

export function segmentRoutes(app: FastifyInstance, { services, workspaceOf }: RestOptions) {
  const { segments } = services;

  resource(app, '/segments', {
    GET: async (request) => {
      const query = parseQuery(request, listQuery);
      return pageToWire(await segments.list(workspaceOf(request), query), segmentToWire);
    },
    POST: async (request, reply) => {
      const body = parseBody(request, createBody);
      return reply.code(201).send(segmentToWire(await segments.create(workspaceOf(request), body)));
    },
  });

  resource(app, '/segments/:id', {
    GET: async (request) => segmentToWire(await segments.get(workspaceOf(request), pathParam(request, 'id'))),
    PATCH: async (request) => {
      const body = parseBody(request, updateBody);
      return segmentToWire(await segments.update(workspaceOf(request), pathParam(request, 'id'), body));
    },
    DELETE: async (request, reply) => {
      await segments.delete(workspaceOf(request), pathParam(request, 'id'));
      return reply.code(204).send();
    },
  });

  resource(app, '/segments/:id/contacts', {
    POST: async (request) => {
      const body = parseBody(request, addContactsBody);
      const added = await segments.addContacts(
        workspaceOf(request),
        pathParam(request, 'id'),
        body.contact_ids,
      );
      return { added };
    },
  });

  resource(app, '/segments/:id/contacts/:contact_id', {
    PUT: async (request, reply) => {
      await segments.addContact(
        workspaceOf(request),
        pathParam(request, 'id'),
        pathParam(request, 'contact_id'),
      );
      return reply.code(204).send();
    },
    DELETE: async (request, reply) => {
      await segments.removeContact(
        workspaceOf(request),
        pathParam(request, 'id'),
        pathParam(request, 'contact_id'),
      );
      return reply.code(204).send();
    },
  });
}
