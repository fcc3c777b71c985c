/**
 * A province for the report budgets, generated inside PostgreSQL with
 * generate_series (a few minutes, not hours):
 *
 *   浙江省 › 11 cities › ~90 districts › ~1,300 towns; 1,000 parks in random
 *   towns; 60,000 enterprises (big parks have more); ~490,000 inspections over
 *   three years (each enterprise 2–13 times, each park's common areas monthly);
 *   1,000,000 findings on them.
 *
 * Findings go through realistic outcomes: 15 % of general ones fixed on the
 * spot; older findings mostly closed (18 % of those late), recent ones still
 * open or awaiting re-inspection; 8 % major (30-day deadline, general 7 days);
 * 3 % with an approved extension. Only what reports read is generated: no
 * finding events, photos or sync feed.
 *
 * The database must be migrated (the report indexes exist) and bootstrapped
 * (templates, admin) first.
 */
import type pg from 'pg';

export const CITIES = ['杭州市', '宁波市', '温州市', '嘉兴市', '湖州市', '绍兴市', '金华市', '衢州市', '舟山市', '台州市', '丽水市'];

export interface ProvinceSize {
  parks: number;
  enterprises: number;
  findings: number;
}

export const PROVINCE: ProvinceSize = { parks: 1_000, enterprises: 60_000, findings: 1_000_000 };

const DESCRIPTIONS = [
  '疏散通道堆放杂物',
  '灭火器压力不足',
  '应急照明灯损坏',
  '电动自行车在楼道内充电',
  '消防栓被遮挡',
  '危废贮存间未设置标识',
  '机械防护罩缺失',
  '特种设备未登记',
  '安全生产管理台账不全',
  '电气线路私拉乱接',
  '三合一场所住人',
  '危险化学品混存',
];

export interface Province {
  provinceId: string;
  /** The city and the town with the most parks: whose supervisors the bench asks as. */
  cityId: string;
  townId: string;
  counts: { regions: number; parks: number; enterprises: number; inspections: number; findings: number };
}

async function step<T>(label: string, run: () => Promise<T>): Promise<T> {
  const t0 = performance.now();
  const out = await run();
  console.log(`  ${label.padEnd(44)} ${((performance.now() - t0) / 1000).toFixed(1).padStart(6)} s`);
  return out;
}

export async function generateProvince(
  c: pg.Client,
  opts: { size?: ProvinceSize; dayStart: Date; today: string; now: Date; tz: string; inspectorId: string },
): Promise<Province> {
  const size = opts.size ?? PROVINCE;
  await c.query('SELECT setseed(0.42)');

  const provinceId = await step('regions', async () => {
    const { rows } = await c.query<{ id: string }>(
      `INSERT INTO regions (id, name, parent_id, path) SELECT id, '浙江省', NULL, ARRAY[id] FROM (SELECT gen_random_uuid() id) s RETURNING id`,
    );
    const province = rows[0]!.id;
    await c.query(
      `INSERT INTO regions (id, name, parent_id, path)
       SELECT id, name, $1::uuid, ARRAY[$1::uuid, id] FROM (SELECT gen_random_uuid() id, unnest($2::text[]) name) s`,
      [province, CITIES],
    );
    // Districts: 6–10 per city; towns: 10–19 per district.
    await c.query(
      `INSERT INTO regions (id, name, parent_id, path)
       SELECT id, name, parent, parent_path || id FROM (
         SELECT gen_random_uuid() id, c.name || '第' || g || '区' name, c.id parent, c.path parent_path
         FROM (SELECT r.*, 6 + floor(random() * 5)::int n FROM regions r WHERE r.parent_id = $1) c
         CROSS JOIN LATERAL generate_series(1, c.n) g
       ) s`,
      [province],
    );
    await c.query(
      `INSERT INTO regions (id, name, parent_id, path)
       SELECT id, name, parent, parent_path || id FROM (
         SELECT gen_random_uuid() id, d.name || '第' || g || '镇' name, d.id parent, d.path parent_path
         FROM (SELECT r.*, 10 + floor(random() * 10)::int n FROM regions r WHERE array_length(r.path, 1) = 3) d
         CROSS JOIN LATERAL generate_series(1, d.n) g
       ) s`,
    );
    return province;
  });

  await step(`${size.parks} parks`, () =>
    c.query(
      `INSERT INTO parks (id, region_id, name, star_rating, area_mu, floor_area, address)
       SELECT gen_random_uuid(), town, '小微企业园' || g, floor(random() * 6)::int, 40 + floor(random() * 260), 40000 + floor(random() * 240000), NULL
       FROM (SELECT g, t.ids[1 + floor(random() * array_length(t.ids, 1))::int] town
             FROM generate_series(1, $1::int) g, (SELECT array_agg(id ORDER BY id) ids FROM regions WHERE array_length(path, 1) = 4) t) s`,
      [size.parks],
    ).then(() =>
      c.query(`UPDATE parks p SET name = r.name || p.name, address = r.name FROM regions r WHERE r.id = p.region_id`),
    ),
  );

  await step(`${size.enterprises} enterprises`, () =>
    c.query(
      `INSERT INTO enterprises (id, park_id, name, building)
       SELECT gen_random_uuid(), p.ids[1 + floor(power(random(), 1.6) * array_length(p.ids, 1))::int], '企业' || g || '有限公司', (1 + g % 12) || '号楼'
       FROM generate_series(1, $1::int) g, (SELECT array_agg(id ORDER BY id) ids FROM parks) p`,
      [size.enterprises],
    ),
  );

  const templates = (await c.query<{ id: string; category: string }>('SELECT id, category FROM templates ORDER BY code')).rows;
  const templateIds = templates.map((t) => t.id);
  const day0 = opts.dayStart.toISOString();

  await step('inspections over three years', async () => {
    await c.query(
      `INSERT INTO inspections (id, template_id, park_id, enterprise_id, inspector_id, inspector_name, inspected_at, client_inspected_at, received_at, answers)
       SELECT id, tpl, park_id, enterprise_id, $3::uuid, '检查员', t, t, t, '[]'::jsonb FROM (
         SELECT gen_random_uuid() id, ($1::uuid[])[1 + floor(random() * 3)::int] tpl, e.park_id, e.id enterprise_id,
                $2::timestamptz - (1 + floor(random() * 1095)) * interval '1 day' + (8 + random() * 9) * interval '1 hour' t
         FROM (SELECT e.*, 2 + floor(random() * 12)::int n FROM enterprises e) e
         CROSS JOIN LATERAL generate_series(1, e.n) g
       ) s`,
      [templateIds, day0, opts.inspectorId],
    );
    // Each park's common areas: a fire patrol a month.
    await c.query(
      `INSERT INTO inspections (id, template_id, park_id, enterprise_id, inspector_id, inspector_name, inspected_at, client_inspected_at, received_at, answers)
       SELECT gen_random_uuid(), $1::uuid, p.id, NULL, $3::uuid, '检查员', t, t, t, '[]'::jsonb FROM (
         SELECT p.id, $2::timestamptz - (m * 30 + 1 + floor(random() * 28)) * interval '1 day' + (8 + random() * 9) * interval '1 hour' t
         FROM parks p CROSS JOIN generate_series(0, 35) m
       ) p`,
      [templateIds[0], day0, opts.inspectorId],
    );
  });

  await step(`${size.findings} findings`, async () => {
    await c.query(
      `CREATE TEMP TABLE insp_n AS
       SELECT row_number() OVER (ORDER BY i.id) n, i.id, i.park_id, i.enterprise_id, i.template_id, i.inspected_at, t.category
       FROM inspections i JOIN templates t ON t.id = i.template_id`,
    );
    await c.query('CREATE INDEX ON insp_n (n)');
    await c.query('ANALYZE insp_n');
    const { rows } = await c.query<{ n: number }>('SELECT count(*)::int n FROM insp_n');
    const inspections = rows[0]!.n;
    // Stage 1: which inspection, severity, fixed on the spot, due date, age. Stage 2: the outcome.
    await c.query(
      `INSERT INTO findings (id, inspection_id, park_id, enterprise_id, template_id, item_code, category, severity, description,
                             due_date, due_end_at, status, rectified_on_site, observed_at, submitted_at, rectified_at, closed_at)
       SELECT id, inspection_id, park_id, enterprise_id, template_id, NULL, category, severity, description,
              due_date, due_end, status, on_spot, observed_at,
              CASE WHEN status = 'submitted' THEN least(observed_at + random() * (age + 1) * interval '1 day', $3::timestamptz) END,
              rectified_at,
              CASE WHEN status = 'closed' THEN least(rectified_at + random() * 3 * interval '1 day', $3::timestamptz) END
       FROM (
         SELECT *,
           CASE WHEN status <> 'closed' THEN NULL
                WHEN on_spot THEN observed_at
                WHEN late THEN least(due_end + random() * 25 * interval '1 day', $3::timestamptz - interval '1 hour')
                ELSE least(observed_at + random() * (due_end - observed_at), $3::timestamptz - interval '1 hour') END rectified_at
         FROM (
           SELECT *,
             CASE WHEN on_spot THEN 'closed'
                  WHEN r_closed < CASE WHEN age > 90 THEN 0.97 WHEN age > 30 THEN 0.85 ELSE age / 30.0 * 0.6 END THEN 'closed'
                  WHEN r_submitted < 0.3 THEN 'submitted' ELSE 'open' END status,
             ((due_date + 1)::timestamp AT TIME ZONE $4) due_end
           FROM (
             SELECT gen_random_uuid() id, i.id inspection_id, i.park_id, i.enterprise_id, i.template_id, i.category,
                    s.severity, s.on_spot AND s.severity = 'general' on_spot, s.late, s.r_closed, s.r_submitted,
                    ($5::text[])[1 + floor(s.r_text * array_length($5::text[], 1))::int] description,
                    i.inspected_at observed_at,
                    (i.inspected_at AT TIME ZONE $4)::date + CASE WHEN s.severity = 'major' THEN 30 ELSE 7 END
                      + CASE WHEN s.extended THEN 15 ELSE 0 END due_date,
                    $2::date - (i.inspected_at AT TIME ZONE $4)::date age
             FROM (
               SELECT 1 + floor(random() * $1::int)::int n,
                      CASE WHEN random() < 0.08 THEN 'major' ELSE 'general' END severity,
                      random() < 0.15 on_spot, random() < 0.18 late, random() < 0.03 extended,
                      random() r_closed, random() r_submitted, random() r_text
               FROM generate_series(1, $6::int) OFFSET 0
             ) s JOIN insp_n i ON i.n = s.n
           ) a
         ) b
       ) c`,
      [inspections, opts.today, opts.now.toISOString(), opts.tz, DESCRIPTIONS, size.findings],
    );
  });

  await step('vacuum analyze', async () => {
    for (const t of ['regions', 'parks', 'enterprises', 'inspections', 'findings']) await c.query(`VACUUM (ANALYZE) ${t}`);
  });

  const busiest = async (depth: number) =>
    (
      await c.query<{ id: string }>(
        `SELECT r.id FROM regions r JOIN regions t ON t.path[${depth}] = r.id JOIN parks p ON p.region_id = t.id
         WHERE array_length(r.path, 1) = ${depth} GROUP BY r.id ORDER BY count(*) DESC, r.id LIMIT 1`,
      )
    ).rows[0]!.id;
  const counts = (
    await c.query(
      `SELECT (SELECT count(*) FROM regions)::int regions, (SELECT count(*) FROM parks)::int parks,
              (SELECT count(*) FROM enterprises)::int enterprises, (SELECT count(*) FROM inspections)::int inspections,
              (SELECT count(*) FROM findings)::int findings`,
    )
  ).rows[0] as Province['counts'];
  return { provinceId, cityId: await busiest(2), townId: await busiest(4), counts };
}
