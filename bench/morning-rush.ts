/**
 * The morning rush (issue 12): 50 phones open the app at once and pull
 * their first page of 500 changes, then each keeps pulling with nothing new
 * (10 rounds, all phones at once). On the demo database, PGlite beside
 * PostgreSQL. Budget (PGlite, first pages): p99 ≤ 2 s, none over 10 s.
 * Phones log in as the demo's seven accounts in turn before the clock starts.
 *
 *   npx tsx bench/morning-rush.ts [--db pglite|postgres|both] [--phones 50]
 */
import { loginAt, spawnServer } from '../tests/support/process';
import { arg, percentile, pgliteTarget, postgresTarget, printTable } from './util';

const PHONES = Number(arg('phones', '50'));
const WHICH = arg('db', 'both');
const ROUNDS = 10;
const ACCOUNTS = ['admin', 'supervisor', 'supervisor2', 'inspector', 'inspector2', 'operator', 'operator2'];
const BUDGET = { p99: 2000, max: 10_000 };

interface Figures {
  requests: number;
  perSecond: number;
  p50: number;
  p99: number;
  max: number;
  overTen: number;
}

async function timed(url: string, token: string): Promise<{ ms: number; cursor: string; more: boolean }> {
  const started = performance.now();
  const res = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
  const body = (await res.json()) as { cursor: string; more: boolean };
  if (res.status !== 200) throw new Error(`pull: ${res.status} ${JSON.stringify(body)}`);
  return { ms: performance.now() - started, ...body };
}

function figures(times: number[], wallMs: number): Figures {
  const sorted = [...times].sort((a, b) => a - b);
  return {
    requests: times.length,
    perSecond: times.length / (wallMs / 1000),
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    max: sorted.at(-1)!,
    overTen: times.filter((t) => t > 10_000).length,
  };
}

const row = (name: string, f: Figures) => [
  name,
  f.requests,
  f.perSecond.toFixed(1),
  f.p50.toFixed(0),
  f.p99.toFixed(0),
  f.max.toFixed(0),
  f.overTen,
];

const table: (string | number)[][] = [];
let over = false;
for (const make of WHICH === 'both' ? [pgliteTarget, postgresTarget] : WHICH === 'postgres' ? [postgresTarget] : [pgliteTarget]) {
  const target = await make('morning-rush');
  const server = await spawnServer({ ...target.env, PARKCHECK_DEMO: '1' }, 180_000);
  try {
    const tokens: string[] = [];
    for (let i = 0; i < PHONES; i++) tokens.push(await loginAt(server.url, ACCOUNTS[i % ACCOUNTS.length]!, 'demo1234'));
    const pull = (cursor?: string) => `${server.url}/api/sync/pull?limit=500${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;

    let started = performance.now();
    const first = await Promise.all(tokens.map((token) => timed(pull(), token)));
    const firstFigures = figures(first.map((r) => r.ms), performance.now() - started);
    table.push(row(`${target.name}: first page`, firstFigures));
    if (target.name === 'pglite' && (firstFigures.p99 > BUDGET.p99 || firstFigures.max > BUDGET.max)) over = true;

    // Each phone pulls to the end of its feed (not timed), then everyone pulls with nothing new.
    const cursors = await Promise.all(
      tokens.map(async (token, i) => {
        let page = first[i]!;
        while (page.more) page = await timed(pull(page.cursor), token);
        return page.cursor;
      }),
    );
    const idle: number[] = [];
    started = performance.now();
    for (let round = 0; round < ROUNDS; round++) {
      idle.push(...(await Promise.all(tokens.map((token, i) => timed(pull(cursors[i]), token)))).map((r) => r.ms));
    }
    table.push(row(`${target.name}: nothing new`, figures(idle, performance.now() - started)));
  } finally {
    await server.kill();
    await target.cleanup();
  }
}
console.log(`\n${PHONES} phones pulling at once (demo data, pages of 500)`);
printTable(['pull', 'requests', 'req/s', 'p50 ms', 'p99 ms', 'max ms', 'over 10 s'], table);
console.log(`budget (PGlite, first page): p99 ≤ ${BUDGET.p99} ms, none over ${BUDGET.max / 1000} s — ${over ? 'OVER' : 'within'}`);
if (process.argv.includes('--check') && over) process.exit(1);
