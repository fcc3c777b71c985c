/**
 * A new version of the app reaches a phone that has it open: it is offered
 * ("有新版本"), never applied by a reload the user did not ask for, and when
 * the phone holds work the server has not received, the user is told it will
 * be kept and asked once more — and after the update it is still there.
 */
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { DEMO_PASSWORD } from '../../server/demo/accounts';
import { E2E_SERVER_ENV } from '../support/clock';
import { demoServer, launch, newPhone, type DemoServer } from '../support/browser';
import { spawnServer, type ServerProcess } from '../support/process';
import { LoginPage } from './pages/login';
import { readyOffline, rows } from './pages/phone-db';

let browser: Browser;
let first: DemoServer;
let second: ServerProcess | undefined;
const appDir = fs.mkdtempSync(path.join(os.tmpdir(), 'parkcheck-app-'));

/** A port the OS has just handed out: the new version must be served from the same origin. */
function freePort(): Promise<string> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(String(port)));
    });
    probe.on('error', reject);
  });
}

beforeAll(async () => {
  fs.cpSync('dist/app', appDir, { recursive: true });
  first = await demoServer({ PARKCHECK_APP_DIR: appDir, PORT: await freePort() });
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  await second?.kill();
  await first?.stop();
  fs.rmSync(appDir, { recursive: true, force: true });
});

describe('a new version of the app', () => {
  it('is offered, not forced, and keeps the work the server has not received', async () => {
    const phone = await newPhone(browser, first.url);
    const { page, context } = phone;
    const login = new LoginPage(page);
    await login.open();
    await login.logIn('inspector', DEMO_PASSWORD);
    await page.waitForURL((u) => u.pathname === '/');
    await readyOffline(page);

    // Work the server cannot receive yet: a verification whose push never gets through.
    await context.route('**/api/sync/push', (route) => route.abort('internetdisconnected'));
    await page.goto('/reinspect');
    const href = await page.locator('article a[href^="/findings/"]').first().getAttribute('href');
    const card = page.locator('article', { has: page.locator(`a[href="${href}"]`) });
    await card.getByRole('button', { name: '复查通过（销号）' }).click();
    await card.getByRole('button', { name: '确认' }).click();
    await expect.poll(async () => (await rows<{ status: string }>(page, 'outbox')).map((e) => e.status)).toEqual(['pending']);

    // The same server, same data, now serving a new version of the app.
    await first.kill();
    fs.appendFileSync(path.join(appDir, 'sw.js'), '\n// the next version\n');
    second = await spawnServer({ DATA_DIR: first.dataDir, PARKCHECK_DEMO: '1', PARKCHECK_APP_DIR: appDir, PORT: new URL(first.url).port, ...E2E_SERVER_ENV });
    await page.evaluate(() => {
      (window as unknown as { stillThisPage: boolean }).stillThisPage = true;
    });
    await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r?.update()));

    const bar = page.getByRole('status').filter({ has: page.getByRole('button', { name: '稍后' }) });
    await expect.poll(() => bar.textContent(), { timeout: 20_000 }).toContain('有新版本 · 未同步的数据会保留');
    const stillThisPage = () => page.evaluate(() => (window as unknown as { stillThisPage?: boolean }).stillThisPage === true);
    await page.waitForTimeout(2_000);
    expect(await stillThisPage()).toBe(true);

    // The first tap only asks again; the second applies the update.
    await bar.getByRole('button', { name: '刷新' }).click();
    await expect.poll(() => bar.textContent()).toContain('更新后，本机未同步的数据会保留并继续同步。现在刷新吗？');
    expect(await stillThisPage()).toBe(true);
    const reloaded = page.waitForEvent('load');
    await bar.getByRole('button', { name: '确定刷新' }).click();
    await reloaded;
    expect(await stillThisPage()).toBe(false);
    await expect
      .poll(() => page.evaluate(() => navigator.serviceWorker.controller?.scriptURL ?? ''))
      .toContain('/sw.js');
    expect(await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r?.waiting ?? null))).toBeNull();
    expect((await rows<{ status: string }>(page, 'outbox')).map((e) => e.status)).toEqual(['pending']);

    // And it still reaches the server once the network lets it.
    await context.unroute('**/api/sync/push');
    await page.goto('/sync');
    await page.getByRole('button', { name: '立即同步' }).click();
    await expect.poll(() => rows(page, 'outbox'), { timeout: 15_000 }).toEqual([]);
    await context.close();
  });
});
