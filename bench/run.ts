/**
 * `npm run bench`: every budget script, one after the other, each printing
 * its own figures. Pass `--only server` (or bundle, …) to run one.
 */
import { spawnSync } from 'node:child_process';
import { arg } from './util';

const BENCHES: { name: string; script: string; args?: string[]; what: string }[] = [
  { name: 'bundle', script: 'bench/bundle.ts', what: 'first-screen JS and CSS (gzip)' },
  { name: 'server', script: 'bench/server.ts', what: 'cold start and GET /api/parks throughput, PGlite and PostgreSQL' },
];

const only = arg('only', '');
let failed = false;
for (const b of BENCHES.filter((x) => !only || x.name === only)) {
  console.log(`\n━━ ${b.name}: ${b.what}`);
  const r = spawnSync(process.execPath, ['--import', 'tsx', b.script, ...(b.args ?? [])], { stdio: 'inherit' });
  if (r.status !== 0) failed = true;
}
process.exit(failed ? 1 : 0);
