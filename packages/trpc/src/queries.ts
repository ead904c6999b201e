import {
  type AnyTRPCProcedure,
  callTRPCProcedure,
  getTRPCErrorFromUnknown,
  getTRPCErrorShape,
  type TRPCError,
  transformTRPCResponse,
} from '@trpc/server';
import { getHTTPStatusCode } from '@trpc/server/http';
import type { TRPCResponse } from '@trpc/server/rpc';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Context } from './context.js';
import { appRouter } from './router.js';

/**
 * Plain GET queries, single or batched, answered straight from Fastify's request.
 *
 * tRPC's Fastify adapter turns every request into a fetch `Request` (URL, Headers,
 * AbortSignals) and its answer into a `Response` whose body Fastify then pipes as a web
 * stream: on `contacts.list` that bridging cost more CPU than the rest of the request
 * (bench `trpc-list --profile`). Queries are the hot, read-only traffic, so they skip it;
 * everything else (mutations, streaming and SSE, form data, malformed input, unknown
 * paths) still goes through tRPC's own handler, which stays the reference: the tests in
 * test/queries.test.ts compare the two byte for byte.
 */

const config = appRouter._def._config;
// Flat at runtime ('contacts.list' → procedure), whatever the record's nested type says.
const procedures = appRouter._def.procedures as unknown as Record<string, AnyTRPCProcedure | undefined>;

/** The calls of a plain query request, read as tRPC's HTTP handler reads them. */
export interface QueryCalls {
  isBatch: boolean;
  paths: string[];
  inputs: unknown[];
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Whether a content type is JSON, compared as tRPC compares it (media types are case-insensitive). */
const isJson = (contentType: string) =>
  contentType.toLowerCase().split(';', 1)[0]?.trim() === 'application/json';

/**
 * The request's calls when every one is a query asked by GET without streaming, else
 * undefined: tRPC's handler must answer it, errors included.
 */
export function plainQueryCalls(request: FastifyRequest, path: string): QueryCalls | undefined {
  if (request.method !== 'GET') return undefined;
  const { headers } = request;
  if (headers['trpc-accept'] !== undefined || headers.accept?.includes('application/jsonl')) return undefined;
  const contentType = headers['content-type'];
  if (contentType !== undefined && !isJson(contentType)) return undefined;

  const url = request.raw.url ?? '';
  const query = url.indexOf('?');
  const search = new URLSearchParams(query === -1 ? '' : url.slice(query + 1));
  if (search.has('connectionParams')) return undefined;

  let decoded: string;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    return undefined;
  }
  const isBatch = search.get('batch') === '1';
  const paths = isBatch ? decoded.split(',') : [decoded];
  for (const procedurePath of paths) {
    if (!Object.hasOwn(procedures, procedurePath) || procedures[procedurePath]?._def.type !== 'query')
      return undefined;
  }

  const text = search.get('input');
  let parsed: unknown;
  if (text) {
    try {
      parsed = JSON.parse(text);
    } catch {
      return undefined;
    }
  }
  const { deserialize } = config.transformer.input;
  if (!isBatch) return { isBatch, paths, inputs: [parsed === undefined ? undefined : deserialize(parsed)] };
  if (parsed === undefined) return { isBatch, paths, inputs: [] };
  if (!isObject(parsed)) return undefined;
  const inputs = paths.map((_, index) =>
    parsed[index] === undefined ? undefined : deserialize(parsed[index]),
  );
  return { isBatch, paths, inputs };
}

const asIs = (text: string) => text;

/** Aborts when the client leaves before its answer, like the signal tRPC's adapter gives procedures. */
function disconnectSignal(reply: FastifyReply): AbortSignal {
  const controller = new AbortController();
  reply.raw.once('close', () => {
    if (!reply.raw.writableEnded) controller.abort();
  });
  return controller.signal;
}

/**
 * Runs the calls and sends tRPC's answer: the same body, status and headers as its own
 * handler (each call of a batch resolved on its own; 207 when their statuses differ).
 */
export async function answerQueries(
  reply: FastifyReply,
  calls: QueryCalls,
  ctx: Context,
  onError: (error: TRPCError, path: string) => void,
) {
  const signal = disconnectSignal(reply);
  const errors: (TRPCError | undefined)[] = [];
  const responses: TRPCResponse[] = await Promise.all(
    calls.paths.map(async (path, index): Promise<TRPCResponse> => {
      const input = calls.inputs[index];
      try {
        const data: unknown = await callTRPCProcedure({
          router: appRouter,
          path,
          getRawInput: async () => input,
          ctx,
          type: 'query',
          signal,
          batchIndex: index,
        });
        // No check for stream-like outputs (tRPC refuses them outside streamed batches):
        // every procedure of this router returns plain JSON built in wire.ts.
        return { result: { data } };
      } catch (cause) {
        const error = getTRPCErrorFromUnknown(cause);
        errors[index] = error;
        onError(error, path);
        return { error: getTRPCErrorShape({ config, error, type: 'query', path, input, ctx }) };
      }
    }),
  );
  const [single] = responses;
  const body = JSON.stringify(transformTRPCResponse(config, calls.isBatch || !single ? responses : single));
  // Through an identity serializer, so that Fastify sends the text as it is and leaves the
  // content type as tRPC writes it: a JSON string sent plainly gets a charset added, and a
  // copy into a Buffer allocated a tenth of what a list request allocates.
  return reply
    .code(getHTTPStatusCode(responses, errors))
    .header('vary', 'trpc-accept, accept')
    .header('content-type', 'application/json')
    .serializer(asIs)
    .send(body);
}
