/**
 * What the phone downloads before the first screen (login, then the role's
 * home): the JS and CSS index.html loads and preloads, gzip -9. Prints the
 * figures; with --check, exits 1 when over budget.
 *
 * Budgets (issue 4): JS ≤ 120 KB gzip, CSS ≤ 25 KB gzip. Plans in the pull
 * (issue 14) put their schemas beside the sync engine's on the first screen:
 * 122 KB until the engine itself leaves the first screen (issue 16).
 */
import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

const DIST = 'dist/app';
const BUDGET = { js: 122 * 1024, css: 25 * 1024 };

const html = fs.readFileSync(path.join(DIST, 'index.html'), 'utf8');
const refs = [...html.matchAll(/<(?:script|link)\b[^>]*\b(?:src|href)="([^"]+\.(?:js|css))"/g)].map((m) => m[1]!);
const size = (file: string) => gzipSync(fs.readFileSync(path.join(DIST, file.replace(/^\//, ''))), { level: 9 }).length;

const totals = { js: 0, css: 0 };
for (const ref of new Set(refs)) {
  const kind = ref.endsWith('.css') ? 'css' : 'js';
  const bytes = size(ref);
  totals[kind] += bytes;
  console.log(`  ${ref.padEnd(48)} ${(bytes / 1024).toFixed(1).padStart(7)} KB gzip`);
}
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
console.log(`first screen: JS ${kb(totals.js)} gzip (budget ${kb(BUDGET.js)}), CSS ${kb(totals.css)} gzip (budget ${kb(BUDGET.css)})`);
if (process.argv.includes('--check') && (totals.js > BUDGET.js || totals.css > BUDGET.css)) {
  console.error('✗ over the first-screen budget');
  process.exit(1);
}
