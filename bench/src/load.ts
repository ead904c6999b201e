import autocannon from 'autocannon';

/** One kind of request; `path` and `body` are called per request so each can differ. */
export interface RequestSpec {
  method: 'GET' | 'POST' | 'PATCH';
  path: () => string;
  body?: () => string;
}

export interface LoadResult {
  rps: number;
  p50: number;
  p99: number;
  requests: number;
  /** Non-2xx responses, socket errors and timeouts: a round with any is suspect. */
  failures: number;
  /** The server process's CPU time per response (ms), and the share of one core it used. */
  cpuMsPerRequest?: number;
  cpuShare?: number;
}

export interface LoadOptions {
  url: string;
  apiKey: string;
  connections: number;
  seconds: number;
}

/** Loads one server with one request kind for a fixed time (autocannon, programmatic API). */
export async function load(options: LoadOptions, spec: RequestSpec): Promise<LoadResult> {
  const headers: Record<string, string> = { authorization: `Bearer ${options.apiKey}` };
  if (spec.body) headers['content-type'] = 'application/json';
  const result = await autocannon({
    url: options.url,
    connections: options.connections,
    duration: options.seconds,
    timeout: 30,
    headers,
    requests: [
      {
        method: spec.method,
        setupRequest: (request) => ({
          ...request,
          path: spec.path(),
          ...(spec.body && { body: spec.body() }),
        }),
      },
    ],
  });
  return {
    rps: result.requests.total / result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    requests: result.requests.total,
    failures: result.non2xx + result.errors + result.timeouts,
  };
}
