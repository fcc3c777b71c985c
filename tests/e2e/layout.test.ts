/**
 * The app fits a small phone (360 × 740), in Chinese and in English: for
 * every role, every screen its navigation bar leads to is no wider than the
 * screen (nothing to scroll sideways, the navigation bar stays in view),
 * and no label of the navigation bar wraps onto a second line or leaves
 * its place.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../server/demo/accounts';
import { demoServer, launch, newPhone, type DemoServer } from '../support/browser';
import { LoginPage } from './pages/login';
import { readyOffline } from './pages/phone-db';

const SMALL_PHONE = { width: 360, height: 740 };

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

/**
 * What does not fit on the screen now, in words. A phone browser zooms out
 * to show a page wider than the screen, and window.innerWidth grows with it:
 * the screen's width is what the test set.
 */
function misfits(page: Page): Promise<string[]> {
  return page.evaluate((width) => {
    const out: string[] = [];
    const page = document.documentElement.scrollWidth;
    if (page > width || window.innerWidth > width) {
      const wide = [...document.querySelectorAll<HTMLElement>('main *')]
        .filter((el) => el.getBoundingClientRect().right > width + 0.5)
        .slice(0, 3)
        .map((el) => `${el.tagName.toLowerCase()}.${[...el.classList].join('.')}`);
      out.push(`the page is ${Math.max(page, window.innerWidth)} px wide on a ${width} px screen (${wide.join(', ')})`);
    }
    for (const label of document.querySelectorAll<HTMLElement>('nav.app-nav .app-nav__label')) {
      const text = document.createRange();
      text.selectNodeContents(label);
      const lines = new Set([...text.getClientRects()].map((r) => Math.round(r.top))).size;
      const box = label.getBoundingClientRect();
      const item = label.closest('a')!.getBoundingClientRect();
      if (lines > 1) out.push(`the navigation label “${label.textContent}” wraps onto ${lines} lines`);
      if (box.left < item.left - 0.5 || box.right > item.right + 0.5 || box.right > width + 0.5) {
        out.push(`the navigation label “${label.textContent}” sticks out of its place`);
      }
    }
    return out;
  }, SMALL_PHONE.width);
}

/** The screen has its heading and its data, and nothing is still loading or moving. */
async function settled(page: Page, path: string) {
  await page.locator('main h1').first().waitFor();
  if (path === '/reports') await page.locator('[data-ready]').first().waitFor({ timeout: 30_000 });
  await page.waitForFunction(() => !document.querySelector('main [aria-busy="true"]'));
  // Lists read from the phone's database render a moment after the heading.
  await page.waitForTimeout(400);
}

async function navigationPaths(page: Page): Promise<string[]> {
  return page.locator('nav.app-nav a').evaluateAll((links) => links.map((a) => a.getAttribute('href')!));
}

async function visitEveryScreen(page: Page, paths: string[], language: string): Promise<string[]> {
  const problems: string[] = [];
  for (const path of paths) {
    await page.locator(`nav.app-nav a[href="${path}"]`).click();
    await page.waitForURL((u) => u.pathname === path);
    await settled(page, path);
    for (const problem of await misfits(page)) problems.push(`${language} ${path}: ${problem}`);
  }
  return problems;
}

describe('at 360 px wide', () => {
  for (const username of ['inspector', 'operator', 'supervisor', 'admin']) {
    it(`${username}: every screen of the navigation fits, in Chinese and in English`, async () => {
      const { page, context, errors } = await newPhone(browser, server.url);
      await page.setViewportSize(SMALL_PHONE);
      const login = new LoginPage(page);
      await login.open();
      await login.logIn(username, DEMO_PASSWORD);
      await page.waitForURL((u) => u.pathname === '/');
      await readyOffline(page);

      const paths = await navigationPaths(page);
      expect(paths).toEqual(expect.arrayContaining(['/', '/sync']));
      expect(paths.length).toBeGreaterThanOrEqual(3);

      const problems = await visitEveryScreen(page, paths, 'zh-CN');
      await page.getByRole('button', { name: '切换为英文' }).click();
      await page.waitForFunction(() => document.documentElement.lang === 'en');
      problems.push(...(await visitEveryScreen(page, paths, 'en')));

      expect(problems).toEqual([]);
      expect(errors).toEqual([]);
      await context.close();
    });
  }
});
