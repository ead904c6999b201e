import { type ApiErrorCode, fields, LIMITS, properties } from '@pristinesend/domain';
import { z } from 'zod';
import { HTTP_STATUS } from './errors.js';
import { restRoutes } from './routes/index.js';
import type { RouteDefinition } from './routing.js';
import { ErrorSchema } from './schemas.js';

/**
 * The OpenAPI 3.1 document of `/api/v1`, generated from the route table: each
 * operation's query and body schemas are the zod schemas its handler parses
 * with, and its response schema is the one its serializer is typed by.
 */

type JsonSchema = { [key: string]: unknown };
export type OpenApiDocument = { openapi: '3.1.0'; [key: string]: unknown };

export const API_PREFIX = '/api/v1';

/** Errors any operation can answer, whatever it does. */
const EVERY_ROUTE: ApiErrorCode[] = ['unauthorized', 'rate_limited', 'internal_error'];
/** Errors of any operation that reads a body. */
const WITH_BODY: ApiErrorCode[] = ['invalid_request', 'payload_too_large', 'unsupported_media_type'];
/** Errors of a POST, which takes an `Idempotency-Key`. */
const IDEMPOTENT: ApiErrorCode[] = ['invalid_request', 'idempotency_conflict'];

/** When each code happens, and an example of it (API.md §2). */
const ERRORS: Record<ApiErrorCode, { when: string; message: string; param?: string }> = {
  invalid_request: {
    when: 'the body is not parseable JSON, or not a JSON object (or the Idempotency-Key header is malformed)',
    message: 'The request body is not valid JSON.',
  },
  missing_field: {
    when: 'a required field is absent; `param` names it',
    message: 'email is required.',
    param: 'email',
  },
  invalid_field: {
    when: 'a field or query parameter is present but invalid, or a body field is unknown; `param` names it',
    message: 'Email is not a valid email address.',
    param: 'email',
  },
  unauthorized: {
    when: 'the API key is missing, unknown or revoked',
    message: 'A valid API key is required: send "Authorization: Bearer ps_live_…".',
  },
  not_found: {
    when: "no such resource in this workspace (another workspace's looks the same)",
    message: 'No such contact: 6f1c7a52-3d8e-4b0f-9a61-2c5d8e7f9a10.',
  },
  method_not_allowed: {
    when: 'the path exists but not with this method; `Allow` lists the methods',
    message: 'This path allows GET, HEAD, POST.',
  },
  conflict: {
    when: 'a contact with this email already exists in the workspace, in any case (`param: "email"`)',
    message: 'A contact with this email already exists in this workspace.',
    param: 'email',
  },
  idempotency_conflict: {
    when: 'the `Idempotency-Key` was used with a different request, or its first request is still running',
    message: 'This Idempotency-Key was already used with a different request.',
  },
  payload_too_large: { when: 'the body is over 1 MiB', message: 'The request body is larger than 1 MiB.' },
  unsupported_media_type: {
    when: 'a body is sent without `Content-Type: application/json`',
    message: 'Send the request body as JSON with "Content-Type: application/json".',
  },
  rate_limited: {
    when: "over the key's rate limit; `Retry-After` says when to retry",
    message: 'Rate limit of 100 requests per second exceeded; retry after 1 second.',
  },
  internal_error: {
    when: 'something unexpected failed on our side; safe to retry',
    message: 'Something went wrong on our side; it is safe to retry.',
  },
};

const EXAMPLE_REQUEST_ID = 'req_8f3c9a1b2d4e5f6071829304';

/** Presentation of domain schemas whose zod form says less than the contract. */
function override({ zodSchema, jsonSchema }: { zodSchema: unknown; jsonSchema: JsonSchema }) {
  const replace = (schema: JsonSchema) => {
    for (const key of Object.keys(jsonSchema)) delete jsonSchema[key];
    Object.assign(jsonSchema, schema);
  };
  // A query string is text, but clients send `limit` as a number: document what they write.
  if (zodSchema === fields.limit) replace({ type: 'integer', minimum: 1, default: LIMITS.pageDefault });
  // The domain checks properties in code; say the same in JSON Schema.
  if (zodSchema === properties) {
    replace({
      type: 'object',
      maxProperties: LIMITS.propertiesKeys,
      propertyNames: { minLength: 1, maxLength: LIMITS.propertyKeyChars },
      additionalProperties: true,
    });
  }
  // `format` says it all; zod's long regular expressions only clutter the reference.
  if (jsonSchema.format === 'uuid' || jsonSchema.format === 'date-time') delete jsonSchema.pattern;
}

class Components {
  readonly schemas: Record<string, JsonSchema> = {};

  /** A zod schema as JSON Schema 2020-12; schemas with a meta `id` become components. */
  convert(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
    const json = z.toJSONSchema(schema, {
      io,
      target: 'draft-2020-12',
      reused: 'inline',
      override,
    }) as JsonSchema;
    const { $schema: _dialect, $defs, ...root } = json;
    for (const [name, definition] of Object.entries(($defs ?? {}) as Record<string, JsonSchema>)) {
      const component = toComponentRefs(definition) as JsonSchema;
      const known = this.schemas[name];
      if (known && JSON.stringify(known) !== JSON.stringify(component)) {
        throw new Error(`Schema ${name} is not the same everywhere it is used (${io}).`);
      }
      this.schemas[name] = component;
    }
    return toComponentRefs(root) as JsonSchema;
  }
}

function toComponentRefs(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(toComponentRefs);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => [
      key,
      key === '$ref' && typeof item === 'string'
        ? item.replace('#/$defs/', '#/components/schemas/')
        : toComponentRefs(item),
    ]),
  );
}

const header = (name: string) => ({ $ref: `#/components/headers/${name}` });

function errorResponse(status: number, codes: ApiErrorCode[]) {
  const headers: Record<string, unknown> = { 'X-Request-Id': header('X-Request-Id') };
  if (status === 401) headers['WWW-Authenticate'] = header('WWW-Authenticate');
  if (status === 429) headers['Retry-After'] = header('Retry-After');
  return {
    description: codes.map((code) => `\`${code}\`: ${ERRORS[code].when}.`).join(' '),
    headers,
    content: {
      'application/json': {
        schema: { $ref: '#/components/schemas/Error' },
        examples: Object.fromEntries(
          codes.map((code) => {
            const { message, param } = ERRORS[code];
            const error = { code, message, ...(param && { param }), request_id: EXAMPLE_REQUEST_ID };
            return [code, { summary: code, value: { error } }];
          }),
        ),
      },
    },
  };
}

function operation(route: RouteDefinition, components: Components) {
  const parameters: unknown[] = Object.entries<string>(route.params ?? {}).map(([name, description]) => ({
    name,
    in: 'path',
    required: true,
    description: `${description} A malformed id is \`404 not_found\`.`,
    schema: { type: 'string', format: 'uuid' },
  }));
  if (route.query) {
    const query = components.convert(route.query, 'input');
    const required = (query.required ?? []) as string[];
    for (const [name, schema] of Object.entries((query.properties ?? {}) as Record<string, JsonSchema>)) {
      const { description, ...rest } = schema;
      parameters.push({ name, in: 'query', required: required.includes(name), description, schema: rest });
    }
  }
  if (route.method === 'POST') parameters.push({ $ref: '#/components/parameters/Idempotency-Key' });

  const codes = new Set<ApiErrorCode>([
    ...route.errors,
    ...(route.body ? WITH_BODY : []),
    ...(route.method === 'POST' ? IDEMPOTENT : []),
    ...EVERY_ROUTE,
  ]);
  const byStatus = new Map<number, ApiErrorCode[]>();
  for (const code of Object.keys(ERRORS) as ApiErrorCode[]) {
    if (!codes.has(code)) continue;
    byStatus.set(HTTP_STATUS[code], [...(byStatus.get(HTTP_STATUS[code]) ?? []), code]);
  }

  const successHeaders: Record<string, unknown> = { 'X-Request-Id': header('X-Request-Id') };
  if (route.method === 'POST') successHeaders['Idempotent-Replayed'] = header('Idempotent-Replayed');
  const responses: Record<string, unknown> = {
    [route.status]: {
      description: { 200: 'OK.', 201: 'Created.', 204: 'Done; no body.' }[route.status],
      headers: successHeaders,
      ...(route.response && {
        content: { 'application/json': { schema: components.convert(route.response, 'output') } },
      }),
    },
  };
  for (const [status, statusCodes] of [...byStatus].sort(([a], [b]) => a - b)) {
    responses[status] = errorResponse(status, statusCodes);
  }

  return {
    operationId: route.operationId,
    tags: [route.tag],
    summary: route.summary,
    description: route.description,
    ...(parameters.length > 0 && { parameters }),
    ...(route.body && {
      requestBody: {
        required: true,
        content: { 'application/json': { schema: components.convert(route.body, 'input') } },
      },
    }),
    responses,
  };
}

/** `/contacts/:id` → `/api/v1/contacts/{id}`. */
export function openApiPath(url: string): string {
  return `${API_PREFIX}${url.replace(/:([A-Za-z_]+)/g, '{$1}')}`;
}

const DESCRIPTION = `Contacts with custom properties, grouped into static segments.

**Authentication.** Every request needs \`Authorization: Bearer <key>\`; keys look like \`ps_live_…\` and belong to one workspace, which is all they see. Without a valid key every path is \`401 unauthorized\`.

**Errors** are one envelope, \`{"error": {"code", "message", "param"?, "request_id"}}\`, with \`request_id\` equal to the \`X-Request-Id\` header every response carries. Branch on \`code\`. A known path with another method is \`405 method_not_allowed\` with an \`Allow\` header; an unknown path is \`404 not_found\`.

**Pagination.** Lists are newest first. Pass \`next_cursor\` back as \`cursor\` while \`has_more\` is true; pages never skip or repeat an item.

**Retries.** Every \`POST\` accepts an \`Idempotency-Key\`: a retry with the same key and body within 24 hours gets the first response again, with \`Idempotent-Replayed: true\`.

**Rate limits.** Per key (100 requests per second unless configured otherwise); over it, \`429 rate_limited\` with \`Retry-After\`.`;

let cached: OpenApiDocument | undefined;

/** The OpenAPI 3.1 document (built once; treat it as read-only). */
export function openApiDocument(): OpenApiDocument {
  if (cached) return cached;
  const components = new Components();
  components.convert(ErrorSchema, 'output');
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of restRoutes) {
    const path = openApiPath(route.url);
    paths[path] = { ...paths[path], [route.method.toLowerCase()]: operation(route, components) };
  }
  cached = {
    openapi: '3.1.0',
    info: {
      title: 'PristineSend Contacts API',
      version: '1.0.0',
      description: DESCRIPTION,
      license: { name: 'MIT', identifier: 'MIT' },
    },
    tags: [
      { name: 'Contacts', description: 'People you send email to, with your own properties.' },
      { name: 'Segments', description: 'Named sets of contacts; membership is managed here.' },
    ],
    security: [{ bearerAuth: [] }],
    paths,
    components: {
      schemas: components.schemas,
      securitySchemes: {
        bearerAuth: {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'ps_live_…',
          description:
            "An API key of the workspace: `ps_live_` and 40 base62 characters, shown once when it's made.",
        },
      },
      parameters: {
        'Idempotency-Key': {
          name: 'Idempotency-Key',
          in: 'header',
          required: false,
          description:
            'Makes a retry safe: the same key with the same body within 24 hours replays the first response. The same key with another body is `409 idempotency_conflict`.',
          schema: { type: 'string', minLength: 1, maxLength: 255, pattern: '^[\\x20-\\x7E]+$' },
        },
      },
      headers: {
        'X-Request-Id': {
          description: 'The request id (`req_` and 24 hex digits); an error envelope carries the same.',
          schema: { type: 'string', pattern: '^req_[0-9a-f]{24}$' },
        },
        'Idempotent-Replayed': {
          description:
            '`true` when this is the stored response of an earlier request with the same Idempotency-Key.',
          schema: { type: 'string', enum: ['true'] },
        },
        'WWW-Authenticate': { description: 'Always `Bearer`.', schema: { type: 'string' } },
        'Retry-After': { description: 'Seconds to wait before retrying.', schema: { type: 'integer' } },
      },
    },
  };
  return cached;
}
