/**
 * Every main screen of the inspector's app passes axe-core (no serious or
 * critical WCAG 2.1 A/AA violation, contrast included) and offers no control
 * smaller than a thumb (44 × 44 px), in Chinese and in English.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../../server/demo/accounts';
import { demoServer, launch, newPhone, type DemoServer } from '../support/browser';
import { axeViolations, smallTargets } from './pages/axe';
import { InspectorPages } from './pages/inspector';
import { LoginPage } from './pages/login';
import { readyOffline } from './pages/phone-db';

const PARK = '万洋（掌起）众创城';

let server: DemoServer;
let browser: Browser;

beforeAll(async () => {
  server = await demoServer();
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** What a screen must pass: axe-core, and thumb-sized controls. */
async function check(page: Page, screen: string): Promise<string[]> {
  const problems = [...(await axeViolations(page)), ...(await smallTargets(page))];
  return problems.map((p) => `${screen} — ${p}`);
}

describe('the inspector’s screens are accessible', () => {
  it('login, Today, start, checklist, finding form, finish, sync, re-inspection, record and print', async () => {
    const phone = await newPhone(browser, server.url);
    const { page } = phone;
    const problems: string[] = [];
    const login = new LoginPage(page);
    await login.open();
    await page.getByRole('button', { name: '登录' }).waitFor();
    problems.push(...(await check(page, 'login')));

    await login.logIn('inspector', DEMO_PASSWORD);
    await page.waitForURL((u) => u.pathname === '/');
    await readyOffline(page);
    await page.getByRole('heading', { name: '今日检查' }).waitFor();
    problems.push(...(await check(page, 'today')));

    await page.getByRole('link', { name: '开始检查' }).click();
    await page.getByRole('button', { name: new RegExp(`^${PARK.replace(/[()（）]/g, '.')}`) }).click();
    await page.getByRole('region', { name: '选择企业' }).getByRole('listitem').first().waitFor();
    problems.push(...(await check(page, 'start an inspection')));

    const inspector = new InspectorPages(page);
    await page.getByRole('region', { name: '选择企业' }).getByRole('listitem').first().getByRole('button').click();
    await page.getByRole('button', { name: /^消防安全检查表/ }).click();
    await page.waitForURL(/\/inspect\/[0-9a-f-]{36}$/);
    await inspector.answer('F-01', '合格');
    problems.push(...(await check(page, 'checklist')));

    await inspector.answer('F-09', '不合格');
    await inspector.findingForm().waitFor();
    problems.push(...(await check(page, 'finding form')));
    await inspector.findingForm().getByLabel('隐患描述').fill('疏散指示标志损坏');
    await inspector.findingForm().getByRole('button', { name: '保存隐患' }).click();
    await inspector.findingForm().waitFor({ state: 'detached' });

    await inspector.passTheRest();
    await inspector.finish();
    await page.getByRole('region', { name: '检查小结' }).waitFor();
    problems.push(...(await check(page, 'finish')));

    await page.goto('/sync');
    await page.getByRole('heading', { name: /同步/ }).first().waitFor();
    problems.push(...(await check(page, 'sync')));

    await page.goto('/reinspect');
    await page.getByRole('heading', { name: '待复查' }).first().waitFor();
    problems.push(...(await check(page, 're-inspection queue')));

    // A submitted inspection from the demo history, its record and its printed form.
    const link = page.locator('a[href^="/findings/"]').first();
    await link.waitFor();
    await link.click();
    await page.waitForURL(/\/findings\//);
    await page.getByRole('heading').first().waitFor();
    problems.push(...(await check(page, 'finding')));
    const inspectionLink = page.locator('a[href^="/inspections/"]').first();
    await inspectionLink.click();
    await page.waitForURL(/\/inspections\/[0-9a-f-]{36}$/);
    await page.getByRole('heading').first().waitFor();
    problems.push(...(await check(page, 'inspection')));
    await page.goto(`${new URL(page.url()).pathname}/print`);
    await page.getByRole('heading', { name: '安全检查记录', level: 1 }).waitFor();
    problems.push(...(await check(page, 'printed record')));

    expect(problems).toEqual([]);
    expect(phone.errors).toEqual([]);
    await phone.context.close();
  });

  it('reads the same in English', async () => {
    const phone = await newPhone(browser, server.url);
    const { page } = phone;
    await page.addInitScript(() => localStorage.setItem('parkcheck.locale', 'en'));
    const login = new LoginPage(page);
    await login.open();
    await page.getByRole('button', { name: 'Log in' }).waitFor();
    const problems = await check(page, 'login (en)');
    await page.getByLabel('Username', { exact: true }).fill('inspector');
    await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.waitForURL((u) => u.pathname === '/');
    await readyOffline(page);
    await page.getByRole('heading', { name: 'Today' }).waitFor();
    problems.push(...(await check(page, 'today (en)')));
    expect(problems).toEqual([]);
    expect(phone.errors).toEqual([]);
    await phone.context.close();
  });
});
