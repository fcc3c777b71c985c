/**
 * Makes a migrated PGlite database once per run and dumps it, so each test
 * file starts from a copy in ~0.5 s instead of running initdb (~2.5 s).
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { type PGlite } from '@electric-sql/pglite';
import { openDatabase } from '../../server/db/client';

const MIGRATIONS = path.resolve('server/db/migrations');

function migrationsHash(): string {
  const h = createHash('sha256');
  for (const f of fs.readdirSync(MIGRATIONS, { recursive: true }).map(String).sort()) {
    const abs = path.join(MIGRATIONS, f);
    if (fs.statSync(abs).isFile()) h.update(f).update(fs.readFileSync(abs));
  }
  return h.digest('hex').slice(0, 16);
}

export default async function setup(project: TestProject) {
  if (process.env.TEST_DB === 'postgres') return;
  const file = path.resolve(`.tmp/pglite-template-${migrationsHash()}.tar`);
  if (!fs.existsSync(file)) {
    const database = await openDatabase({ dataDir: 'memory://' });
    const client = (database.db as unknown as { $client: PGlite }).$client;
    const dump = await client.dumpDataDir('none');
    await database.close();
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(`${file}.partial`, Buffer.from(await dump.arrayBuffer()));
    fs.renameSync(`${file}.partial`, file);
  }
  project.provide('pgliteTemplate', file);
}

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteTemplate: string;
  }
}
