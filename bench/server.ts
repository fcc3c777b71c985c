/**
 * Server budgets (issue 2), on PGlite and on PostgreSQL:
 *   - cold start to healthy with the demo data present (budget ≤ 3 s), and
 *     the first start that creates the database and loads the demo data;
 *   - GET /api/parks at 50 concurrent connections on loopback for 10 s:
 *     throughput and p50/p95 (budget on PGlite ≥ 2,000 req/s, p95 ≤ 50 ms).
 * The server runs as its own process, as in production; the load generator
 * (autocannon) shares the machine's two cores with it.
 *
 *   npx tsx bench/server.ts [--db pglite|postgres|both] [--runs 5] [--seconds 10]
 */
import autocannon from 'autocannon';
import { loginAt, spawnServer } from '../tests/support/process';
import { arg, median, percentile, pgliteTarget, postgresTarget, printTable } from './util';

const runs = Number(arg('runs', '5'));
const seconds = Number(arg('seconds', '10'));
const which = arg('db', 'both');

async function timedStart(env: Record<string, string>) {
  const t0 = performance.now();
  const server = await spawnServer({ ...env, PARKCHECK_DEMO: '1' }, 180_000);
  // Listening is not enough: healthy means the API answers with the database.
  for (;;) {
    const res = await fetch(`${server.url}/api/health`).catch(() => undefined);
    if (res?.status === 200) break;
    await new Promise((r) => setTimeout(r, 10));
  }
  return { server, ms: performance.now() - t0 };
}

async function load(url: string, token: string) {
  const latencies: number[] = [];
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      { url: `${url}/api/parks`, connections: 50, duration: seconds, headers: { authorization: `Bearer ${token}` } },
      (err, res) => (err ? reject(err) : resolve(res)),
    );
    // Every response's time, for an exact p95 (autocannon itself reports p90 and p97.5).
    instance.on('response', (_client, status, _bytes, ms) => {
      if (status === 200) latencies.push(ms);
    });
  });
  latencies.sort((a, b) => a - b);
  return {
    rps: result.requests.average,
    ok: latencies.length,
    errors: result.non2xx + result.errors + result.timeouts,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
  };
}

const rows: (string | number)[][] = [];
for (const make of which === 'both' ? [pgliteTarget, postgresTarget] : which === 'postgres' ? [postgresTarget] : [pgliteTarget]) {
  const target = await make('server');
  try {
    const first = await timedStart(target.env);
    await first.server.kill();
    const starts: number[] = [];
    let last: Awaited<ReturnType<typeof timedStart>> | undefined;
    for (let i = 0; i < runs; i++) {
      if (last) await last.server.kill();
      last = await timedStart(target.env);
      starts.push(last.ms);
    }
    const url = last!.server.url;
    const results = [];
    for (const [who, label] of [
      ['supervisor', 'city supervisor, 23 parks'],
      ['inspector', 'town inspector, 5 parks'],
    ] as const) {
      const token = await loginAt(url, who, 'demo1234');
      await load(url, token); // warm-up pass, not reported
      results.push({ label, ...(await load(url, token)) });
    }
    await last!.server.kill();
    rows.push([`${target.name}: first start (create + demo data)`, `${(first.ms / 1000).toFixed(2)} s`, '', '']);
    rows.push([
      `${target.name}: cold start to healthy, demo present (median of ${runs})`,
      `${(median(starts) / 1000).toFixed(2)} s`,
      `min ${(Math.min(...starts) / 1000).toFixed(2)} / max ${(Math.max(...starts) / 1000).toFixed(2)} s`,
      target.name === 'pglite' ? 'budget ≤ 3 s' : 'budget ≤ 3 s',
    ]);
    for (const r of results) {
      rows.push([
        `${target.name}: GET /api/parks ×50 conns, ${r.label}`,
        `${Math.round(r.rps)} req/s`,
        `p50 ${r.p50.toFixed(1)} ms / p95 ${r.p95.toFixed(1)} ms, ${r.errors} errors`,
        target.name === 'pglite' ? 'budget ≥ 2,000 req/s, p95 ≤ 50 ms' : '(figures only)',
      ]);
    }
  } finally {
    await target.cleanup();
  }
}
printTable(['server', 'figure', 'detail', 'budget'], rows);
