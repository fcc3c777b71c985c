/** The login screen, as a user sees it. */
import type { Page } from 'playwright-core';

export class LoginPage {
  constructor(private readonly page: Page) {}

  async open() {
    await this.page.goto('/');
    await this.page.waitForURL(/\/login/);
  }

  async logIn(username: string, password: string) {
    await this.page.getByLabel('用户名', { exact: true }).fill(username);
    await this.page.getByLabel('密码', { exact: true }).fill(password);
    await this.page.getByRole('button', { name: /^(登录|Log in)$/ }).click();
  }

  error() {
    return this.page.getByRole('alert');
  }
}
