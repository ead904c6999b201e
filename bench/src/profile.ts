/**
 * Summarises a V8 .cpuprofile (from `node --cpu-prof`): the functions with the most
 * self time, and self time grouped by package. Usage: profile.ts <file.cpuprofile> [top]
 */
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

/** Which package (or project package, or Node itself) a script URL belongs to. */
function owner(url: string): string {
  if (!url) return '(native / V8)';
  const pnpm = /node_modules\/\.pnpm\/[^/]+\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url);
  if (pnpm) return pnpm[1] as string;
  const modules = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url);
  if (modules) return modules[1] as string;
  const project = /\/((?:apps|packages|bench)\/[^/]+)\//.exec(url);
  if (project) return project[1] as string;
  if (url.startsWith('node:')) return 'node (core)';
  return url;
}

function shortUrl(url: string): string {
  return url
    .replace(/^file:\/\//, '')
    .replace(/.*node_modules\/\.pnpm\/[^/]+\/node_modules\//, '')
    .replace(/.*\/work\/main\//, '');
}

/** A span of the monotonic clock in microseconds (process.hrtime and V8's profiler share it). */
export type Window = [number, number];

/**
 * Self time per function and per package; with `windows`, only the samples taken
 * inside them (e.g. the measured rounds, leaving start-up and other rows out).
 */
export function summariseProfile(file: string, top = 30, windows: Window[] = []): string {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const self = new Map<number, number>();
  let at = profile.startTime;
  profile.samples.forEach((id, index) => {
    const delta = profile.timeDeltas[index] ?? 0;
    at += delta;
    if (windows.length > 0 && !windows.some(([from, to]) => at >= from && at <= to)) return;
    self.set(id, (self.get(id) ?? 0) + delta);
  });
  const total = [...self.values()].reduce((sum, us) => sum + us, 0);
  const functions = new Map<string, number>();
  const packages = new Map<string, number>();
  for (const [id, us] of self) {
    const frame = (byId.get(id) as ProfileNode).callFrame;
    const name = `${frame.functionName || '(anonymous)'} ${shortUrl(frame.url)}${frame.url ? `:${frame.lineNumber + 1}` : ''}`;
    functions.set(name, (functions.get(name) ?? 0) + us);
    const group = frame.url
      ? owner(frame.url)
      : frame.functionName.startsWith('(')
        ? frame.functionName
        : '(native / V8)';
    packages.set(group, (packages.get(group) ?? 0) + us);
  }
  const pct = (us: number) => `${((100 * us) / total).toFixed(1).padStart(5)}%`;
  const ranked = (map: Map<string, number>, n: number) =>
    [...map.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([name, us]) => `  ${pct(us)}  ${(us / 1000).toFixed(0).padStart(7)} ms  ${name}`);
  return [
    `${file}: ${(total / 1e6).toFixed(1)} s sampled${windows.length ? ` in ${windows.length} measured rounds` : ''}`,
    'Self time by package:',
    ...ranked(packages, 20),
    `Top ${top} functions by self time:`,
    ...ranked(functions, top),
  ].join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const file = process.argv[2];
  if (!file) {
    process.stderr.write('usage: profile.ts <file.cpuprofile | results/<run>.json> [top]\n');
    process.exit(2);
  }
  const top = Number(process.argv[3] ?? 30);
  // A run's report names its profile and the spans of the API's measured rounds.
  const report = file.endsWith('.json')
    ? (JSON.parse(readFileSync(file, 'utf8')) as { profile?: { file: string; windows: Window[] } }).profile
    : undefined;
  if (file.endsWith('.json') && !report)
    throw new Error(`${file} has no profile: run the bench with --profile`);
  process.stdout.write(
    `${report ? summariseProfile(report.file, top, report.windows) : summariseProfile(file, top)}\n`,
  );
}
