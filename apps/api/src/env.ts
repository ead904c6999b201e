import { z } from 'zod';

/** The only place that reads the environment; everything else receives `Env`. */
const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL must be a postgres:// or postgresql:// URL')
    .optional(),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  PRISTINESEND_DATA_DIR: z.string().min(1).default('.data'),
  /** Port of the embedded PostgreSQL (only used without DATABASE_URL). */
  PRISTINESEND_EMBEDDED_PG_PORT: z.coerce.number().int().min(1).max(65535).default(54329),
  PRISTINESEND_ADMIN_TOKEN: z
    .string()
    .min(16, 'PRISTINESEND_ADMIN_TOKEN must be at least 16 characters')
    .optional(),
  /** Requests per second per API key; 0 turns rate limiting off. */
  PRISTINESEND_RATE_LIMIT: z.coerce.number().int().min(0).default(100),
  /** Redis for rate-limit counters shared by every instance. */
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, 'REDIS_URL must be a redis:// or rediss:// URL')
    .optional(),
  PRISTINESEND_DB_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
});

export type Env = z.infer<typeof schema>;

export function loadEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const blankToUndefined = Object.fromEntries(
    Object.entries(source).map(([key, value]) => [key, value === '' ? undefined : value]),
  );
  const result = schema.safeParse(blankToUndefined);
  if (!result.success) {
    const problems = result.error.issues
      .map((issue) => `  ${issue.path.join('.')}: ${issue.message}`)
      .join('\n');
    throw new Error(`Invalid configuration:\n${problems}`);
  }
  return result.data;
}
