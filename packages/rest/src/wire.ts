import {
  type Contact,
  InvalidFieldError,
  InvalidRequestError,
  type Page,
  parseInput,
  type Segment,
  toIsoString,
} from '@pristinesend/domain';
import type { FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { WireContact, WireSegment } from './schemas.js';

/**
 * REST speaks snake_case; these are the only places the wire shape is written,
 * typed by the schemas in schemas.ts that the OpenAPI document is made from.
 */

export function contactToWire(contact: Contact): WireContact {
  return {
    id: contact.id,
    email: contact.email,
    first_name: contact.firstName,
    last_name: contact.lastName,
    status: contact.status,
    properties: contact.properties,
    created_at: toIsoString(contact.createdAt),
    updated_at: toIsoString(contact.updatedAt),
  };
}

export function segmentToWire(segment: Segment): WireSegment {
  return {
    id: segment.id,
    name: segment.name,
    description: segment.description,
    created_at: toIsoString(segment.createdAt),
    updated_at: toIsoString(segment.updatedAt),
  };
}

export function pageToWire<T, W>(page: Page<T>, toWire: (item: T) => W) {
  return { data: page.items.map(toWire), has_more: page.hasMore, next_cursor: page.nextCursor };
}

/** The JSON body as an object, parsed with a wire schema. @throws InvalidRequestError | field errors */
export function parseBody<S extends z.ZodType>(request: FastifyRequest, schema: S): z.output<S> {
  const body = request.body;
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new InvalidRequestError(
      body === undefined ? 'A JSON object body is required.' : 'The request body must be a JSON object.',
    );
  }
  return parseInput(schema, body);
}

/**
 * Query parameters parsed with a wire schema. Unknown parameters are ignored; a
 * known one given twice is refused rather than guessed at.
 */
export function parseQuery<S extends z.ZodObject>(request: FastifyRequest, schema: S): z.output<S> {
  const query = (request.query ?? {}) as Record<string, unknown>;
  const known: Record<string, unknown> = {};
  for (const key of Object.keys(schema.shape)) {
    const value = query[key];
    if (Array.isArray(value)) throw new InvalidFieldError(key, `Query parameter ${key} must be given once.`);
    if (value !== undefined) known[key] = value;
  }
  return parseInput(schema, known);
}

/** The `:id`-style path parameter (a malformed one is simply not found by the domain). */
export function pathParam(request: FastifyRequest, name: string): string {
  return (request.params as Record<string, string>)[name] ?? '';
}
