/** The admin screens, as an admin uses them (Chinese UI). */
import type { Page } from 'playwright-core';

export class AdminUsersPage {
  constructor(private readonly page: Page) {}

  async open() {
    await this.page.goto('/admin/users');
    await this.page.getByRole('heading', { name: '用户', exact: true }).waitFor();
  }

  async createOperator(o: { username: string; name: string; password: string; park: string }) {
    await this.page.getByRole('button', { name: '新建用户' }).click();
    const dialog = this.page.getByRole('dialog', { name: '新建用户' });
    await dialog.getByLabel('用户名', { exact: true }).fill(o.username);
    await dialog.getByLabel('姓名', { exact: true }).fill(o.name);
    await dialog.getByLabel('初始密码', { exact: true }).fill(o.password);
    await dialog.getByLabel('角色', { exact: true }).selectOption({ label: '园区运营方' });
    await dialog.getByRole('searchbox', { name: /搜索负责的园区/ }).fill(o.park);
    await dialog.getByRole('checkbox', { name: o.park }).check();
    await dialog.getByRole('button', { name: '保存' }).click();
    await dialog.waitFor({ state: 'hidden' });
  }

  row(username: string) {
    return this.page.getByRole('row').filter({ hasText: username });
  }
}

export class TemplateEditorPage {
  constructor(private readonly page: Page) {}

  /** From the list, the checklist's "edit and publish a new version". */
  async openFromList(title: string) {
    await this.page.goto('/admin/templates');
    await this.page.getByRole('link', { name: `编辑并发布新版本：${title}` }).click();
    await this.page.getByRole('heading', { name: /^编辑检查表/ }).waitFor();
  }

  /** Opens an item by its code and replaces its Chinese text. */
  async setItemText(code: string, text: string) {
    await this.page.getByRole('button', { name: new RegExp(`^${code}\\s`), expanded: false }).click();
    const field = this.page.getByRole('textbox', { name: '检查内容（中文）' }).first();
    await field.fill(text);
  }

  /** Adds an item at the end of a section (1-based) and fills in its texts. */
  async addItem(section: number, text: { zh: string; en: string }) {
    await this.page.getByRole('button', { name: '添加检查项' }).nth(section - 1).click();
    const zh = this.page.locator(':focus');
    await zh.fill(text.zh);
    const id = (await zh.getAttribute('id'))!.replace(/-text-zh$/, '-text-en');
    await this.page.locator(`#${id}`).fill(text.en);
  }

  /** Publishes (accepting the confirmation) and waits for the list's confirmation message. */
  async publish() {
    this.page.once('dialog', (d) => void d.accept());
    await this.page.getByRole('button', { name: '发布', exact: true }).click();
    await this.page.waitForURL(/\/admin\/templates\?published=/);
    return (await this.page.getByRole('status').filter({ hasText: '已发布' }).textContent()) ?? '';
  }
}
