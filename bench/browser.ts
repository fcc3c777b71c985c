/**
 * What the browser benches share: the built PWA served by the real server,
 * as its own process, on a fresh embedded database with the demo data, and
 * Debian's Chromium with the browser tests' flags and phone.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnServer, type ServerProcess } from '../tests/support/process';

export { CHROMIUM, CHROMIUM_ARGS, PHONE } from '../tests/support/browser';

export const APP_DIR = process.env.PARKCHECK_APP_DIR ?? 'dist/app';

export interface AppServer extends ServerProcess {
  stop(): Promise<void>;
}

/** A new PGlite database in a temp DATA_DIR; the server loads the demo data on this first start (seconds to a minute). */
export async function demoAppServer(): Promise<AppServer> {
  if (!fs.existsSync(path.join(APP_DIR, 'index.html'))) throw new Error(`no built PWA in ${APP_DIR}: run npm run build, or set PARKCHECK_APP_DIR`);
  // The phone's figures are taken against the embedded database, whatever PostgreSQL the other benches were pointed at.
  delete process.env.DATABASE_URL;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'parkcheck-bench-app-'));
  const server = await spawnServer({ DATA_DIR: dataDir, PARKCHECK_DEMO: '1', PARKCHECK_APP_DIR: APP_DIR }, 180_000);
  return Object.assign(server, {
    async stop() {
      await server.kill();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  });
}

/** The machine's 1-minute load average over its cores: the figures are wall times on a shared machine. */
export function load(): string {
  return `load ${os.loadavg()[0]!.toFixed(2)} on ${os.cpus().length} cores`;
}
