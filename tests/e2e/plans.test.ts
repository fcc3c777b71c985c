/**
 * A plan worked through with no signal: a supervisor makes a plan for one
 * park in the app; the inspector's phone receives it by sync, shows it on Today with
 * what is left to do, starts an inspection from a target with the plan's
 * checklist first, and — still offline — sees the progress move as soon as
 * the inspection is saved. Back online, the server's coverage moves too.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../../server/demo/accounts';
import { demoServer, launch, newPhone, type DemoServer } from '../support/browser';
import { remoteApi, type RemoteApi } from '../support/remote-api';
import { InspectorPages } from './pages/inspector';
import { LoginPage } from './pages/login';
import { readyOffline } from './pages/phone-db';

const PARK = '万洋（掌起）众创城';

let server: DemoServer;
let browser: Browser;
let supervisor: RemoteApi;


beforeAll(async () => {
  server = await demoServer();
  browser = await launch();
  supervisor = await remoteApi(server.url, 'supervisor2');
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** The supervisor makes the plan in the app: name, the fire checklist, the default window (today + 30 days), one park. */
async function makePlan(): Promise<{ id: string; targets: number; done: number; page: Page }> {
  const phone = await newPhone(browser, server.url);
  const login = new LoginPage(phone.page);
  await login.open();
  await login.logIn('supervisor2', DEMO_PASSWORD);
  await phone.page.waitForURL((u) => u.pathname === '/');
  const page = phone.page;
  await page.goto('/plans/new');
  await page.getByLabel('计划名称').fill('冬季消防专项检查');
  await page.getByRole('group', { name: '检查表' }).getByLabel('消防安全检查表').check();
  await page.getByText('按园区（全部在册企业）').click();
  await page.getByLabel(PARK).check();
  await page.getByRole('button', { name: '创建计划' }).click();
  await page.waitForURL(/\/plans\/[0-9a-f-]{36}$/);
  const id = new URL(page.url()).pathname.split('/').pop()!;
  const bar = page.getByRole('progressbar');
  const targets = Number(await bar.getAttribute('aria-valuemax'));
  const done = Number(await bar.getAttribute('aria-valuenow'));
  return { id, targets, done, page };
}

describe("the inspector's plan, offline", () => {
  it('shows the plan on Today, starts a target with the plan checklist, and moves the progress at once; the server follows after sync', async () => {
    const plan = await makePlan();
    expect(plan.targets).toBeGreaterThan(1);

    const phone = await newPhone(browser, server.url);
    const login = new LoginPage(phone.page);
    await login.open();
    await login.logIn('inspector', DEMO_PASSWORD);
    await phone.page.waitForURL((u) => u.pathname === '/');
    await readyOffline(phone.page);
    await phone.context.setOffline(true);
    await phone.page.reload();

    const card = phone.page.getByRole('article', { name: '冬季消防专项检查' });
    const progress = card.getByRole('progressbar');
    await expect.poll(() => progress.getAttribute('aria-valuenow')).toBe(String(plan.done));
    expect(await progress.getAttribute('aria-valuemax')).toBe(String(plan.targets));
    await card.getByText(`${plan.done} / ${plan.targets}`).waitFor();

    await card.getByText(`待检查企业（${plan.targets - plan.done} 家）`).click();
    const park = card.getByRole('region', { name: PARK });
    const first = park.getByRole('link').first();
    const enterprise = (await first.locator('strong').textContent())!.trim();
    await first.click();

    await phone.page.getByText('按计划「冬季消防专项检查」检查').waitFor();
    const planList = phone.page.locator('.plan-templates');
    await planList.getByRole('button', { name: /^消防安全检查表/ }).click();
    await phone.page.waitForURL(/\/inspect\/[0-9a-f-]{36}$/);
    const inspector = new InspectorPages(phone.page);
    await inspector.passTheRest();
    await inspector.finish();
    await inspector.sign();
    await inspector.submit();

    // Still offline: Today counts the inspection saved on the phone.
    await phone.page.goto('/');
    await expect.poll(() => progress.getAttribute('aria-valuenow')).toBe(String(plan.done + 1));
    await card.getByText(`待检查企业（${plan.targets - plan.done - 1} 家）`).click();
    expect(await card.getByRole('link', { name: new RegExp(enterprise) }).count()).toBe(0);

    await phone.context.setOffline(false);
    await expect
      .poll(async () => (await supervisor.get<{ plan: { done: number } }>(`/api/plans/${plan.id}`)).body.plan.done, { timeout: 20_000, interval: 250 })
      .toBe(plan.done + 1);
    expect(phone.errors).toEqual([]);

    // The supervisor's page shows the coverage moved, and the target inspected.
    await plan.page.reload();
    await expect.poll(() => plan.page.getByRole('progressbar').getAttribute('aria-valuenow')).toBe(String(plan.done + 1));
    await plan.page.getByText(PARK).first().click();
    await plan.page.getByRole('link', { name: `${enterprise} 查看检查记录` }).waitFor();
    await plan.page.goto('/plans');
    await plan.page.getByRole('link', { name: /冬季消防专项检查/ }).getByText(`已检查 ${plan.done + 1} / ${plan.targets} 家`).waitFor();
  });
});
