/**
 * Report budgets (issue 6), on PostgreSQL with a generated province
 * (generate.ts: 1,000 parks, 60,000 enterprises, 1,000,000 findings):
 *
 *   - every report query ≤ 300 ms p95 — each groupBy and the dashboard's
 *     finding lists, as the province admin, a city supervisor and a town
 *     supervisor, for this month and this year;
 *   - the dashboard renders in ≤ 2 s against it (Chromium, desktop viewport);
 *   - the dashboard route's JS ≤ 300 KB gzip (from the Vite build manifest).
 *
 *   npx tsx bench/reports/run.ts [--runs 20] [--only queries|dashboard|bundle] [--keep] [--reuse]
 *
 * --keep leaves the database (parkcheck_bench_reports) for another run with
 * --reuse; otherwise it is dropped at the end.
 */
import os from 'node:os';
import pg from 'pg';
import { localDate, startOfDate } from '../../shared/dates';
import { presetPeriod, previousPeriod, trailingMonths, type Period } from '../../shared/rates';
import { bootstrap } from '../../server/bootstrap';
import { openDatabase, type Database } from '../../server/db/client';
import { createUser } from '../../server/domain/admin/users';
import type { Services } from '../../server/domain/services';
import { createApp } from '../../server/http/app';
import { findUserByUsername } from '../../server/repo/users';
import { diskStore } from '../../server/storage/disk';
import { arg, percentile, printTable } from '../util';
import { measureBundle } from './bundle';
import { measureDashboard } from './dashboard';
import { generateProvince, type Province } from './generate';

const PG_ADMIN = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const DB_NAME = 'parkcheck_bench_reports';
const RUNS = Number(arg('runs', '20'));
const ONLY = arg('only', '');
const KEEP = process.argv.includes('--keep');
const REUSE = process.argv.includes('--reuse');
const TZ = 'Asia/Shanghai';
const PASSWORD = 'bench-password-1';
const BUDGET_MS = 300;

const dbUrl = () => {
  const u = new URL(PG_ADMIN);
  u.pathname = `/${DB_NAME}`;
  return u.toString();
};

async function admin<T>(run: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: PG_ADMIN });
  await c.connect();
  try {
    return await run(c);
  } finally {
    await c.end();
  }
}

const exists = () => admin(async (c) => (await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [DB_NAME])).rowCount === 1);

async function services(database: Database): Promise<Services> {
  return {
    db: database.db,
    dbKind: database.kind,
    tz: TZ,
    now: () => new Date(),
    version: 'bench',
    attachments: diskStore('/tmp/parkcheck-bench-reports'),
  };
}

/** A fresh database with the province in it; answers the ids the bench asks as. */
async function build(): Promise<Province> {
  await admin(async (c) => {
    await c.query(`DROP DATABASE IF EXISTS ${DB_NAME} WITH (FORCE)`);
    await c.query(`CREATE DATABASE ${DB_NAME}`);
  });
  console.log(`generating a province in ${DB_NAME} (migrations create the report indexes first):`);
  const database = await openDatabase({ databaseUrl: dbUrl() });
  try {
    const s = await services(database);
    await bootstrap(s, { demo: false, adminUsername: 'admin', adminPassword: PASSWORD });
    const c = new pg.Client({ connectionString: dbUrl() });
    await c.connect();
    try {
      const { rows } = await c.query<{ id: string }>(
        `INSERT INTO users (id, username, name, role, password_hash) VALUES (gen_random_uuid(), 'bench-inspector', '检查员', 'inspector', '!') RETURNING id`,
      );
      const now = new Date();
      const today = localDate(now, TZ);
      const t0 = performance.now();
      const province = await generateProvince(c, { dayStart: startOfDate(today, TZ), today, now, tz: TZ, inspectorId: rows[0]!.id });
      console.log(`  generated in ${((performance.now() - t0) / 1000).toFixed(0)} s: ${JSON.stringify(province.counts)}`);
      const who = { actor: { id: (await findUserByUsername(s.db, 'admin'))!.id, username: 'admin' }, ip: null };
      for (const [username, regionId] of [
        ['city-supervisor', province.cityId],
        ['town-supervisor', province.townId],
      ] as const) {
        await createUser(s, { username, password: PASSWORD, name: username, role: 'supervisor', regionIds: [regionId] }, who);
      }
      return province;
    } finally {
      await c.end();
    }
  } finally {
    await database.close();
  }
}

interface Probe {
  name: string;
  url: string;
}

function probes(period: Period, label: string): Probe[] {
  const q = `from=${period.from}&to=${period.to}`;
  const trend = trailingMonths(period.to, 12);
  const before = previousPeriod(period);
  return [
    ...(['region', 'park', 'category', 'severity'] as const).map((g) => ({
      name: `${label} groupBy=${g}`,
      url: `/api/reports/rectification?groupBy=${g}&${q}`,
    })),
    { name: `${label} groupBy=month (12 months)`, url: `/api/reports/rectification?groupBy=month&from=${trend.from}&to=${trend.to}` },
    { name: `${label} previous period by park`, url: `/api/reports/rectification?groupBy=park&from=${before.from}&to=${before.to}` },
    { name: `${label} overdue list (10)`, url: `/api/reports/findings?measure=overdue&limit=10&${q}` },
    { name: `${label} open major list (10)`, url: `/api/reports/findings?measure=openMajor&limit=10&${q}` },
    { name: `${label} findings list (50), newest first`, url: `/api/reports/findings?measure=total&limit=50&${q}` },
    { name: `${label} on-time list (50)`, url: `/api/reports/findings?measure=onTime&limit=50&${q}` },
  ];
}

async function measureQueries(): Promise<boolean> {
  const database = await openDatabase({ databaseUrl: dbUrl(), poolSize: 10 });
  try {
    const app = createApp(await services(database));
    const login = async (username: string) => {
      const res = await app.request('/api/auth/login', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username, password: PASSWORD }),
      });
      return ((await res.json()) as { token: string }).token;
    };
    const today = localDate(new Date(), TZ);
    const periods: [string, Period][] = [
      ['this month', presetPeriod('thisMonth', today)],
      ['this year', presetPeriod('thisYear', today)],
    ];
    const rows: (string | number)[][] = [];
    let over = false;
    for (const [who, username] of [
      ['province admin', 'admin'],
      ['city supervisor', 'city-supervisor'],
      ['town supervisor', 'town-supervisor'],
    ] as const) {
      const token = await login(username);
      for (const [label, period] of periods) {
        for (const p of probes(period, label)) {
          const times: number[] = [];
          let status = 0;
          for (let i = 0; i < RUNS + 2; i++) {
            const t0 = performance.now();
            const res = await app.request(p.url, { headers: { authorization: `Bearer ${token}` } });
            await res.arrayBuffer();
            status = res.status;
            if (i >= 2) times.push(performance.now() - t0);
          }
          times.sort((a, b) => a - b);
          const p95 = percentile(times, 95);
          over ||= p95 > BUDGET_MS || status !== 200;
          rows.push([who, p.name, status, percentile(times, 50).toFixed(0), p95.toFixed(0), p95 > BUDGET_MS ? '✗' : '✓']);
        }
      }
    }
    const load = os.loadavg().map((x) => x.toFixed(1)).join(' ');
    console.log(`\nreport queries over HTTP (in-process app, PostgreSQL), ${RUNS} runs each after 2 warm-ups (${os.cpus().length} cores, load average ${load}):`);
    printTable(['as', 'query', 'status', 'p50 ms', 'p95 ms', `≤ ${BUDGET_MS}`], rows);
    return !over;
  } finally {
    await database.close();
  }
}

async function main() {
  let ok = true;
  if (!ONLY || ONLY === 'bundle') ok = (await measureBundle()) && ok;
  if (ONLY === 'bundle') return ok;
  if (!(REUSE && (await exists()))) await build();
  try {
    if (!ONLY || ONLY === 'queries') ok = (await measureQueries()) && ok;
    if (!ONLY || ONLY === 'dashboard') ok = (await measureDashboard({ databaseUrl: dbUrl(), password: PASSWORD })) && ok;
  } finally {
    if (!KEEP) {
      await admin((c) => c.query(`DROP DATABASE IF EXISTS ${DB_NAME} WITH (FORCE)`));
      console.log(`dropped ${DB_NAME}`);
    }
  }
  return ok;
}

main().then(
  (ok) => process.exit(ok ? 0 : 1),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);

