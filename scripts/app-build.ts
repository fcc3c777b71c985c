/** Whether the built PWA in dist/app is older than its sources, and building it. */
import fs from 'node:fs';
import path from 'node:path';

const SOURCES = ['app', 'shared', 'vite.config.ts', 'package-lock.json'];
const STAMP = 'dist/app/index.html';

function newestMtime(p: string): number {
  if (!fs.existsSync(p)) return 0;
  const stat = fs.statSync(p);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of fs.readdirSync(p)) newest = Math.max(newest, newestMtime(path.join(p, entry)));
  return newest;
}

export function appBuildIsStale(): boolean {
  if (!fs.existsSync(STAMP)) return true;
  const built = fs.statSync(STAMP).mtimeMs;
  return SOURCES.some((s) => newestMtime(s) > built);
}

export async function buildApp(): Promise<void> {
  // Vite keeps a NODE_ENV it finds set; vitest sets it to "test", which built Vue's development
  // bundle (149 KB instead of 120) when the browser tests rebuilt the app.
  process.env.NODE_ENV = 'production';
  const { build } = await import('vite');
  await build({ configFile: path.resolve('vite.config.ts'), logLevel: 'warn' });
}
