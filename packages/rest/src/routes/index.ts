import type { RouteDefinition } from '../routing.js';
import { contactRoutes } from './contacts.js';
import { segmentRoutes } from './segments.js';

/** Every `/api/v1` operation: the plugin registers this table and the OpenAPI document describes it. */
export const restRoutes: readonly RouteDefinition[] = [...contactRoutes, ...segmentRoutes];
