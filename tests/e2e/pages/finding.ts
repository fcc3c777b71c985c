/** A finding's page, as an operator, inspector or supervisor uses it: facts, history and the actions of their role. */
import type { Page } from 'playwright-core';

export class FindingPage {
  constructor(private readonly page: Page) {}

  async open(id: string) {
    await this.page.goto(`/findings/${id}`);
    await this.ready();
  }

  async ready() {
    await this.page.getByRole('heading', { level: 1 }).waitFor();
    await this.page.getByRole('heading', { name: '处理记录' }).waitFor();
  }

  title() {
    return this.page.getByRole('heading', { level: 1 });
  }

  /** The badges under the title: status, overdue, severity, category, "not sent yet". */
  badges() {
    return this.page.locator('.finding__badges');
  }

  dueDate() {
    return this.page.locator('.facts div', { hasText: '整改期限' }).locator('dd');
  }

  extensionAsked() {
    return this.page.locator('.facts div', { hasText: '延期申请（待审批）' });
  }

  /** The history, oldest first, one text per event. */
  history() {
    return this.page.locator('.history__event');
  }

  actionButton(name: string) {
    return this.page.getByRole('region', { name: '可执行的操作' }).getByRole('button', { name, exact: true });
  }

  async rectify(note: string, photos: string[] = []) {
    await this.actionButton('提交整改').click();
    if (photos.length) {
      const chooser = this.page.waitForEvent('filechooser');
      await this.page.getByRole('button', { name: '从相册选' }).click();
      await (await chooser).setFiles(photos);
      await this.page.locator('.photo-picker__list img').nth(photos.length - 1).waitFor();
    }
    await this.page.getByLabel('整改说明').fill(note);
    await this.confirm();
  }

  async requestExtension(newDueDate: string, reason: string) {
    await this.actionButton('申请延期').click();
    await this.page.getByLabel('申请的新期限').fill(newDueDate);
    await this.page.getByLabel('延期理由').fill(reason);
    await this.confirm();
  }

  async verify(note?: string) {
    await this.actionButton('复查通过（销号）').click();
    if (note) await this.page.getByLabel('复查意见（可选）').fill(note);
    await this.confirm();
  }

  async reject(reason: string) {
    await this.actionButton('复查不通过').click();
    await this.page.getByLabel('不通过的原因').fill(reason);
    await this.confirm();
  }

  async confirm() {
    await this.page.getByRole('button', { name: '确认', exact: true }).click();
    await this.page.getByRole('button', { name: '确认', exact: true }).waitFor({ state: 'detached' });
  }
}
