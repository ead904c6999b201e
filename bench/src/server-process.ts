import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync, readFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { freePort } from '@pristinesend/db';

export interface ServerProcess {
  name: string;
  url: string;
  pid: number;
  /** Largest resident set seen by the sampler, and the kernel's high-water mark, in MB. */
  memory(): { peakRssMb: number; hwmMb: number };
  /** CPU seconds (user + system) the process has used so far. */
  cpuSeconds(): number;
  /** SIGTERM, then waits for the exit (a CPU profile is written then). */
  stop(): Promise<void>;
}

export interface StartOptions {
  name: string;
  /** Path of the entry file, relative to `cwd`. */
  entry: string;
  cwd: string;
  env: Record<string, string>;
  nodeFlags?: string[];
}

function statusMb(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  try {
    const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(
      readFileSync(`/proc/${pid}/status`, 'utf8'),
    );
    return match ? Number(match[1]) / 1024 : 0;
  } catch {
    return 0;
  }
}

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

function cpuSeconds(pid: number): number {
  try {
    // Fields after the command name (which may hold spaces): utime and stime are the 12th and 13th.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
  } catch {
    return 0;
  }
}

async function waitForHealth(url: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`exited with code ${child.exitCode}:\n${output()}`);
    try {
      const response = await fetch(`${url}/healthz`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`did not answer /healthz within 60 s:\n${output()}`);
}

/**
 * The Node flags of the root package.json's `start` script (`node <flags> --import tsx …`),
 * which the Docker image's command and NODE_OPTIONS repeat: the settings the API runs with.
 */
export function startFlags(root: string): string[] {
  const { scripts } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
    scripts: Record<string, string>;
  };
  const words = (scripts.start ?? '').split(/\s+/);
  return words.slice(1, words.indexOf('--import')).filter((word) => word.startsWith('--'));
}

/**
 * The API as the Docker image runs it: `pnpm build:server`'s bundle (plain JavaScript, the
 * workspace's TypeScript inlined, npm packages external). The image installs those packages
 * hoisted; here the bundle finds them through pnpm's own hoisted directory
 * (`node_modules/.pnpm/node_modules`, where pnpm links every dependency by default).
 * Returns the entry, relative to `root`.
 */
export function buildProductionServer(root: string): string {
  execFileSync(process.execPath, ['--import', 'tsx', 'scripts/build-server.ts'], {
    cwd: root,
    stdio: 'pipe',
  });
  const link = join(root, 'apps/api/dist/node_modules');
  if (!existsSync(link)) symlinkSync(join('..', '..', '..', 'node_modules', '.pnpm', 'node_modules'), link);
  return 'apps/api/dist/server.mjs';
}

/**
 * Starts `node <flags> <entry>` on a free port (through tsx for a TypeScript entry) and
 * waits until /healthz answers.
 */
export async function startServer(options: StartOptions): Promise<ServerProcess> {
  const port = await freePort();
  const loader = options.entry.endsWith('.ts') ? ['--import', 'tsx'] : [];
  const child = spawn(process.execPath, [...(options.nodeFlags ?? []), ...loader, options.entry], {
    cwd: options.cwd,
    env: { ...process.env, ...options.env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString('utf8')).slice(-20_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitForHealth(url, child, () => output);
  } catch (error) {
    child.kill('SIGKILL');
    throw new Error(`${options.name} server ${(error as Error).message}`);
  }
  const pid = child.pid as number;
  let peakRssMb = statusMb(pid, 'VmRSS');
  const sampler = setInterval(() => {
    peakRssMb = Math.max(peakRssMb, statusMb(pid, 'VmRSS'));
  }, 100);
  sampler.unref();
  let hwmMb = 0;
  return {
    name: options.name,
    url,
    pid,
    memory: () => ({ peakRssMb, hwmMb: Math.max(hwmMb, statusMb(pid, 'VmHWM')) }),
    cpuSeconds: () => cpuSeconds(pid),
    stop: async () => {
      clearInterval(sampler);
      if (child.exitCode !== null) return;
      hwmMb = statusMb(pid, 'VmHWM');
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill('SIGTERM');
      const timeout = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(timeout);
    },
  };
}
