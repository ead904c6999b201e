import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LoadResult } from './load.js';
import type { Goal } from './scenarios.js';

export interface Side {
  rps: number;
  p50: number;
  p99: number;
  failures: number;
  /** The server's own CPU time per request (ms) and share of a core: robust to a busy machine. */
  cpuMs: number;
  cpuShare: number;
}

export interface Row {
  id: string;
  label: string;
  goal: Goal;
  /** Medians over the rounds; absent when the API does not serve the row yet (n/a). */
  api?: Side;
  baseline?: Side;
  ratio?: number;
  p99Ratio?: number;
  met?: boolean;
  rounds?: { api: LoadResult[]; baseline: LoadResult[] };
  note?: string;
  /** The API's peak RSS (MB) from its start to the end of this row. */
  apiPeakRssMb?: number;
}

export interface Report {
  startedAt: string;
  scale: string;
  database: string;
  settings: { connections: number; rounds: number; seconds: number; poolSize: number };
  seed: { reused: boolean; contacts: number; timings: Record<string, number> };
  rows: Row[];
  memory: { apiPeakRssMb: number; apiHwmMb: number; baselinePeakRssMb: number; goalMb: number; met: boolean };
  /** The API's CPU profile (with --profile) and the monotonic spans of its measured rounds. */
  profile?: { file: string; windows: [number, number][] };
  explain?: { name: string; top: string; cost: number; ms: number; warnings: string[] }[];
  notes: string[];
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
};

export function summariseSide(rounds: LoadResult[]): Side {
  return {
    rps: median(rounds.map((round) => round.rps)),
    p50: median(rounds.map((round) => round.p50)),
    p99: median(rounds.map((round) => round.p99)),
    failures: rounds.reduce((sum, round) => sum + round.failures, 0),
    cpuMs: median(rounds.map((round) => round.cpuMsPerRequest ?? 0)),
    cpuShare: median(rounds.map((round) => round.cpuShare ?? 0)),
  };
}

/** Ratios and the goal's verdict: req/s ≥ minRatio × baseline and, where set, p99 ≤ maxP99Ratio × baseline. */
export function judge(row: Row): Row {
  if (!row.api || !row.baseline) return row;
  const ratio = row.api.rps / row.baseline.rps;
  const p99Ratio = row.api.p99 / Math.max(row.baseline.p99, 0.001);
  const met =
    ratio >= row.goal.minRatio &&
    (row.goal.maxP99Ratio === undefined || p99Ratio <= row.goal.maxP99Ratio) &&
    row.api.failures === 0;
  return { ...row, ratio, p99Ratio, met };
}

const goalText = (goal: Goal) =>
  `≥ ${goal.minRatio}×${goal.maxP99Ratio === undefined ? '' : `, p99 ≤ ${goal.maxP99Ratio}×`}`;
const fixed = (value: number, digits = 0) =>
  value.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

export function table(report: Report): string {
  const head = [
    'operation',
    'API req/s',
    'p50 ms',
    'p99 ms',
    'base req/s',
    'p50 ms',
    'p99 ms',
    'ratio',
    'p99 ratio',
    'goal',
    'met',
    'CPU ms/req API / base',
  ];
  const lines = [
    `| ${head.join(' | ')} |`,
    `|${head.map((_, i) => (i === 0 || i === 9 || i === 10 ? '---' : '---:')).join('|')}|`,
  ];
  for (const row of report.rows) {
    const base = row.baseline
      ? [fixed(row.baseline.rps), fixed(row.baseline.p50, 1), fixed(row.baseline.p99, 1)]
      : ['—', '—', '—'];
    const cells = row.api
      ? [
          row.label,
          fixed(row.api.rps),
          fixed(row.api.p50, 1),
          fixed(row.api.p99, 1),
          ...base,
          fixed(row.ratio ?? 0, 2),
          fixed(row.p99Ratio ?? 0, 2),
          goalText(row.goal),
          row.met ? 'met' : `**not met**${row.api.failures ? ` (${row.api.failures} failed)` : ''}`,
          `${fixed(row.api.cpuMs, 3)} / ${row.baseline ? fixed(row.baseline.cpuMs, 3) : '—'}`,
        ]
      : [row.label, 'n/a', 'n/a', 'n/a', ...base, 'n/a', 'n/a', goalText(row.goal), row.note ?? 'n/a', '—'];
    lines.push(`| ${cells.join(' | ')} |`);
  }
  const memory = report.memory;
  lines.push(
    '',
    `API peak RSS under load: ${fixed(memory.apiPeakRssMb)} MB (VmHWM ${fixed(memory.apiHwmMb)} MB; baseline ${fixed(memory.baselinePeakRssMb)} MB) — goal ≤ ${memory.goalMb} MB: ${memory.met ? 'met' : '**not met**'}`,
    `Seed: ${report.seed.contacts.toLocaleString('en-US')} contacts, ${
      report.seed.reused
        ? 'reused from an earlier run'
        : `generated in ${report.seed.timings.total} s (${Object.entries(report.seed.timings)
            .filter(([step]) => step !== 'total')
            .map(([step, s]) => `${step} ${s} s`)
            .join(', ')})`
    }`,
    `Load: autocannon, ${report.settings.connections} connections, ${report.settings.rounds} alternating rounds × ${report.settings.seconds} s per side, medians; pool ${report.settings.poolSize} connections each; ${report.database}.`,
    ...report.notes,
  );
  return lines.join('\n');
}

export function writeReport(dir: string, report: Report): string {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${report.startedAt.replace(/[:.]/g, '-')}-${report.scale}.json`);
  writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
  return file;
}
