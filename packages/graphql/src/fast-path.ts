import type { IncomingHttpHeaders } from 'node:http';
import type { ServerContext } from './context.js';
import { type DocumentNode, type ExecutionResult, getOperationAST } from './graphql.js';
import type { GraphQLYoga } from './yoga.js';

/** The body keys yoga accepts; a request with any other is left to yoga to refuse. */
const PARAMS = new Set(['query', 'variables', 'operationName', 'extensions']);

/** The response's media type by the request's Accept header, as yoga chooses it for these. */
const MEDIA_TYPES = new Map<string | undefined, string>([
  [undefined, 'application/json; charset=utf-8'],
  ['*/*', 'application/json; charset=utf-8'],
  ['application/json', 'application/json; charset=utf-8'],
  ['application/graphql-response+json', 'application/graphql-response+json; charset=utf-8'],
]);

interface Params {
  query: string;
  variables?: Record<string, unknown> | null;
  operationName?: string | null;
}

/** What the fast path did: answered (a body for HTTP 200), ran the query for yoga to answer, or neither. */
export type FastAnswer = { body: string; contentType: string } | { executed: ExecutionResult } | undefined;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function paramsOf(body: Buffer): Params | undefined {
  let params: unknown;
  try {
    params = JSON.parse(body.toString('utf8'));
  } catch {
    return undefined;
  }
  if (!isObject(params) || typeof params.query !== 'string') return undefined;
  for (const key in params) if (!PARAMS.has(key)) return undefined;
  const { variables, operationName, extensions } = params;
  if (variables != null && !isObject(variables)) return undefined;
  if (operationName != null && typeof operationName !== 'string') return undefined;
  if (extensions != null && !isObject(extensions)) return undefined;
  return params as unknown as Params;
}

function isJson(headers: IncomingHttpHeaders): boolean {
  const type = headers['content-type']?.split(',')[0];
  return type === 'application/json' || type?.startsWith('application/json;') === true;
}

/**
 * A JSON POST of a query, run on yoga's envelop (the same parse and validation caches, limits,
 * context, masking and JIT) without a fetch Request and Response, whose making, parsing and
 * reading cost a good part of a small query's CPU. Everything else returns undefined and goes
 * to yoga whole: other methods, bodies, media types, mutations, documents that do not parse or
 * validate. A result with errors goes to yoga as `executed`, so that yoga words its status and
 * body and logs it as always, without running the query twice.
 *
 * The context gets a Request as yoga's does, without the body, already read: yoga's plugins
 * read its method (a parse error's code depends on it) and may read its headers.
 */
export async function runFast(
  yoga: GraphQLYoga,
  request: { method: string; url: string; headers: IncomingHttpHeaders; body?: unknown },
  server: ServerContext,
): Promise<FastAnswer> {
  const contentType = MEDIA_TYPES.get(request.headers.accept);
  if (request.method !== 'POST' || !contentType || !isJson(request.headers)) return undefined;
  if (!Buffer.isBuffer(request.body)) return undefined;
  const params = paramsOf(request.body);
  if (!params) return undefined;
  const fetchRequest = new yoga.fetchAPI.Request(`http://localhost${request.url}`, {
    method: request.method,
    headers: request.headers as Record<string, string>,
  });
  const enveloped = yoga.getEnveloped({ ...server, request: fetchRequest, params });
  let document: DocumentNode;
  try {
    document = enveloped.parse(params.query);
  } catch {
    return undefined;
  }
  if (enveloped.validate(enveloped.schema, document).length > 0) return undefined;
  if (getOperationAST(document, params.operationName)?.operation !== 'query') return undefined;
  let executed: ExecutionResult;
  try {
    const contextValue = await enveloped.contextFactory();
    executed = (await enveloped.execute({
      schema: enveloped.schema,
      document,
      contextValue,
      variableValues: params.variables,
      operationName: params.operationName,
    })) as ExecutionResult;
  } catch {
    // Thrown, not reported: yoga runs it again and answers the throw its own way.
    return undefined;
  }
  if (Symbol.asyncIterator in executed || executed.errors?.length || executed.extensions) return { executed };
  return { body: JSON.stringify(executed), contentType };
}
