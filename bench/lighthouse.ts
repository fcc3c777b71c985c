/**
 * Lighthouse budgets (issue 4) on the login screen and the inspector's Today
 * screen: performance ≥ 95, accessibility 100, best practices 100, and an
 * installable app with a service worker. Lighthouse 12 (13 needs Node 22),
 * default config = its mobile preset (Moto G Power, simulated slow 4G and 4×
 * CPU), driving Debian's Chromium started here with a debugging port.
 *
 * One browser profile, as one phone. The login screen is audited as a first
 * visit: Lighthouse clears the origin's storage (service worker and caches
 * included) before each run. Then the inspector logs in and syncs there, and
 * Today is audited logged in, as the app is used every day: Lighthouse is
 * told to keep the profile's storage.
 * Lighthouse 12 no longer audits installability, so it is asked of Chromium
 * itself (Page.getInstallabilityErrors) on each screen, with the service
 * worker's state.
 *
 * Scores are medians over --runs; with --check, exits 1 when one misses its budget.
 *
 *   npx tsx bench/lighthouse.ts [--runs 1] [--check]
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import lighthouse, { type Result } from 'lighthouse';
import { chromium, type BrowserContext } from 'playwright-core';
import { DEMO_PASSWORD } from '../server/demo/accounts';
import { LoginPage } from '../tests/e2e/pages/login';
import { readyOffline } from '../tests/e2e/pages/phone-db';
import { CHROMIUM, CHROMIUM_ARGS, demoAppServer, load } from './browser';
import { arg, median, printTable } from './util';

const runs = Number(arg('runs', '1'));
const CATEGORIES = ['performance', 'accessibility', 'best-practices'] as const;
type Category = (typeof CATEGORIES)[number];
const BUDGET: Record<Category, number> = { performance: 95, accessibility: 100, 'best-practices': 100 };
const METRICS = ['first-contentful-paint', 'largest-contentful-paint', 'total-blocking-time', 'cumulative-layout-shift', 'speed-index'];

/** Starts Chromium on `profile` and answers the port its DevTools protocol listens on. */
function startChromium(profile: string) {
  const proc = spawn(CHROMIUM, [...CHROMIUM_ARGS, '--remote-debugging-port=0', `--user-data-dir=${profile}`, 'about:blank'], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
  const port = new Promise<number>((resolve, reject) => {
    let err = '';
    proc.stderr.on('data', (chunk: Buffer) => {
      err += chunk.toString();
      const m = /DevTools listening on ws:\/\/[^:]+:(\d+)\//.exec(err);
      if (m) resolve(Number(m[1]));
    });
    proc.once('exit', (code) => reject(new Error(`Chromium exited with ${code}:\n${err}`)));
  });
  return {
    port,
    async stop() {
      if (proc.exitCode === null && proc.signalCode === null) proc.kill('SIGTERM');
      await exited;
    },
  };
}

interface Audit {
  scores: Record<Category, number>;
  metrics: string[];
  /** The audits that cost points: category, id, and what Lighthouse says. */
  lost: string[];
}

async function audit(url: string, port: number, keepStorage: boolean): Promise<Audit> {
  let lhr: Result | undefined;
  // Lighthouse sometimes misses the navigation in its trace (NO_NAVSTART) and asks to be run again.
  for (let attempt = 1; !lhr || lhr.runtimeError; attempt++) {
    const result = await lighthouse(url, { port, output: 'json', logLevel: 'error', disableStorageReset: keepStorage, onlyCategories: [...CATEGORIES] });
    if (!result) throw new Error(`Lighthouse gave no result for ${url}`);
    lhr = result.lhr;
    if (lhr.runtimeError && attempt === 3) throw new Error(`Lighthouse on ${url}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
  }
  const scores = Object.fromEntries(CATEGORIES.map((c) => [c, Math.round((lhr.categories[c]?.score ?? 0) * 100)])) as Record<Category, number>;
  const lost = CATEGORIES.flatMap((c) =>
    (lhr.categories[c]?.auditRefs ?? [])
      .filter((ref) => ref.weight > 0)
      .map((ref) => lhr.audits[ref.id]!)
      .filter((a) => a.score !== null && a.score < 1 && (c !== 'performance' || !METRICS.includes(a.id)))
      .map((a) => `${c}: ${a.id} — ${a.title}${a.displayValue ? ` (${a.displayValue})` : ''}`),
  );
  const metrics = METRICS.map((id) => `${id.replace(/-/g, ' ')} ${lhr.audits[id]?.displayValue ?? '?'}`);
  return { scores, metrics, lost };
}

/** Whether Chromium would offer to install the app from this screen, and the service worker's state there. */
async function installability(context: BrowserContext, url: string): Promise<{ installable: string; serviceWorker: string }> {
  const page = await context.newPage();
  try {
    await page.goto(url);
    const sw = await page.evaluate(async () => {
      const registration = await navigator.serviceWorker.ready;
      return { active: registration.active?.state ?? 'none', controlled: navigator.serviceWorker.controller !== null };
    });
    const cdp = await context.newCDPSession(page);
    const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
    const { errors } = await cdp.send('Page.getAppManifest');
    const problems = [...installabilityErrors.map((e) => e.errorId), ...errors.map((e) => e.message)];
    return {
      installable: problems.length ? `no: ${problems.join('; ')}` : 'yes',
      serviceWorker: `${sw.active}${sw.controlled ? ', controls the page' : ', not controlling yet'}`,
    };
  } finally {
    await page.close();
  }
}

const server = await demoAppServer();
const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'parkcheck-bench-lighthouse-'));
const browser = startChromium(profile);
const screens: { name: string; audits: Audit[]; installable: string; serviceWorker: string }[] = [];
const loadBefore = load();

try {
  const port = await browser.port;
  const login = { name: 'login (first visit)', audits: [] as Audit[], installable: '', serviceWorker: '' };
  for (let i = 0; i < runs; i++) login.audits.push(await audit(`${server.url}/login`, port, false));
  const phone = await chromium.connectOverCDP(`http://127.0.0.1:${port}`);
  const context = phone.contexts()[0]!;
  Object.assign(login, await installability(context, `${server.url}/login`));
  screens.push(login);

  const page = await context.newPage();
  await page.goto(`${server.url}/login`);
  await new LoginPage(page).logIn('inspector', DEMO_PASSWORD);
  await page.waitForURL((u) => u.pathname === '/');
  await readyOffline(page);
  await page.close();

  const today = { name: 'Today (inspector, synced)', audits: [] as Audit[], installable: '', serviceWorker: '' };
  for (let i = 0; i < runs; i++) today.audits.push(await audit(`${server.url}/`, port, true));
  Object.assign(today, await installability(context, `${server.url}/`));
  screens.push(today);
  await phone.close();
} finally {
  await browser.stop();
  await server.stop();
  fs.rmSync(profile, { recursive: true, force: true });
}

let failed = false;
const rows = screens.map((s) => {
  const scores = CATEGORIES.map((c) => {
    const values = s.audits.map((a) => a.scores[c]);
    const m = median(values);
    if (m < BUDGET[c]) failed = true;
    return `${m}${values.length > 1 ? ` (${Math.min(...values)}–${Math.max(...values)})` : ''}${m < BUDGET[c] ? ' ✗' : ''}`;
  });
  if (s.installable !== 'yes' || !s.serviceWorker.startsWith('activated')) failed = true;
  return [s.name, ...scores, s.installable, s.serviceWorker];
});

console.log(`\nLighthouse 12, mobile preset, ${runs} run(s) per screen; machine: ${loadBefore} before, ${load()} after`);
printTable(
  ['screen', `performance (≥ ${BUDGET.performance})`, `accessibility (${BUDGET.accessibility})`, `best practices (${BUDGET['best-practices']})`, 'installable', 'service worker'],
  rows,
);
for (const s of screens) {
  console.log(`\n${s.name}: ${s.audits.at(-1)!.metrics.join(', ')}`);
  const lost = [...new Set(s.audits.flatMap((a) => a.lost))];
  for (const l of lost) console.log(`  ${l}`);
}
if (process.argv.includes('--check') && failed) {
  console.error('✗ under a Lighthouse budget');
  process.exit(1);
}
