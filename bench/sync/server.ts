/**
 * The product server for the sync bench: the real ParkCheck server (start())
 * serving the bench page, with the peer's wire counter on its socket and a
 * Node-only control port (so only the page's traffic is counted). It creates
 * the workload's reference data with the workload's own ids first.
 *
 *   tsx bench/sync/server.ts --data DIR --page DIR [--database-url URL]
 * Prints one JSON line {"ready":true,"port":…,"controlPort":…} when listening.
 */
import http from 'node:http';
import { sql } from 'drizzle-orm';
import { loadConfig } from '../../server/config';
import { templates } from '../../server/db/schema';
import { createEnterprise } from '../../server/domain/admin/enterprises';
import { createPark } from '../../server/domain/admin/parks';
import { createRegion } from '../../server/domain/admin/regions';
import { createUser } from '../../server/domain/admin/users';
import { start } from '../../server/main';
import { writeTx } from '../../server/repo/write';
import { arg } from '../util';
import { BENCH_USER, BIG_USER } from './users';
// @ts-expect-error: the peer's plain JavaScript
import { countWire } from './wire-counter.mjs';
// @ts-expect-error: the peer's plain JavaScript
import { makeRefs } from './workload.mjs';


const cfg = loadConfig({
  ...process.env,
  DATA_DIR: arg('data', '.tmp/bench-sync-data'),
  PARKCHECK_APP_DIR: arg('page', '.tmp/bench-sync-page'),
  DATABASE_URL: arg('database-url', '') || undefined,
  PARKCHECK_DEMO: '0',
  PARKCHECK_ADMIN_PASSWORD: 'admin-password',
  PORT: '0',
  HOST: '127.0.0.1',
});
const running = await start(cfg);
const s = running.services;
const wire = countWire(running.server, { match: (req: http.IncomingMessage) => req.url!.startsWith('/api/') });

const admin = (await s.db.query.users.findFirst({ where: (u, { eq }) => eq(u.username, 'admin') }))!;
const who = { actor: { id: admin.id, username: 'admin' }, ip: null };
const refs = makeRefs() as {
  parks: { id: string; name: string }[];
  enterprises: { id: string; parkId: string; name: string }[];
  templates: { id: string; code: string; category: string; items: { code: string; severity: 'general' | 'major' }[] }[];
};
const root = await createRegion(s, { name: '慈溪市（基准测试）' }, who);
for (const p of refs.parks) await createPark(s, { id: p.id, name: p.name, regionId: root.id }, who);
for (const e of refs.enterprises) await createEnterprise(s, { id: e.id, parkId: e.parkId, name: e.name }, who);
await writeTx(s.db, async (tx, changes) => {
  for (const t of refs.templates) {
    await tx.insert(templates).values({
      id: t.id,
      code: `BENCH-${t.code}`,
      version: 1,
      category: t.category,
      title: { zh: `基准 ${t.code}`, en: `Bench ${t.code}` },
      sections: [
        {
          title: { zh: '检查项', en: 'Items' },
          items: t.items.map((i) => ({ code: i.code, text: { zh: i.code, en: i.code }, severity: i.severity, photoRequired: false })),
        },
      ],
    });
    changes.template(t.id);
  }
});
await createUser(s, { ...BENCH_USER, name: '基准测试', role: 'inspector', regionIds: [root.id] }, who);

/** A separate scope of `n` findings (with their inspections) for the big first pull. */
async function seedBig(n: number): Promise<{ findings: number }> {
  const region = await createRegion(s, { name: '大范围（基准测试）' }, who);
  const park = await createPark(s, { name: '五万条隐患园区', regionId: region.id }, who);
  await createUser(s, { ...BIG_USER, name: '基准测试（大）', role: 'inspector', regionIds: [region.id] }, who);
  const template = refs.templates[0]!.id;
  const inspector = (await s.db.query.users.findFirst({ where: (u, { eq }) => eq(u.username, 'bench') }))!.id;
  await s.db.transaction(async (tx) => {
    // Five findings per inspection, spread over a few weeks.
    await tx.execute(sql`
      INSERT INTO inspections (id, template_id, park_id, inspector_id, inspector_name, inspected_at, client_inspected_at, received_at, answers)
      SELECT md5('i' || g)::uuid, ${template}, ${park.id}, ${inspector}, '基准测试', now() - (g || ' minutes')::interval, now(), now(), '[]'::jsonb
      FROM generate_series(1, ${Math.ceil(n / 5)}) g`);
    await tx.execute(sql`
      INSERT INTO findings (id, inspection_id, park_id, template_id, item_code, category, severity, description, location, requirement, due_date, due_end_at, status, observed_at)
      SELECT md5('f' || g)::uuid, md5('i' || ((g - 1) / 5 + 1))::uuid, ${park.id}, ${template}, 'F01', 'fire',
        CASE WHEN g % 5 = 0 THEN 'major' ELSE 'general' END,
        '配电箱前堆放纸箱杂物，占用检修通道，存在电气火灾隐患（基准测试数据第' || g || '条）', '3号楼2层生产车间',
        '立即清理配电箱前杂物，保持不少于0.8米的操作距离', due, (due + 1)::timestamp AT TIME ZONE ${s.tz},
        (ARRAY['open', 'submitted', 'closed'])[g % 3 + 1], now() - (g || ' minutes')::interval
      FROM generate_series(1, ${n}) g, LATERAL (SELECT (now() + ((g % 60) - 30 || ' days')::interval)::date AS due) d`);
    await tx.execute(sql`SELECT pg_advisory_xact_lock(7301002)`);
    await tx.execute(sql`
      INSERT INTO changes (kind, entity_id, seq, op, park_id)
      SELECT kind, id, nextval('change_seq'), 'put', ${park.id} FROM (
        SELECT 'inspection' AS kind, id, inspected_at AS t FROM inspections WHERE park_id = ${park.id}
        UNION ALL SELECT 'finding', id, observed_at FROM findings WHERE park_id = ${park.id}
      ) x ORDER BY t`);
  });
  return { findings: n };
}

const counts = async () => {
  const result = (await s.db.execute(sql`SELECT
      (SELECT count(*)::int FROM inspections) AS inspections,
      (SELECT count(*)::int FROM findings) AS findings,
      (SELECT count(*)::int FROM attachments) AS attachments`)) as unknown as { rows: { inspections: number; findings: number; attachments: number }[] };
  const [row] = result.rows;
  return row;
};

const control = http.createServer(async (req, res) => {
  const url = new URL(req.url!, 'http://control');
  res.setHeader('content-type', 'application/json');
  try {
    if (url.pathname === '/stats') {
      res.end(JSON.stringify({ ...wire.totals({ resetMax: url.searchParams.has('resetMax') }), cpuUs: process.cpuUsage() }));
    } else if (url.pathname === '/counts') {
      res.end(JSON.stringify(await counts()));
    } else if (url.pathname === '/seed-big') {
      res.end(JSON.stringify(await seedBig(Number(url.searchParams.get('n') ?? 50_000))));
    } else if (url.pathname === '/quit') {
      res.end('{}');
      shutdown();
    } else {
      res.statusCode = 404;
      res.end('{}');
    }
  } catch (err) {
    res.statusCode = 500;
    res.end(JSON.stringify({ error: String(err) }));
  }
});

let stopping = false;
function shutdown() {
  if (stopping) return;
  stopping = true;
  control.close();
  void running.stop().finally(() => process.exit(0));
}
process.on('SIGTERM', shutdown);
process.on('SIGINT', shutdown);
process.stdin.on('end', shutdown);
process.stdin.resume();

control.listen(0, '127.0.0.1', () => {
  const port = Number(new URL(running.url).port);
  console.log(JSON.stringify({ ready: true, port, controlPort: (control.address() as { port: number }).port, db: running.database.kind }));
});
