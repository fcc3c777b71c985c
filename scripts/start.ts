/**
 * `npm start`: builds the PWA when the build is missing or older than its
 * sources, then runs the one server process (API + PWA) in this process.
 */
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../server/demo/accounts';
import { loadConfig } from '../server/config';
import { start } from '../server/main';
import { appBuildIsStale, buildApp } from './app-build';

if (appBuildIsStale()) {
  console.log('parkcheck: building the app…');
  await buildApp();
}
const cfg = loadConfig();
const running = await start(cfg);
console.log(`\n  ParkCheck 园检 is running on ${running.database.kind === 'pglite' ? `the embedded database in ${cfg.dataDir}` : 'PostgreSQL'}`);
console.log(`\n  ➜  Open ${running.url}\n`);
if (cfg.demo) {
  console.log(`  Demo accounts (password ${DEMO_PASSWORD}):`);
  for (const a of DEMO_ACCOUNTS.filter((x) => x.login)) console.log(`    ${a.username.padEnd(12)} ${a.role.padEnd(11)} ${a.title}`);
  console.log('');
}
const stop = () => running.stop().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
