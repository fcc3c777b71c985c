/**
 * The dashboard route's weight, from the Vite build manifest
 * (dist/app/.vite/manifest.json): the JS its lazy chunk loads with everything
 * it imports statically, beyond what the entry (the first screen) already
 * loaded; gzip -9. Also checks that ECharts is in no chunk the entry loads,
 * so it reaches only the supervisor routes. Budget: ≤ 300 KB gzip.
 */
import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

const DIST = 'dist/app';
const ROUTE = 'views/reports/ReportDashboard.vue';
const BUDGET = 300 * 1024;

interface Chunk {
  file: string;
  src?: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

export async function measureBundle(): Promise<boolean> {
  const manifestPath = path.join(DIST, '.vite/manifest.json');
  if (!fs.existsSync(manifestPath)) {
    console.error(`no ${manifestPath}: run \`npx vite build\` first`);
    return false;
  }
  const manifest = JSON.parse(fs.readFileSync(manifestPath, 'utf8')) as Record<string, Chunk>;
  const closure = (key: string, seen = new Set<string>()): Set<string> => {
    if (seen.has(key)) return seen;
    seen.add(key);
    for (const k of manifest[key]?.imports ?? []) closure(k, seen);
    return seen;
  };
  const entryKey = Object.keys(manifest).find((k) => manifest[k]!.isEntry)!;
  const entry = closure(entryKey);
  if (!manifest[ROUTE]) {
    console.error(`${ROUTE} is not in the build`);
    return false;
  }
  const route = [...closure(ROUTE)].filter((k) => !entry.has(k));
  const gz = (file: string) => gzipSync(fs.readFileSync(path.join(DIST, file)), { level: 9 }).length;

  console.log('\ndashboard route (JS loaded on opening it, beyond the entry):');
  let routeJs = 0;
  for (const k of route) {
    const bytes = gz(manifest[k]!.file);
    routeJs += bytes;
    console.log(`  ${manifest[k]!.file.padEnd(52)} ${kb(bytes).padStart(9)} gzip`);
  }
  const entryJs = [...entry].reduce((sum, k) => sum + gz(manifest[k]!.file), 0);
  const echartsInEntry = [...entry].some((k) => /echarts|zrender/.test(k));
  const ok = routeJs <= BUDGET && !echartsInEntry;
  console.log(
    `dashboard route JS ${kb(routeJs)} gzip (budget ${kb(BUDGET)}) ${routeJs <= BUDGET ? '✓' : '✗'}; ` +
      `with the entry ${kb(routeJs + entryJs)}; ECharts in the entry: ${echartsInEntry ? 'yes ✗' : 'no ✓'}`,
  );
  return ok;
}
