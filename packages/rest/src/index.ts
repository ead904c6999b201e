export {
  type Envelope,
  envelope,
  errorHandler,
  HTTP_STATUS,
  HttpError,
  notFoundHandler,
  sendError,
} from './errors.js';
export { API_PREFIX, type OpenApiDocument, openApiDocument, openApiPath } from './openapi.js';
export { jsonBodiesOnly, type RestPluginOptions, restApi } from './plugin.js';
export { restRoutes } from './routes/index.js';
export { defineRoute, type RouteDefinition, registerRoutes, resource } from './routing.js';
export * from './schemas.js';
export { contactToWire, pageToWire, parseBody, parseQuery, pathParam, segmentToWire } from './wire.js';
