/**
 * The app as a logged-in user moves through it: the navigation bar (with
 * the notifications badge), syncing on demand, and the park operator's home.
 */
import type { Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../../../server/demo/accounts';
import { LoginPage } from './login';
import { readyOffline } from './phone-db';

export type Group = 'overdue' | 'dueSoon' | 'open' | 'submitted' | 'closed';
export const GROUP_TITLES: Record<Group, string> = {
  overdue: '已逾期',
  dueSoon: '3 天内到期',
  open: '待整改',
  submitted: '待复查',
  closed: '已销号',
};

export class AppPage {
  constructor(readonly page: Page) {}

  async logIn(username: string) {
    const login = new LoginPage(this.page);
    await login.open();
    await login.logIn(username, DEMO_PASSWORD);
    await this.page.waitForURL((u) => u.pathname === '/');
    // As a user would after logging in once: the app is cached and the phone has its data.
    await readyOffline(this.page);
  }

  nav() {
    return this.page.getByRole('navigation', { name: '主导航' });
  }

  async openNav(name: string) {
    await this.nav().getByRole('link', { name: new RegExp(`^${name}`) }).click();
  }

  /** The count on the notifications entry of the navigation bar ('' when there is none). */
  async notificationBadge(): Promise<string> {
    const badge = this.nav().locator('a[href="/notifications"] .count-badge');
    return (await badge.count()) ? ((await badge.textContent()) ?? '') : '';
  }

  /** Syncs now from the sync page (as a user pulls for news), then comes back. */
  async syncNow() {
    await this.page.getByRole('link', { name: /^已联网/ }).click();
    await this.page.waitForURL((u) => u.pathname === '/sync');
    const pulled = this.page.waitForResponse((r) => r.url().includes('/api/sync/pull'));
    await this.page.getByRole('button', { name: '立即同步' }).click();
    await pulled;
    await this.page.waitForFunction(() => !document.querySelector('main button[aria-busy="true"]'));
    await this.page.goBack();
  }
}

export class OperatorHome {
  constructor(private readonly page: Page) {}

  async ready() {
    await this.page.locator('.op-home__tiles').waitFor();
  }

  /** The count shown on a group's tile. */
  async count(group: Group): Promise<number> {
    return Number(await this.page.locator(`.op-home__tile-count[data-group="${group}"]`).textContent());
  }

  section(group: Group) {
    return this.page.getByRole('region', { name: new RegExp(`^${GROUP_TITLES[group]}`) });
  }

  /** A finding's card, found by its description, in one group or anywhere on the page. */
  card(description: string, group?: Group) {
    return (group ? this.section(group) : this.page.locator('main')).getByRole('link', { name: new RegExp(description) });
  }

  async search(text: string) {
    await this.page.getByLabel('搜索企业').fill(text);
  }

  async chip(groupLabel: '按类别筛选' | '按严重程度筛选', name: string) {
    await this.page.getByRole('group', { name: groupLabel }).getByRole('button', { name, exact: true }).click();
  }
}
