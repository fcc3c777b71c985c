/**
 * What each of these browser test files starts with: a server on a fresh
 * copy of the demo database, Chromium, the server reached directly (Demo),
 * and phones with a user logged in, each with the page objects it needs.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { demoServer, launch, newPhone, type DemoServer, type Phone } from '../../support/browser';
import { Demo } from './demo';
import { FindingPage } from './finding';
import { AppPage, OperatorHome } from './operator';

export interface UserPhone extends Phone {
  app: AppPage;
  home: OperatorHome;
  finding: FindingPage;
}

export function demoPhones() {
  let server: DemoServer | undefined;
  let browser: Browser | undefined;
  let demo: Demo | undefined;
  beforeAll(async () => {
    server = await demoServer();
    browser = await launch();
    demo = new Demo(server.url);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });
  return {
    get demo(): Demo {
      return demo!;
    },
    /** A phone-sized browser with `username` logged in, the app cached and its first sync done. */
    async phoneOf(username: string): Promise<UserPhone> {
      const phone = await newPhone(browser!, server!.url);
      const app = new AppPage(phone.page);
      await app.logIn(username);
      return { ...phone, app, home: new OperatorHome(phone.page), finding: new FindingPage(phone.page) };
    },
  };
}
