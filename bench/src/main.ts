/**
 * `pnpm bench [--quick] [--explain] [--profile] [--only=id,id] [--rounds=N] [--seconds=N]
 *  [--connections=N] [--pool=N] [--reseed] [--no-explain]` — see bench/README.md.
 */
import { readdirSync, statSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import { startEmbeddedPostgres } from '@pristinesend/db';
import pg from 'pg';
import { explainAll, type PlanSummary } from './explain.js';
import { type LoadOptions, load, type RequestSpec } from './load.js';
import { summariseProfile, type Window } from './profile.js';
import { judge, type Report, type Row, summariseSide, table, writeReport } from './report.js';
import { loadSamples, type Scenario, scenarios } from './scenarios.js';
import { ensureSeed, removeBenchContacts, SCALES } from './seed.js';
import { buildProductionServer, type ServerProcess, startFlags, startServer } from './server-process.js';

const BENCH = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const ROOT = resolve(BENCH, '..');
const began = performance.now();
/** Progress lines carry the seconds since start; the final table does not. */
const say = (message: string) => process.stdout.write(`${message}\n`);
const progress = (message: string) =>
  say(`[${((performance.now() - began) / 1000).toFixed(0).padStart(4)} s] ${message}`);
const monotonicUs = () => Number(process.hrtime.bigint() / 1000n);
/** When the API was under measured load: the CPU profile is summarised over these spans only. */
const apiWindows: Window[] = [];

const args = process.argv.slice(2).filter((arg) => arg !== '--');
const flag = (name: string) => args.includes(`--${name}`);
const option = (name: string) => args.find((arg) => arg.startsWith(`--${name}=`))?.split('=')[1];
const quick = flag('quick');
const scale = SCALES[quick ? 'quick' : 'full'];
const settings = {
  connections: Number(option('connections') ?? 32),
  rounds: Number(option('rounds') ?? (quick ? 2 : 3)),
  seconds: Number(option('seconds') ?? (quick ? 1 : 10)),
  // The quick run is a smoke test: no warm-up, so its first round includes JIT warm-up.
  warmup: quick ? 0 : 2,
  poolSize: Number(option('pool') ?? 10),
};
const only = option('only')?.split(',');
const explainOnly = flag('explain');
const profile = flag('profile');

const cleanups: (() => Promise<void>)[] = [];
async function cleanup() {
  for (const step of cleanups.splice(0).reverse()) await step().catch(() => {});
}
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => void cleanup().then(() => process.exit(130)));
}

/** DATABASE_URL as given, or a database of this scale in the embedded PostgreSQL under bench/.data. */
async function database(): Promise<{ url: string; kind: string }> {
  if (process.env.DATABASE_URL) return { url: process.env.DATABASE_URL, kind: 'DATABASE_URL' };
  progress('starting embedded PostgreSQL (bench/.data/postgres)…');
  const dataDir = join(BENCH, '.data', 'postgres');
  const embedded = await startEmbeddedPostgres({ dataDir });
  cleanups.push(() => embedded.stop());
  const name = `bench_${scale.name}`;
  const admin = new pg.Client({ connectionString: embedded.url });
  await admin.connect();
  try {
    const exists = await admin.query('select 1 from pg_database where datname = $1', [name]);
    if (exists.rowCount === 0) await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(embedded.url);
  url.pathname = `/${name}`;
  return { url: url.toString(), kind: 'embedded' };
}

async function fetchSpec(base: string, apiKey: string, spec: RequestSpec, path = spec.path()) {
  const response = await fetch(`${base}${path}`, {
    method: spec.method,
    headers: { authorization: `Bearer ${apiKey}`, ...(spec.body && { 'content-type': 'application/json' }) },
    ...(spec.body && { body: spec.body() }),
  });
  const text = await response.text();
  return { status: response.status, text };
}

/** Before loading: the adapter exists, every request succeeds, and both servers answer reads identically. */
async function preflight(scenario: Scenario, api: ServerProcess, base: ServerProcess, apiKey: string) {
  const path = scenario.api.path();
  const a = await fetchSpec(api.url, apiKey, scenario.api, path);
  if (scenario.adapter && a.status === 404) return `n/a (${scenario.adapter} answers 404)`;
  if (a.status >= 300) return `n/a (API answered ${a.status}: ${a.text.slice(0, 200)})`;
  const reference = scenario.reference === 'api' ? api : base;
  const b = await fetchSpec(reference.url, apiKey, scenario.baseline, scenario.sameJson ? path : undefined);
  if (b.status >= 300)
    throw new Error(`baseline answered ${b.status} for ${scenario.id}: ${b.text.slice(0, 300)}`);
  if (scenario.sameJson && !isDeepStrictEqual(JSON.parse(a.text), JSON.parse(b.text))) {
    throw new Error(
      `API and baseline answer ${scenario.id} (${path}) differently:\n${a.text.slice(0, 500)}\n${b.text.slice(0, 500)}`,
    );
  }
  return undefined;
}

async function run(
  scenario: Scenario,
  api: ServerProcess,
  base: ServerProcess,
  apiKey: string,
): Promise<Row> {
  const row: Row = { id: scenario.id, label: scenario.label, goal: scenario.goal };
  const skip = await preflight(scenario, api, base, apiKey);
  if (skip) {
    progress(`  ${scenario.label}: ${skip}`);
    return { ...row, note: skip.split(' (')[0] };
  }
  const options = (server: ServerProcess, seconds: number): LoadOptions => ({
    url: server.url,
    apiKey,
    connections: settings.connections,
    seconds,
  });
  const reference = scenario.reference === 'api' ? api : base;
  if (settings.warmup > 0) {
    await load(options(reference, settings.warmup), scenario.baseline);
    await load(options(api, settings.warmup), scenario.api);
  }
  const rounds: NonNullable<Row['rounds']> = { api: [], baseline: [] };
  for (let round = 0; round < settings.rounds; round++) {
    // Alternate which side goes first, so drift (cache, autovacuum, table growth) hits both alike.
    const order = round % 2 === 0 ? (['baseline', 'api'] as const) : (['api', 'baseline'] as const);
    for (const side of order) {
      const server = side === 'api' ? api : reference;
      const cpuBefore = server.cpuSeconds();
      const from = monotonicUs();
      const result = await load(options(server, settings.seconds), scenario[side]);
      if (side === 'api') apiWindows.push([from, monotonicUs()]);
      const cpu = server.cpuSeconds() - cpuBefore;
      rounds[side].push({
        ...result,
        cpuMsPerRequest: (1000 * cpu) / Math.max(result.requests, 1),
        cpuShare: cpu / settings.seconds,
      });
    }
  }
  const judged = judge({
    ...row,
    api: summariseSide(rounds.api),
    baseline: summariseSide(rounds.baseline),
    rounds,
  });
  progress(
    `  ${scenario.label}: API ${judged.api?.rps.toFixed(0)} req/s (${judged.api?.cpuMs.toFixed(3)} CPU ms/req, ${judged.api?.cpuShare.toFixed(2)} core), baseline ${judged.baseline?.rps.toFixed(0)} req/s (${judged.baseline?.cpuMs.toFixed(3)} CPU ms/req, ${judged.baseline?.cpuShare.toFixed(2)} core), ratio ${judged.ratio?.toFixed(2)}`,
  );
  return judged;
}

/** The API's main-thread profile (thread 0; tsx's loader thread writes another). */
function newestProfile(dir: string): string | undefined {
  try {
    return readdirSync(dir)
      .filter((file) => /\.\d+\.0\.\d+\.cpuprofile$/.test(file))
      .map((file) => join(dir, file))
      .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs)[0];
  } catch {
    return undefined;
  }
}

async function main() {
  const startedAt = new Date().toISOString();
  const loadAtStart = loadavg()[0] ?? 0;
  const db = await database();
  const seed = await ensureSeed(db.url, scale, progress, flag('reseed'));
  const samples = await loadSamples(db.url, seed);
  const notes: string[] = [];

  let explain: PlanSummary[] | undefined;
  if (explainOnly || (!quick && !flag('no-explain') && !only)) {
    // The embedded PostgreSQL's plans are the committed ones; another server's go beside them.
    const major = (await serverVersion(db.url)).split(' ')[1]?.split('.')[0];
    const server = db.kind === 'embedded' ? '' : `external-pg${major}`;
    const dir = quick ? join(BENCH, 'results', 'explain-quick', server) : join(BENCH, 'explain', server);
    progress(`EXPLAIN (ANALYZE, BUFFERS) of the hot queries → ${dir}`);
    explain = await explainAll(db.url, seed, samples, dir);
    for (const plan of explain) {
      say(
        `  ${plan.name.padEnd(30)} ${plan.ms.toFixed(3).padStart(9)} ms  cost ${plan.cost.toFixed(0).padStart(6)}  ${plan.top}${plan.warnings.length ? `  ⚠ ${plan.warnings.join('; ')}` : ''}`,
      );
    }
    if (explainOnly) return;
  }

  const profileDir = join(BENCH, 'results', 'profiles');
  progress('bundling the API as the Docker image runs it (pnpm build:server)…');
  const apiEntry = buildProductionServer(ROOT);
  progress('starting the API and the baseline…');
  // Both sides run with the start script's Node flags: the comparison is of code, not of runtime tuning.
  const nodeFlags = startFlags(ROOT);
  const [api, base] = await Promise.all([
    startServer({
      name: 'API',
      entry: apiEntry,
      cwd: ROOT,
      nodeFlags: [
        ...nodeFlags,
        // As the image's command runs it.
        '--enable-source-maps',
        ...(profile ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : []),
      ],
      env: {
        NODE_ENV: 'production',
        LOG_LEVEL: 'warn',
        DATABASE_URL: db.url,
        // The contract's default rate limit (100 req/s per key) would cap every row.
        PRISTINESEND_RATE_LIMIT: '0',
        PRISTINESEND_DB_POOL_SIZE: String(settings.poolSize),
      },
    }),
    startServer({
      name: 'baseline',
      entry: 'bench/src/baseline.ts',
      cwd: ROOT,
      nodeFlags,
      env: { NODE_ENV: 'production', DATABASE_URL: db.url, POOL_SIZE: String(settings.poolSize) },
    }),
  ]);
  cleanups.push(
    () => base.stop(),
    () => api.stop(),
  );
  progress('both servers answer /healthz');

  const rows: Row[] = [];
  const runId = Date.now().toString(36);
  for (const scenario of scenarios(seed, samples, runId, scale)) {
    if (only && !only.includes(scenario.id)) continue;
    const row = await run(scenario, api, base, seed.apiKey);
    // The API's peak resident set so far: the row where it jumps is the one that grew it.
    rows.push({ ...row, apiPeakRssMb: Math.round(api.memory().peakRssMb) });
  }
  const apiMemory = api.memory();
  const baseMemory = base.memory();
  await api.stop();
  await base.stop();
  progress('removing the contacts the create row added…');
  const removed = await removeBenchContacts(db.url, seed);
  if (removed > 0)
    notes.push(
      `Removed the ${removed.toLocaleString('en-US')} contacts the create row added, then VACUUM ANALYZE.`,
    );
  if (profile) notes.push('The API ran under --cpu-prof: its numbers include the profiler overhead.');
  notes.push(
    `Machine: ${cpus().length} cores, 1-minute load average ${loadAtStart.toFixed(1)} at the start and ${(loadavg()[0] ?? 0).toFixed(1)} at the end (anything above ~2 means other work shared the cores).`,
  );

  const report: Report = {
    startedAt,
    scale: scale.name,
    database: `${db.kind}, ${(await serverVersion(db.url)).split(' on ')[0]}`,
    settings: {
      connections: settings.connections,
      rounds: settings.rounds,
      seconds: settings.seconds,
      poolSize: settings.poolSize,
    },
    seed: { reused: seed.reused, contacts: seed.contacts, timings: seed.timings },
    rows,
    memory: {
      apiPeakRssMb: apiMemory.peakRssMb,
      apiHwmMb: apiMemory.hwmMb,
      baselinePeakRssMb: baseMemory.peakRssMb,
      goalMb: 250,
      met: apiMemory.peakRssMb <= 250,
    },
    ...(explain && { explain }),
    notes,
  };
  const profileFile = profile ? newestProfile(profileDir) : undefined;
  if (profileFile) report.profile = { file: profileFile, windows: apiWindows };
  say(`\n${table(report)}`);
  say(`\nwritten to ${writeReport(join(BENCH, 'results'), report)}`);
  if (profile) {
    say(profileFile ? `\n${summariseProfile(profileFile, 40, apiWindows)}` : '\nno CPU profile was written');
  }
}

async function serverVersion(url: string): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<{ v: string }>('select version() as v')).rows[0]?.v ?? '';
  } finally {
    await client.end();
  }
}

try {
  await main();
} catch (error) {
  process.stderr.write(`bench failed: ${(error as Error).stack ?? String(error)}\n`);
  process.exitCode = 1;
} finally {
  await cleanup();
}
