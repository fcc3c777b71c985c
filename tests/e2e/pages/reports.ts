/** The report screens (dashboard, finding list, printable report), as a supervisor uses them. */
import type { Download, Page } from 'playwright-core';

export class ReportsPage {
  constructor(private readonly page: Page) {}

  /** Waits until every part of the page has its figures (the page marks itself data-ready). */
  async ready() {
    await this.page.locator('[data-ready]').first().waitFor({ timeout: 30_000 });
  }

  async openFromNav() {
    await this.page.getByRole('navigation', { name: '主导航' }).locator('a[href="/reports"]').click();
    await this.page.waitForURL((u) => u.pathname === '/reports');
    await this.ready();
  }

  async choosePeriod(name: '本月' | '上月' | '本季度' | '本年') {
    await this.navigating(() => this.page.getByRole('button', { name, exact: true }).click());
  }

  section(title: string) {
    return this.page.getByRole('region', { name: title });
  }

  headline(field: 'total' | 'rate' | 'onTimeRate' | 'overdue' | 'openMajor' | 'inspectionCoverage') {
    return this.page.locator(`[data-field="${field}"]`);
  }

  /** Opens a region or park from a breakdown table or the ranking. */
  async drillInto(name: string) {
    await this.navigating(() => this.page.getByRole('link', { name: `查看 ${name}` }).first().click());
  }

  /** Does `action`, then waits for the new address and for the figures that belong to it (not the old page's). */
  private async navigating(action: () => Promise<void>) {
    const before = this.page.url();
    await action();
    await this.page.waitForURL((u) => u.href !== before);
    await this.ready();
  }

  trail() {
    return this.page.getByRole('navigation', { name: '当前位置' });
  }

  async exportFrom(sectionTitle: string): Promise<Download> {
    const download = this.page.waitForEvent('download');
    await this.section(sectionTitle).getByRole('button', { name: /导出 Excel/ }).click();
    return download;
  }

  /** The findings listed on the page (dashboard lists or the finding list). */
  findingLinks() {
    return this.page.locator('a[href^="/findings/"]');
  }
}
