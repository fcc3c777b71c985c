/**
 * A fresh, migrated, empty database for one test file: PGlite in memory
 * (from the template dump), or a new database on TEST_DATABASE_URL's server
 * that is dropped afterwards.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import pg from 'pg';
import { inject } from 'vitest';
import { openDatabase, type Database } from '../../server/db/client';

export const onPostgres = () => process.env.TEST_DB === 'postgres';

export async function freshDatabase(): Promise<Database> {
  if (onPostgres()) return freshPostgres();
  const dump = fs.readFileSync(inject('pgliteTemplate'));
  return openDatabase({ dataDir: 'memory://', loadDataDir: new Blob([dump]) });
}

/** A new empty database on the test server; `close()` drops it. */
export async function freshPostgres(): Promise<Database> {
  const admin = process.env.TEST_DATABASE_URL;
  if (!admin) throw new Error('TEST_DATABASE_URL is not set');
  const name = `parkcheck_t_${randomBytes(6).toString('hex')}`;
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  await client.query(`CREATE DATABASE ${name}`);
  await client.end();
  const url = new URL(admin);
  url.pathname = `/${name}`;
  const database = await openDatabase({ databaseUrl: url.toString(), poolSize: 20 });
  return {
    ...database,
    url: url.toString(),
    async close() {
      await database.close();
      const c = new pg.Client({ connectionString: admin });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  } as Database;
}
