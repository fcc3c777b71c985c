/**
 * Each demo role logs in on a phone and sees who they are and their parks —
 * the built PWA, served by the real server, in Debian's Chromium.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { DEMO_PASSWORD } from '../../server/demo/accounts';
import { demoServer, launch, newPhone, type DemoServer } from '../support/browser';
import { LoginPage } from './pages/login';

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

const ROLES = [
  { username: 'admin', name: '系统管理员', role: '管理员', parks: 23, sees: ['华东轻纺针织城', '龙山置信智造谷'] },
  { username: 'supervisor', name: '陈建国', role: '监管人员', parks: 23, sees: ['华东轻纺针织城', '万洋（掌起）众创城'] },
  { username: 'inspector', name: '王磊', role: '检查员', parks: 4, sees: ['万洋（掌起）众创城', '德濠（观海卫）产业园'] },
  { username: 'operator', name: '赵敏', role: '园区运营方', parks: 1, sees: ['万洋（掌起）众创城'] },
];

describe('logging in on a phone', () => {
  for (const r of ROLES) {
    it(`${r.username}: sees their name, role and their ${r.parks} park(s), and nothing outside their scope`, async () => {
      const phone = await newPhone(browser, server.url);
      const login = new LoginPage(phone.page);
      await login.open();
      await login.logIn(r.username, DEMO_PASSWORD);
      await phone.page.waitForURL((u) => u.pathname === '/');
      await expect.poll(() => phone.page.getByText(r.name, { exact: true }).first().isVisible()).toBe(true);
      await expect.poll(() => phone.page.getByText(r.role).first().isVisible()).toBe(true);
      // Parks come from the phone's database, filled by the first sync after login.
      for (const park of r.sees) await expect.poll(() => phone.page.getByText(park).first().isVisible(), { timeout: 15_000 }).toBe(true);
      // The inspector's home is the day's work: their parks are the filter over its enterprise list.
      // The operator's home is their park's findings, under the park's name.
      const shown =
        r.username === 'inspector'
          ? await phone.page.getByRole('group', { name: '按园区筛选' }).getByRole('button').filter({ hasNotText: '全部园区' }).allTextContents()
          : r.username === 'operator'
            ? await phone.page.getByRole('heading', { level: 1 }).allTextContents()
            : await phone.page.locator('li h2, li h3').allTextContents();
      expect(shown.length).toBe(r.parks);
      if (r.username === 'operator') expect(shown.join()).not.toContain('华东轻纺针织城');
      expect(phone.errors).toEqual([]);
      await phone.context.close();
    });
  }

  it('a wrong password is refused with a readable message, and the form stays', async () => {
    const phone = await newPhone(browser, server.url);
    const login = new LoginPage(phone.page);
    await login.open();
    await login.logIn('inspector', 'not-the-password');
    await expect.poll(() => login.error().textContent()).toContain('用户名或密码错误');
    expect(phone.page.url()).toContain('/login');
    await phone.context.close();
  });
});
