/**
 * Debian's Chromium driven by playwright-core, on a phone-sized viewport,
 * against a real server process serving the built PWA on a copy of the demo
 * database.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { inject, onTestFailed } from 'vitest';
import { E2E_SERVER_ENV, e2eNow } from './clock';
import { spawnServer, type ServerProcess } from './process';

export const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
export const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true, locale: 'zh-CN' };

export interface DemoServer extends ServerProcess {
  dataDir: string;
  stop(): Promise<void>;
}

/** A server process on a fresh copy of the demo database. */
export async function demoServer(env: Record<string, string> = {}): Promise<DemoServer> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'parkcheck-e2e-'));
  fs.cpSync(inject('demoDataDir'), dataDir, { recursive: true });
  fs.rmSync(path.join(dataDir, 'parkcheck.lock'), { force: true });
  const server = await spawnServer({ DATA_DIR: dataDir, PARKCHECK_DEMO: '1', PARKCHECK_APP_DIR: 'dist/app', ...E2E_SERVER_ENV, ...env });
  return Object.assign(server, {
    dataDir,
    async stop() {
      await server.kill();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  });
}

export async function launch(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

/** Chromium's own log line for a request that was in flight when the test cut the network: not an app error. */
const OFFLINE_REQUEST = /^Failed to load resource: net::ERR_INTERNET_DISCONNECTED$/;

export interface Phone {
  context: BrowserContext;
  page: Page;
  /** Console errors and page errors seen so far (CSP violations show up here), bar requests cut off by going offline. */
  errors: string[];
}

export async function newPhone(browser: Browser, baseURL: string): Promise<Phone> {
  const context = await browser.newContext({ ...PHONE, baseURL, serviceWorkers: 'allow' });
  // The phone's calendar is the server's (support/clock.ts); time runs on from there.
  await context.clock.install({ time: e2eNow() });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && !OFFLINE_REQUEST.test(m.text()) && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(String(e)));
  keepEvidenceOnFailure(context);
  return { context, page, errors };
}

/**
 * When the test fails, a screenshot of each of the phone's open pages goes to
 * .tmp/e2e-failures/ — what the user would have seen, for the failure report.
 */
function keepEvidenceOnFailure(context: BrowserContext) {
  onTestFailed(async ({ task }) => {
    const dir = path.resolve('.tmp/e2e-failures');
    fs.mkdirSync(dir, { recursive: true });
    const name = task.name.replace(/[^\p{L}\p{N}]+/gu, '-').slice(0, 80);
    for (const [i, page] of context.pages().entries()) {
      await page.screenshot({ path: path.join(dir, `${name}-${i}.png`), fullPage: true }).catch(() => undefined);
      fs.writeFileSync(path.join(dir, `${name}-${i}.url`), page.url());
    }
  });
}
