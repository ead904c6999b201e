/**
 * `pnpm docs:screenshot`: starts the real server (apps/api/src/main.ts) on
 * DATABASE_URL, or on a throwaway embedded PostgreSQL, opens its API reference
 * (/docs) in Debian's Chromium (headless, via playwright-core; never a downloaded
 * browser) and writes docs/screenshots/api-reference.png. It fails if the page
 * tries to reach any host but the server: the reference must work offline.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const root = fileURLToPath(new URL('../', import.meta.url));
const output = join(root, 'docs/screenshots/api-reference.png');
/** Debian's chromium (apt-get install chromium); playwright never downloads a browser here. */
const CHROMIUM = '/usr/bin/chromium';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

async function startServer(env: Record<string, string>): Promise<{ url: string; child: ChildProcess }> {
  const port = await freePort();
  const child = spawn('node', ['--import', 'tsx', 'apps/api/src/main.ts'], {
    cwd: root,
    env: { ...process.env, LOG_LEVEL: 'warn', HOST: '127.0.0.1', PORT: String(port), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the server did not start:\n${log}`)), 90_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      log += chunk;
      if (log.includes('is running at')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      log += chunk;
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the server exited (${code}) before it started:\n${log}`));
    });
  });
  return { url: `http://127.0.0.1:${port}`, child };
}

async function stopServer(child: ChildProcess) {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

async function screenshot(url: string) {
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 1000 }, deviceScaleFactor: 1 });
    const outside: string[] = [];
    await page.route('**/*', (route) => {
      const target = route.request().url();
      if (target.startsWith(url) || target.startsWith('data:') || target.startsWith('blob:')) {
        return route.continue();
      }
      outside.push(target);
      return route.abort();
    });
    await page.goto(`${url}/docs`, { waitUntil: 'networkidle' });
    // The contacts operations, as the sidebar and the reference list them.
    for (const summary of ['List contacts', 'Create a contact', 'Get a contact', 'Update a contact']) {
      await page.getByText(summary, { exact: true }).first().waitFor({ state: 'visible', timeout: 30_000 });
    }
    // Bring the Contacts section (its description and list of operations) to the top.
    await page
      .getByRole('heading', { name: 'Contacts', exact: true })
      .first()
      .evaluate((heading) => heading.scrollIntoView({ block: 'start' }));
    await page.waitForTimeout(500);
    mkdirSync(join(root, 'docs/screenshots'), { recursive: true });
    await page.screenshot({ path: output });
    if (outside.length > 0) throw new Error(`the page tried to reach other hosts:\n${outside.join('\n')}`);
  } finally {
    await browser.close();
  }
}

const ownDatabase = !process.env.DATABASE_URL;
const dataDir = ownDatabase ? mkdtempSync(join(tmpdir(), 'pristinesend-docs-')) : undefined;
// As root, the embedded PostgreSQL runs as `postgres`, who must reach its data directory.
if (dataDir) chmodSync(dataDir, 0o755);
const { url, child } = await startServer(
  dataDir ? { PRISTINESEND_DATA_DIR: dataDir, PRISTINESEND_EMBEDDED_PG_PORT: String(await freePort()) } : {},
);
try {
  await screenshot(url);
  process.stdout.write(`wrote ${output}\n`);
} finally {
  await stopServer(child);
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
}
