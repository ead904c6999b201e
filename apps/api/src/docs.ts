import { openApiDocument } from '@pristinesend/rest';
import apiReference from '@scalar/fastify-api-reference';
import type { FastifyInstance } from 'fastify';

/** Where the OpenAPI document is served, outside `/api/v1` so it needs no key (docs/DECISIONS.md). */
export const OPENAPI_PATH = '/openapi.json';

/**
 * The OpenAPI document and an interactive reference (Scalar) at `/docs`, both
 * without authentication. The reference's script is served from here, and every
 * option that would make the page call Scalar's servers (fonts, AI agent, hosted
 * client, request proxy, developer toolbar) is off.
 */
export async function apiDocs(app: FastifyInstance) {
  const json = JSON.stringify(openApiDocument());
  app.get(OPENAPI_PATH, async (_request, reply) => reply.type('application/json; charset=utf-8').send(json));
  await app.register(apiReference, {
    routePrefix: '/docs',
    logLevel: 'warn',
    configuration: {
      pageTitle: 'PristineSend Contacts API reference',
      sources: [{ url: OPENAPI_PATH, title: 'PristineSend Contacts API' }],
      withDefaultFonts: false,
      agent: { disabled: true },
      hideClientButton: true,
      showDeveloperTools: 'never',
      telemetry: false,
      // Requests sent from "Test request" go straight to this server, never through Scalar's proxy.
      proxyUrl: '',
    },
  });
}
