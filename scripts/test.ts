/**
 * `npm test`: everything CI checks, in one command.
 *
 *   1. what a fresh machine lacks: Debian's Chromium (installed with apt-get
 *      when running as root, otherwise the exact command to run is printed);
 *   2. type check and lint (zero warnings);
 *   3. the PWA build, when stale, and its size budget;
 *   4. every test project: unit, API on PGlite, API on PostgreSQL (when
 *      TEST_DATABASE_URL is set — said plainly when it is not), browser.
 *
 * Extra arguments go to vitest (`npm test -- tests/api/auth.test.ts`), and
 * then only vitest runs.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { appBuildIsStale, buildApp } from './app-build';

const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
// Chromium drives the browser tests, the CJK fonts render Chinese in them, and
// poppler-utils reads back the PDFs that printing produces.
const APT_PACKAGES = ['chromium', 'fonts-noto-cjk', 'poppler-utils'];
const PDFTOTEXT = '/usr/bin/pdftotext';

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv = process.env): void {
  const r = spawnSync(cmd, args, { stdio: 'inherit', env });
  if (r.status !== 0) {
    console.error(`\n✗ ${cmd} ${args.join(' ')} failed`);
    process.exit(r.status ?? 1);
  }
}

function step(title: string): void {
  console.log(`\n━━ ${title}`);
}

function ensureBrowserTools(): void {
  const present = () => fs.existsSync(CHROMIUM) && fs.existsSync(PDFTOTEXT);
  if (present()) return;
  const command = `apt-get update && apt-get install -y ${APT_PACKAGES.join(' ')}`;
  if (process.getuid?.() === 0 && fs.existsSync('/usr/bin/apt-get')) {
    step(`Chromium or poppler-utils is missing: installing Debian's (${command})`);
    run('bash', ['-c', `DEBIAN_FRONTEND=noninteractive ${command}`]);
    if (present()) return;
  }
  console.error(
    `\n✗ The browser tests need Debian's Chromium at ${CHROMIUM} and poppler-utils (${PDFTOTEXT}). Install them with:\n\n    sudo ${command}\n\n` +
      'or set CHROMIUM to a Chromium binary.',
  );
  process.exit(1);
}

const vitestArgs = process.argv.slice(2);
const only = vitestArgs.length > 0;

ensureBrowserTools();
if (!only) {
  step('Type check');
  run('npx', ['tsc', '-p', 'tsconfig.json']);
  run('npx', ['vue-tsc', '--noEmit', '-p', 'app/tsconfig.json']);
  step('Lint');
  run('npx', ['eslint', '.', '--max-warnings', '0']);
}
if (appBuildIsStale()) {
  step('Build the PWA');
  await buildApp();
}
if (!only) {
  step('Bundle budget');
  run('npx', ['tsx', 'bench/bundle.ts', '--check']);
}

step('Tests');
if (!process.env.TEST_DATABASE_URL) {
  console.log(
    '⚠ PostgreSQL suite SKIPPED: TEST_DATABASE_URL is not set.\n' +
      '  Run it with e.g. TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npm test (CI always does).',
  );
} else {
  console.log(`PostgreSQL suite runs against ${process.env.TEST_DATABASE_URL.replace(/\/\/[^@]*@/, '//…@')}`);
}
run('npx', ['vitest', 'run', ...vitestArgs], { ...process.env, CHROMIUM });
console.log('\n✓ all checks passed');
