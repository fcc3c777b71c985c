/**
 * `npm run bench`: every budget script, one after the other, each printing
 * its own figures. Pass `--only server` (or bundle, …) to run one.
 */
import { spawnSync } from 'node:child_process';
import { arg } from './util';

const BENCHES: { name: string; script: string; args?: string[]; what: string }[] = [
  { name: 'bundle', script: 'bench/bundle.ts', what: 'first-screen JS and CSS (gzip)' },
  { name: 'server', script: 'bench/server.ts', what: 'cold start and GET /api/parks throughput, PGlite and PostgreSQL' },
  { name: 'import', script: 'bench/import.ts', what: 'enterprise import of 10,000 rows, CSV and .xlsx, PGlite and PostgreSQL' },
  { name: 'inspector', script: 'bench/inspector.ts', what: "the inspector's phone offline at 4× CPU: cold start, finding form, saving, photo compression" },
  { name: 'lighthouse', script: 'bench/lighthouse.ts', what: 'Lighthouse (mobile) on the login and Today screens: scores, installability, service worker' },
  { name: 'sync', script: 'bench/sync/run.ts', what: 'sync push, photos, pull and incremental against the PouchDB peer; 50,000-finding first pull' },
  { name: 'reports', script: 'bench/reports/run.ts', what: 'report queries at 1,000,000 findings on PostgreSQL, dashboard render, dashboard JS' },
];

const only = arg('only', '');
let failed = false;
for (const b of BENCHES.filter((x) => !only || x.name === only)) {
  console.log(`\n━━ ${b.name}: ${b.what}`);
  const r = spawnSync(process.execPath, ['--import', 'tsx', b.script, ...(b.args ?? [])], { stdio: 'inherit' });
  if (r.status !== 0) failed = true;
}
process.exit(failed ? 1 : 0);
