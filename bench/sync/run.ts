/**
 * `npm run bench:sync`: ParkCheck's sync (the app's engine in headless
 * Chromium against the real server) on the PouchDB peer's workload, then the
 * peer itself (../shared/peers/pouchdb), back to back, with each phase's
 * ratio ParkCheck / peer. Same data (fingerprint d120bd6a), same phases and
 * timing boundaries, same byte counting, median of `--runs` (default 5),
 * each run with a fresh server data dir and a fresh Chromium profile.
 *
 *   npx tsx bench/sync/run.ts [--runs 5] [--db pglite|postgres|both] [--big 50000] [--skip-peer]
 *
 * Budgets (issue 3): push, push + photos, pull and incremental ratios ≤ 1.0
 * (the incremental phase, like the peer's, times sending the new inspection;
 * a whole sync that also pulls is printed beside it as a figure);
 * push + photos wire bytes ≤ 1.05 × (photo bytes + JSON); first pull of a
 * 50,000-finding scope ≤ 10 s; incremental pull with nothing new ≤ 20 ms p95.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import pg from 'pg';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { arg, median, percentile, printTable } from '../util';
import { BENCH_USER, BIG_USER } from './users';

const RUNS = Number(arg('runs', '5'));
const WHICH = arg('db', 'both');
const BIG = Number(arg('big', '50000'));
const BIG_RUNS = Math.min(RUNS, 3);
const SKIP_PEER = process.argv.includes('--skip-peer');
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const PG_ADMIN = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const TMP = path.resolve('.tmp/bench-sync');
const PAGE_DIR = path.join(TMP, 'page');
const PEER_SRC = path.resolve('../shared/peers/pouchdb');
const PEER_DIR = path.join(TMP, 'peer');

// ── the page ────────────────────────────────────────────────────────────────
async function buildPage() {
  fs.rmSync(PAGE_DIR, { recursive: true, force: true });
  fs.mkdirSync(PAGE_DIR, { recursive: true });
  await build({
    entryPoints: ['bench/sync/page.ts'],
    bundle: true,
    minify: true,
    format: 'iife',
    target: 'es2022',
    outfile: path.join(PAGE_DIR, 'bench.js'),
    logLevel: 'error',
  });
  fs.writeFileSync(path.join(PAGE_DIR, 'index.html'), '<!doctype html><meta charset="utf-8"><title>sync bench</title><pre id="log">loading</pre><script src="/bench.js"></script>\n');
  // What the app ships for sync: the engine with its database and transport, gzip -9.
  const engine = await build({
    stdin: { contents: "export * from './app/sync/engine'; export * from './app/sync/outbox'; export * from './app/sync/photos'; export * from './app/sync/transport';", resolveDir: '.', loader: 'ts' },
    bundle: true,
    minify: true,
    format: 'esm',
    target: 'es2022',
    write: false,
    logLevel: 'error',
  });
  const bytes = engine.outputFiles[0]!.contents;
  return { minBytes: bytes.length, gzipBytes: gzipSync(bytes, { level: 9 }).length };
}

// ── the server ──────────────────────────────────────────────────────────────
interface Server {
  url: string;
  stats(resetMax?: boolean): Promise<Stats>;
  control(p: string): Promise<unknown>;
  stop(): Promise<void>;
}
interface Stats {
  bytesIn: number;
  bytesOut: number;
  requests: number;
  maxBodyBytes: number;
  cpuUs: { user: number; system: number };
}

async function freshPostgres(): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `parkcheck_bench_sync_${process.pid}_${Date.now()}`;
  const c = new pg.Client({ connectionString: PG_ADMIN });
  await c.connect();
  await c.query(`CREATE DATABASE ${name}`);
  await c.end();
  const url = new URL(PG_ADMIN);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const d = new pg.Client({ connectionString: PG_ADMIN });
      await d.connect();
      await d.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await d.end();
    },
  };
}

async function startServer(db: 'pglite' | 'postgres'): Promise<Server> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'parkcheck-bench-sync-'));
  const pgdb = db === 'postgres' ? await freshPostgres() : undefined;
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'bench/sync/server.ts', '--data', dir, '--page', PAGE_DIR, ...(pgdb ? ['--database-url', pgdb.url] : [])], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const ready = await new Promise<{ port: number; controlPort: number }>((resolve, reject) => {
    createInterface({ input: child.stdout! }).on('line', (line) => {
      if (line.startsWith('{"ready"')) resolve(JSON.parse(line));
    });
    child.once('exit', (code) => reject(new Error(`bench server exited with ${code}`)));
  });
  const control = async (p: string) => (await fetch(`http://127.0.0.1:${ready.controlPort}${p}`)).json();
  return {
    url: `http://127.0.0.1:${ready.port}`,
    stats: (resetMax = false) => control(`/stats${resetMax ? '?resetMax=1' : ''}`) as Promise<Stats>,
    control,
    async stop() {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
      if (child.exitCode === null) child.kill('SIGKILL');
      await pgdb?.drop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

// ── one run ─────────────────────────────────────────────────────────────────
interface Measured {
  ms: number;
  bytesIn: number;
  bytesOut: number;
  requests: number;
  maxBodyBytes: number;
  serverCpuMs: number;
  [k: string]: unknown;
}

type Call = (name: string, ...args: unknown[]) => Promise<any>;

async function withPage<T>(server: Server, fn: (call: Call, page: Page) => Promise<T>): Promise<T> {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'parkcheck-bench-profile-'));
  let context: BrowserContext | undefined;
  try {
    context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
    const page = context.pages()[0] ?? (await context.newPage());
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(`${server.url}/index.html`);
    await page.waitForFunction(() => Boolean((window as unknown as { bench?: unknown }).bench));
    const call: Call = (name, ...args) =>
      page.evaluate(
        ([n, a]) => (window as unknown as { bench: Record<string, (...x: unknown[]) => unknown> }).bench[n as string]!(...(a as unknown[])),
        [name, args] as const,
      );
    const out = await fn(call, page);
    if (errors.length) throw new Error(`page errors: ${errors.join('; ')}`);
    return out;
  } finally {
    await context?.close();
    fs.rmSync(profile, { recursive: true, force: true });
  }
}

async function measured(server: Server, run: () => Promise<Record<string, unknown> & { ms: number }>): Promise<Measured> {
  const before = await server.stats(true);
  const res = await run();
  const after = await server.stats();
  const cpu = (s: Stats) => s.cpuUs.user + s.cpuUs.system;
  return {
    ...res,
    bytesIn: after.bytesIn - before.bytesIn,
    bytesOut: after.bytesOut - before.bytesOut,
    requests: after.requests - before.requests,
    maxBodyBytes: after.maxBodyBytes,
    serverCpuMs: (cpu(after) - cpu(before)) / 1000,
  };
}

function check(cond: unknown, what: string) {
  if (!cond) throw new Error(`check failed: ${what}`);
}

async function oneRun(db: 'pglite' | 'postgres') {
  const r: Record<string, any> = {};
  // Inspections without photos: write, push, pull into a fresh phone, incremental.
  let server = await startServer(db);
  try {
    await withPage(server, async (call) => {
      r.workload = await call('init', { ...BENCH_USER });
      check(r.workload.fingerprint === 'd120bd6a', `workload fingerprint ${r.workload.fingerprint}`);
      await call('open', 'docs');
      r.write = await call('write', 'docs');
      r.push = await measured(server, () => call('push', 'docs'));
      const counts = (await server.control('/counts')) as { inspections: number; findings: number };
      check(r.push.result === 'ok' && r.push.outboxLeft === 0 && counts.inspections === 1000, `push: ${JSON.stringify(r.push)} ${JSON.stringify(counts)}`);
      r.pull = await measured(server, () => call('pull', 'pulled'));
      check(r.pull.inspections === 1000 && r.pull.findings === counts.findings, `pull: ${JSON.stringify(r.pull)}`);
      await call('pull', 'docs'); // the pusher catches up, as the peer's checkpoint does
      r.incremental = await measured(server, () => call('incremental', 'docs', 0, 'send'));
      r.incrementalSync = await measured(server, () => call('incremental', 'docs', 1, 'all'));
      const after = (await server.control('/counts')) as { inspections: number };
      check(r.incremental.outboxLeft === 0 && r.incrementalSync.outboxLeft === 0 && after.inspections === 1002, 'incremental');
    });
  } finally {
    await server.stop();
  }
  // The same inspections with 100 photos of 300 KiB, into a fresh server.
  server = await startServer(db);
  try {
    await withPage(server, async (call) => {
      r.workloadPhotos = await call('init', { ...BENCH_USER });
      await call('open', 'photos');
      r.writePhotos = await call('write', 'photos', true);
      r.pushPhotos = await measured(server, () => call('push', 'photos'));
      const counts = (await server.control('/counts')) as { inspections: number; attachments: number };
      check(r.pushPhotos.photosLeft === 0 && counts.attachments === 100 && counts.inspections === 1000, `pushPhotos ${JSON.stringify(counts)}`);
    });
  } finally {
    await server.stop();
  }
  return r;
}

async function bigRun(db: 'pglite' | 'postgres') {
  const server = await startServer(db);
  try {
    const seeded = (await server.control(`/seed-big?n=${BIG}`)) as { findings: number };
    // Each pull into a new phone (a fresh browser profile); the median of a few, like every other phase.
    const pulls: Measured[] = [];
    for (let i = 0; i < BIG_RUNS; i++) {
      const one = await withPage(server, async (call) => {
        await call('init', { ...BIG_USER });
        return measured(server, () => call('bigPull', 'big'));
      });
      check(one.findings === seeded.findings, `big pull: ${one.findings} of ${seeded.findings}`);
      pulls.push(one);
    }
    const big = pulls.sort((a, b) => a.ms - b.ms)[pulls.length >> 1]!;
    // Incremental pull with nothing new: what every periodic sync costs the server.
    const login = (await (
      await fetch(`${server.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(BIG_USER) })
    ).json()) as { token: string };
    const auth = { authorization: `Bearer ${login.token}` };
    let cursor = '';
    for (;;) {
      const page = (await (await fetch(`${server.url}/api/sync/pull?limit=2000${cursor ? `&cursor=${cursor}` : ''}`, { headers: auth })).json()) as { cursor: string; more: boolean };
      cursor = page.cursor;
      if (!page.more) break;
    }
    const times: number[] = [];
    for (let i = 0; i < 220; i++) {
      const t0 = performance.now();
      const res = await fetch(`${server.url}/api/sync/pull?cursor=${cursor}`, { headers: auth });
      const body = (await res.json()) as { changes: unknown[] };
      if (i >= 20) times.push(performance.now() - t0);
      check(body.changes.length === 0, 'nothing new');
    }
    times.sort((a, b) => a - b);
    return { big, bigMs: pulls.map((p) => p.ms), emptyPull: { p50: percentile(times, 50), p95: percentile(times, 95) } };
  } finally {
    await server.stop();
  }
}

// ── the peer ────────────────────────────────────────────────────────────────
function runPeer(): Record<string, any> | undefined {
  if (!fs.existsSync(PEER_SRC)) {
    console.log(`(peer not found at ${PEER_SRC}: its column stays empty)`);
    return undefined;
  }
  if (!fs.existsSync(path.join(PEER_DIR, 'node_modules'))) {
    fs.rmSync(PEER_DIR, { recursive: true, force: true });
    fs.cpSync(PEER_SRC, PEER_DIR, { recursive: true, filter: (src) => !src.includes('node_modules') && !src.endsWith('results.json') });
    for (const f of fs.readdirSync(PEER_DIR)) fs.chmodSync(path.join(PEER_DIR, f), 0o755);
    const ci = spawnSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: PEER_DIR, stdio: 'inherit' });
    if (ci.status !== 0) throw new Error('npm ci in the peer failed');
  }
  const out = path.join(PEER_DIR, 'results-now.json');
  const r = spawnSync(process.execPath, ['run.mjs', '--runs', String(RUNS), '--out', out], { cwd: PEER_DIR, stdio: 'inherit' });
  if (r.status !== 0) throw new Error('the peer bench failed');
  return JSON.parse(fs.readFileSync(out, 'utf8'));
}

// ── main ────────────────────────────────────────────────────────────────────
const bundle = await buildPage();
const dbs: ('pglite' | 'postgres')[] = WHICH === 'both' ? ['pglite', 'postgres'] : [WHICH as 'pglite' | 'postgres'];
const ours: Record<string, Record<string, any>[]> = {};
const bigs: Record<string, Awaited<ReturnType<typeof bigRun>>> = {};
for (const db of dbs) {
  ours[db] = [];
  for (let i = 1; i <= RUNS; i++) {
    const t0 = Date.now();
    const r = await oneRun(db);
    ours[db]!.push(r);
    console.error(
      `parkcheck/${db} run ${i}/${RUNS} (${((Date.now() - t0) / 1000).toFixed(1)} s): write ${r.write.ms.toFixed(0)} ms, push ${r.push.ms.toFixed(0)} ms, ` +
        `pull ${r.pull.ms.toFixed(0)} ms, incremental ${r.incremental.ms.toFixed(0)} ms (whole sync ${r.incrementalSync.ms.toFixed(0)} ms), push+photos ${r.pushPhotos.ms.toFixed(0)} ms`,
    );
  }
  bigs[db] = await bigRun(db);
}
const peer = SKIP_PEER ? undefined : runPeer();

const med = (runs: Record<string, any>[], k: string, f = 'ms') => median(runs.map((r) => r[k][f] as number));
const jsonBytes = ours[dbs[0]!]![0]!.workload.jsonBytes as number;
const photoTotal = 100 * 300 * 1024;
const rows: (string | number)[][] = [];
const peerMs = (k: string) => peer?.summary?.[k]?.ms?.median as number | undefined;
const peerBytes = (k: string) => peer?.summary?.[k]?.bytesIn?.median as number | undefined;
const ratio = (a: number, b: number | undefined) => (b ? (a / b).toFixed(2) : '—');
const mb = (b: number) => `${(b / 1e6).toFixed(2)} MB`;
for (const db of dbs) {
  const runs = ours[db]!;
  const phase = (label: string, k: string, peerKey: string, budget: string) => {
    const ms = med(runs, k);
    rows.push([
      `${db}: ${label}`,
      `${ms.toFixed(0)} ms`,
      peerMs(peerKey) ? `${peerMs(peerKey)!.toFixed(0)} ms` : '—',
      ratio(ms, peerMs(peerKey)),
      runs[0]![k].bytesIn !== undefined ? `${mb(med(runs, k, 'bytesIn'))} up / ${mb(med(runs, k, 'bytesOut'))} down, ${med(runs, k, 'requests')} reqs` : '',
      budget,
    ]);
  };
  phase('local write, 1,000 inspections', 'write', 'write', '(figure)');
  phase('push 1,000 inspections', 'push', 'push', 'ratio ≤ 1.0');
  phase('push 1,000 + 100 photos (30.7 MB)', 'pushPhotos', 'pushPhotos', `ratio ≤ 1.0; up ≤ ${mb(1.05 * (photoTotal + jsonBytes))}`);
  phase('pull into a fresh phone database', 'pull', 'pull', 'ratio ≤ 1.0');
  phase('incremental: +1 inspection, send (the peer’s phase)', 'incremental', 'incremental', 'ratio ≤ 1.0');
  phase('incremental: +1 inspection, whole sync (send + pull)', 'incrementalSync', 'incremental', '(figure)');
  const big = bigs[db]!;
  rows.push([
    `${db}: first pull of ${BIG.toLocaleString('en')} findings (+ inspections, events), median of ${BIG_RUNS}`,
    `${(big.big.ms / 1000).toFixed(2)} s`,
    '—',
    '',
    `${(Math.min(...big.bigMs) / 1000).toFixed(2)}–${(Math.max(...big.bigMs) / 1000).toFixed(2)} s; ${mb(big.big.bytesOut)} down, ${big.big.requests} pages; JS heap peak ${mb(big.big.peakHeapBytes as number)}`,
    '≤ 10 s',
  ]);
  rows.push([`${db}: incremental pull, nothing new`, `p95 ${big.emptyPull.p95.toFixed(1)} ms`, '—', '', `p50 ${big.emptyPull.p50.toFixed(1)} ms (round trip, server time within)`, '≤ 20 ms p95']);
}
const peerBundle = peer?.bundle?.pouchdbOnly?.gzipBytes as number | undefined;
rows.push([
  'bundle: the app’s sync engine (Dexie + engine + schemas)',
  `${(bundle.gzipBytes / 1024).toFixed(1)} KiB gzip`,
  peerBundle ? `${(peerBundle / 1024).toFixed(1)} KiB` : '—',
  ratio(bundle.gzipBytes, peerBundle),
  `${(bundle.minBytes / 1024).toFixed(1)} KiB minified`,
  '(figure)',
]);
console.log(`\nParkCheck sync vs PouchDB peer — median of ${RUNS} runs each, workload fingerprint ${ours[dbs[0]!]![0]!.workload.fingerprint}`);
if (peerBytes('pushPhotos')) console.log(`peer push+photos sends ${mb(peerBytes('pushPhotos')!)} up (photos as base64 in JSON)`);
printTable(['phase', 'ParkCheck', 'PouchDB', 'ratio', 'wire', 'budget'], rows);
fs.mkdirSync(TMP, { recursive: true });
fs.writeFileSync(path.join(TMP, 'results.json'), JSON.stringify({ date: new Date().toISOString(), runs: RUNS, ours, bigs, bundle, peer: peer?.summary }, null, 2));
process.exit(0);
