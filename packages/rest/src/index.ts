export {
  type ApiErrorCode,
  type Envelope,
  envelope,
  errorHandler,
  HTTP_STATUS,
  HttpError,
  notFoundHandler,
  sendError,
} from './errors.js';
export { jsonBodiesOnly, type RestPluginOptions, restApi } from './plugin.js';
export { resource } from './routing.js';
export { contactToWire, pageToWire, parseBody, parseQuery, pathParam, segmentToWire } from './wire.js';
