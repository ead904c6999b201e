import { parseArgs } from 'node:util';
import { createRepositories } from '@pristinesend/db';
import { createServices, isDomainError } from '@pristinesend/domain';
import { openDatabase } from './database.js';
import { loadEnv } from './env.js';

const USAGE = `Usage: pnpm cli <command> [--json]

  workspace create --name <name>   create a workspace and its first API key
  key create --workspace <id>      create another API key for a workspace
  key revoke <key-id>              revoke an API key at once

Uses DATABASE_URL, or the embedded PostgreSQL under PRISTINESEND_DATA_DIR (shared
with a running server).`;

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    name: { type: 'string' },
    workspace: { type: 'string' },
    json: { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  },
});

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(2);
}

const [resource, action, argument] = positionals;
if (values.help || !resource) {
  process.stdout.write(`${USAGE}\n`);
  process.exit(values.help ? 0 : 2);
}

const print = (human: string, data: Record<string, unknown>) =>
  process.stdout.write(`${values.json ? JSON.stringify(data) : human}\n`);

const command = `${resource} ${action ?? ''}`.trim();
// Arguments are checked before the database starts, so a usage error never leaves it running.
const required: Record<string, [string | undefined, string]> = {
  'workspace create': [values.name, 'workspace create needs --name <name>'],
  'key create': [values.workspace, 'key create needs --workspace <id>'],
  'key revoke': [argument, 'key revoke needs the key id'],
};
const requirement = required[command];
if (!requirement) fail(`Unknown command "${command}".\n\n${USAGE}`);
if (!requirement[0]) fail(requirement[1]);

const database = await openDatabase(loadEnv());
const { workspaces } = createServices(createRepositories(database.orm));
let exitCode = 0;
try {
  if (command === 'workspace create') {
    const { workspace, key } = await workspaces.createWorkspace({ name: values.name as string });
    print(`workspace ${workspace.id} (${workspace.name})\napi key ${key.id}: ${key.apiKey}`, {
      id: workspace.id,
      name: workspace.name,
      created_at: workspace.createdAt.toISOString(),
      api_key: key.apiKey,
      api_key_id: key.id,
    });
  } else if (command === 'key create') {
    const key = await workspaces.createApiKey(values.workspace as string);
    print(`api key ${key.id}: ${key.apiKey}`, {
      id: key.id,
      prefix: key.prefix,
      api_key: key.apiKey,
      created_at: key.createdAt.toISOString(),
    });
  } else {
    await workspaces.revokeApiKey(argument as string);
    print(`api key ${argument} revoked`, { id: argument, revoked: true });
  }
} catch (error) {
  if (!isDomainError(error)) throw error;
  process.stderr.write(`${error.message}\n`);
  exitCode = 1;
} finally {
  await database.close();
}
process.exit(exitCode);
