/**
 * Upgrading a database that already holds findings to stored due ends
 * (migration 0005): the migration, which cannot know PARKCHECK_TZ, gives them
 * their end in Asia/Shanghai; the first start in another zone recomputes them
 * there. Run on the embedded database and on PostgreSQL, as they upgrade.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { inArray } from 'drizzle-orm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootstrap } from '../../server/bootstrap';
import { openDatabase, type Database } from '../../server/db/client';
import { findings, meta } from '../../server/db/schema';
import { diskStore } from '../../server/storage/disk';
import { onPostgres } from '../support/db';

const MIGRATIONS = path.resolve('server/db/migrations');
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'parkcheck-upgrade-'));

/** A migrations folder holding only those before `tag`: the schema of an older release. */
function migrationsBefore(tag: string): string {
  const dir = path.join(dataDir, 'migrations');
  const journal = JSON.parse(fs.readFileSync(path.join(MIGRATIONS, 'meta/_journal.json'), 'utf8'));
  journal.entries = journal.entries.slice(0, journal.entries.findIndex((e: { tag: string }) => e.tag === tag));
  fs.mkdirSync(path.join(dir, 'meta'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'meta/_journal.json'), JSON.stringify(journal));
  for (const e of journal.entries) fs.copyFileSync(path.join(MIGRATIONS, `${e.tag}.sql`), path.join(dir, `${e.tag}.sql`));
  return dir;
}

type Query = (text: string, params?: unknown[]) => Promise<unknown>;

const old = { region: randomUUID(), park: randomUUID(), template: randomUUID(), user: randomUUID(), inspection: randomUUID() };
/** Finding id → due date: on either side of New York's 23-hour day (summer time starts on 2026-03-08). */
const due = { [randomUUID()]: '2026-03-07', [randomUUID()]: '2026-03-08' };

/** Findings as an older release wrote them: without a due end. */
async function writeOldFindings(q: Query) {
  await q(`INSERT INTO regions (id, name, path) VALUES ($1, '慈溪市', ARRAY[$1::uuid])`, [old.region]);
  await q(`INSERT INTO parks (id, region_id, name) VALUES ($1, $2, '华东轻纺针织城')`, [old.park, old.region]);
  await q(`INSERT INTO templates (id, code, version, category, title, sections) VALUES ($1, 'fire', 1, 'fire', '{}', '[]')`, [old.template]);
  await q(`INSERT INTO users (id, username, name, role, password_hash) VALUES ($1, 'insp', 'insp', 'inspector', 'x')`, [old.user]);
  await q(
    `INSERT INTO inspections (id, template_id, park_id, inspector_id, inspector_name, inspected_at, client_inspected_at, received_at, answers)
     VALUES ($1, $2, $3, $4, 'insp', '2026-03-02T15:00:00Z', '2026-03-02T15:00:00Z', '2026-03-02T15:00:00Z', '[]')`,
    [old.inspection, old.template, old.park, old.user],
  );
  for (const [id, dueDate] of Object.entries(due)) {
    await q(
      `INSERT INTO findings (id, inspection_id, park_id, template_id, category, severity, description, due_date, status, observed_at)
       VALUES ($1, $2, $3, $4, 'fire', 'general', '疏散通道堆放杂物', $5, 'open', '2026-03-02T15:00:00Z')`,
      [id, old.inspection, old.park, old.template, dueDate],
    );
  }
}

let database: Database;
let dropDatabase = async () => {};

/** A database an older release made and filled, then opened by this one (which migrates it). */
async function upgradedDatabase(): Promise<Database> {
  const before = migrationsBefore('0005_finding_due_end');
  if (!onPostgres()) {
    const client = await PGlite.create('memory://');
    await migratePglite(drizzlePglite(client), { migrationsFolder: before });
    await writeOldFindings((text, params) => client.query(text, params));
    const dump = await client.dumpDataDir('none');
    await client.close();
    return openDatabase({ dataDir: 'memory://', loadDataDir: dump });
  }
  const url = new URL(process.env.TEST_DATABASE_URL!);
  const name = `parkcheck_t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url.toString() });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  dropDatabase = async () => {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  };
  url.pathname = `/${name}`;
  const pool = new pg.Pool({ connectionString: url.toString() });
  await migratePg(drizzlePg(pool), { migrationsFolder: before });
  await writeOldFindings((text, params) => pool.query(text, params));
  await pool.end();
  return openDatabase({ databaseUrl: url.toString() });
}

async function storedEnds() {
  const rows = await database.db
    .select({ id: findings.id, dueEndAt: findings.dueEndAt })
    .from(findings)
    .where(inArray(findings.id, Object.keys(due)));
  return Object.fromEntries(rows.map((r) => [due[r.id], r.dueEndAt.toISOString()]));
}

beforeAll(async () => {
  database = await upgradedDatabase();
});
afterAll(async () => {
  await database?.close();
  await dropDatabase();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('upgrading to stored due ends', () => {
  it('gives existing findings their end in Asia/Shanghai, and records that zone', async () => {
    expect(await storedEnds()).toEqual({
      '2026-03-07': new Date('2026-03-08T00:00:00+08:00').toISOString(),
      '2026-03-08': new Date('2026-03-09T00:00:00+08:00').toISOString(),
    });
    const [zone] = await database.db.select().from(meta).where(inArray(meta.key, ['dueEndZone']));
    expect(zone?.value).toBe('Asia/Shanghai');
  });

  it('recomputes them in the configured zone on the first start', async () => {
    const s = {
      db: database.db,
      dbKind: database.kind,
      tz: 'America/New_York',
      now: () => new Date('2026-03-20T14:00:00Z'),
      version: 'test',
      attachments: diskStore(dataDir),
    };
    expect(await bootstrap(s, { demo: false, adminUsername: 'admin', adminPassword: undefined })).toMatchObject({
      initialized: true,
      dueEndsRecomputed: 2,
    });
    expect(await storedEnds()).toEqual({
      '2026-03-07': new Date('2026-03-08T00:00:00-05:00').toISOString(),
      '2026-03-08': new Date('2026-03-09T00:00:00-04:00').toISOString(),
    });
  });
});
