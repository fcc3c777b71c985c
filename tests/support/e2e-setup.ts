/**
 * Before the browser tests: the PWA must be built (they test what users
 * get), and a demo database is made once per run, so each test file starts
 * its own server on a copy in seconds instead of loading the demo again.
 * The demo is made on the tests' calendar (support/clock.ts), so it is the
 * same world every day.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { appBuildIsStale, buildApp } from '../../scripts/app-build';
import { E2E_SERVER_ENV } from './clock';
import { spawnServer } from './process';

export default async function setup(project: TestProject) {
  if (appBuildIsStale()) await buildApp();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'parkcheck-e2e-demo-'));
  const server = await spawnServer({ DATA_DIR: dir, PARKCHECK_DEMO: '1', ...E2E_SERVER_ENV }, 120_000);
  await server.kill('SIGTERM');
  project.provide('demoDataDir', dir);
  return () => fs.rmSync(dir, { recursive: true, force: true });
}

declare module 'vitest' {
  export interface ProvidedContext {
    demoDataDir: string;
  }
}
