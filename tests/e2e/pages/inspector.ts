/** The inspector's screens, as an inspector uses them with one thumb. */
import type { Page } from 'playwright-core';

export interface FindingEntry {
  description: string;
  severity?: '一般隐患' | '重大隐患';
  /** JPEG files to pick through the camera button's file chooser. */
  photos?: string[];
  rectifiedOnSite?: boolean;
}

export class InspectorPages {
  constructor(private readonly page: Page) {}

  /** From Today: park → the first enterprise listed → the template. Returns the enterprise's name. */
  async startInspection(park: string, template: string): Promise<string> {
    await this.page.getByRole('link', { name: '开始检查' }).click();
    await this.page.getByRole('button', { name: new RegExp(`^${escape(park)}`) }).click();
    const enterprise = this.page.getByRole('region', { name: '选择企业' }).getByRole('listitem').first().getByRole('button');
    const name = (await enterprise.locator('strong').textContent())!.trim();
    await enterprise.click();
    await this.page.getByRole('button', { name: new RegExp(`^${escape(template)}`) }).click();
    await this.page.waitForURL(/\/inspect\/[0-9a-f-]{36}$/);
    return name;
  }

  answers(code: string) {
    return this.page.getByRole('group', { name: `${code} 的检查结果` });
  }

  async answer(code: string, result: '合格' | '不合格' | '不适用') {
    await this.answers(code).getByRole('button', { name: result, exact: true }).click();
  }

  /** Every item not answered yet, as "合格" (once the whole checklist is on screen: later sections render when idle). */
  async passTheRest() {
    const groups = this.page.getByRole('group', { name: /的检查结果$/ });
    await this.page.waitForFunction(wholeChecklistShown);
    for (const group of await groups.all()) {
      if ((await group.locator('[aria-pressed="true"]').count()) === 0) await group.getByRole('button', { name: '合格', exact: true }).click();
    }
  }

  findingForm() {
    return this.page.getByRole('dialog', { name: '记录隐患' });
  }

  /** Fails an item and fills the finding form that opens. */
  async fail(code: string, entry: FindingEntry) {
    await this.answer(code, '不合格');
    const form = this.findingForm();
    await form.waitFor();
    if (entry.severity) await form.getByRole('button', { name: entry.severity, exact: true }).click();
    await form.getByLabel('隐患描述').fill(entry.description);
    for (const [i, file] of (entry.photos ?? []).entries()) {
      const chooser = this.page.waitForEvent('filechooser');
      await form.getByRole('button', { name: '拍照' }).click();
      await (await chooser).setFiles(file);
      await form.getByRole('button', { name: `查看照片：照片 ${i + 1}` }).waitFor({ timeout: 15_000 });
    }
    if (entry.rectifiedOnSite) await form.getByLabel('当场整改').check();
    await form.getByRole('button', { name: '保存隐患' }).click();
    await form.waitFor({ state: 'detached' });
    await this.tapGuardOver();
  }

  /** A tap on where 保存隐患 was is swallowed for a moment after saving (a double tap's second half); a person is slower. */
  async tapGuardOver() {
    await this.page.waitForFunction(() => !('tapGuard' in document.documentElement.dataset));
  }

  async finish() {
    await this.page.getByRole('button', { name: '完成', exact: true }).click();
    await this.page.waitForURL(/\/finish$/);
  }

  /** Draws a signature with the finger (pointer events) and confirms it. */
  async sign() {
    const pad = this.page.getByRole('img', { name: /签字区/ });
    const box = (await pad.boundingBox())!;
    await this.page.mouse.move(box.x + box.width * 0.15, box.y + box.height * 0.6);
    await this.page.mouse.down();
    for (let i = 1; i <= 12; i++) {
      await this.page.mouse.move(box.x + box.width * (0.15 + i * 0.06), box.y + box.height * (0.6 - Math.sin(i / 2) * 0.3));
    }
    await this.page.mouse.up();
    await this.page.getByRole('button', { name: '确认签字' }).click();
    await this.page.getByRole('button', { name: '查看照片：企业负责人签字' }).waitFor();
  }

  /** Submits; returns the new inspection's id (from the page it lands on). */
  async submit(): Promise<string> {
    await this.page.getByRole('button', { name: '提交检查' }).click();
    await this.page.waitForURL(/\/inspections\/[0-9a-f-]{36}$/);
    return new URL(this.page.url()).pathname.split('/').pop()!;
  }
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Every item of the checklist has its answer buttons on screen (the progress bar's max is the item count). */
export function wholeChecklistShown(): boolean {
  const progress = document.querySelector<HTMLProgressElement>('main progress');
  return Boolean(progress) && document.querySelectorAll('[role="group"][aria-label$="的检查结果"]').length >= progress!.max;
}
