/**
 * Integrity of the loop on the phone (API.md): what a user may not do is
 * shown disabled with the reason in words, never silently missing or
 * refused later — the inspector who rectified cannot close it, a major is
 * closed from the supervisor's queue, a rectification needs its photo — and
 * the inspection screen keeps a quick double tap and a discarded photo from
 * doing harm.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { InspectorPages } from './pages/inspector';
import { PHOTO } from './pages/demo';
import { demoPhones } from './pages/phones';

const PARK = '万洋（掌起）众创城';
const BOX = path.resolve(__dirname, '../fixtures/photos/distribution-box.jpg');
const EXIT = path.resolve(__dirname, '../fixtures/photos/exit-rotated.jpg');

const phones = demoPhones();
const { phoneOf } = phones;
const statusOf = async (id: string) => (await phones.demo.finding(id)).finding.status;

async function anEnterprise() {
  const park = await phones.demo.park('inspector', PARK);
  return (await phones.demo.enterprises('inspector', park.id)).at(-1)!;
}

describe('who may close what', () => {
  it('the inspector who rectified sees 复查通过 disabled with the reason; another person closes it', async () => {
    const { demo } = phones;
    const [f] = await demo.inspect(await anEnterprise(), ['E2E 整改人不能自己销号']);
    await demo.rectify('inspector', f!.id, '已代企业整改，附照片');

    const inspector = await phoneOf('inspector');
    await inspector.finding.open(f!.id);
    const verify = inspector.finding.actionButton('复查通过（销号）');
    expect(await verify.isDisabled()).toBe(true);
    expect(await inspector.page.getByText('你提交的整改需由其他人复查。').first().isVisible()).toBe(true);
    expect(await inspector.finding.actionButton('复查不通过').isDisabled()).toBe(true);

    const other = await phoneOf('supervisor2');
    await other.finding.open(f!.id);
    await other.finding.verify('复查合格');
    await other.app.syncNow();
    await expect.poll(() => statusOf(f!.id), { timeout: 30_000 }).toBe('closed');
  });

  it('the operator cannot submit a rectification without a photo, and is told why', async () => {
    const [f] = await phones.demo.inspect(await anEnterprise(), ['E2E 整改须附照片']);
    const operator = await phoneOf('operator');
    await operator.finding.open(f!.id);
    await operator.finding.actionButton('提交整改').click();
    await operator.page.getByLabel('整改说明').fill('已整改');
    const confirm = operator.page.getByRole('button', { name: '确认', exact: true });
    expect(await confirm.isDisabled()).toBe(true);
    expect(await operator.page.getByText('请至少拍一张整改后照片。').isVisible()).toBe(true);
    const chooser = operator.page.waitForEvent('filechooser');
    await operator.page.getByRole('button', { name: '从相册选' }).click();
    await (await chooser).setFiles(PHOTO);
    await operator.page.locator('.photo-picker__list img').first().waitFor();
    await operator.finding.confirm();
    await operator.app.syncNow();
    await expect.poll(() => statusOf(f!.id), { timeout: 30_000 }).toBe('submitted');
  });

  it('a supervisor closes a major hazard from the queue of majors awaiting 销号; the inspector sees it awaits the supervising department', async () => {
    const { demo } = phones;
    const [f] = await demo.inspect(await anEnterprise(), ['E2E 重大隐患待监管部门销号'], { severity: 'major' });
    await demo.rectify('operator', f!.id, '已整改完毕');

    const inspector = await phoneOf('inspector');
    await inspector.finding.open(f!.id);
    expect(await inspector.page.getByText('已复查，待监管部门销号').isVisible()).toBe(true);
    expect(await inspector.finding.actionButton('复查通过（销号）').isDisabled()).toBe(true);
    expect(await inspector.page.getByText('重大隐患须由监管部门销号。').first().isVisible()).toBe(true);

    const supervisor = await phoneOf('supervisor');
    await supervisor.page.goto('/reinspect');
    await supervisor.page.getByRole('link', { name: '重大隐患销号与挂牌督办' }).click();
    const awaiting = supervisor.page.getByRole('region', { name: /^待销号/ });
    const card = awaiting.getByRole('article').filter({ hasText: 'E2E 重大隐患待监管部门销号' });
    await card.waitFor();
    await card.getByRole('button', { name: '复查通过（销号）' }).click();
    await supervisor.finding.confirm();
    await supervisor.app.syncNow();
    await expect.poll(() => statusOf(f!.id), { timeout: 30_000 }).toBe('closed');
    const closing = (await demo.finding(f!.id)).events.at(-1)!;
    expect(closing).toMatchObject({ type: 'verify', actorName: '陈建国', actorRole: 'supervisor' });
  });
});

describe('the inspection screen', () => {
  it('a double tap on 保存隐患 saves once and stays on the inspection; a photo removed before saving never reaches the server, even when the app restarts with uploads still queued', async () => {
    const phone = await phoneOf('inspector');
    const uploaded: string[] = [];
    phone.page.on('request', (r) => {
      if (r.method() === 'PUT' && r.url().includes('/api/attachments/')) uploaded.push(r.url().split('/').pop()!);
    });
    await phone.page.goto('/');
    const inspector = new InspectorPages(phone.page);
    await inspector.startInspection(PARK, '消防安全检查表');
    const run = phone.page.url();
    expect(await phone.page.getByRole('navigation').count()).toBe(0);
    // In the workshop, with no signal: the photos wait on the phone.
    await phone.context.setOffline(true);

    await inspector.answer('F-14', '不合格');
    const form = inspector.findingForm();
    await form.waitFor();
    await form.getByLabel('隐患描述').fill('E2E 双击保存');
    for (const [i, file] of [EXIT, BOX].entries()) {
      const chooser = phone.page.waitForEvent('filechooser');
      await form.getByRole('button', { name: '拍照' }).click();
      await (await chooser).setFiles(file);
      await form.getByRole('button', { name: `查看照片：照片 ${i + 1}` }).waitFor({ timeout: 15_000 });
    }
    // The first photo was the wrong one.
    await form.getByRole('button', { name: '删除照片 1' }).click();
    await expect.poll(() => form.getByRole('button', { name: /^查看照片/ }).count()).toBe(1);
    await form.getByRole('button', { name: '保存隐患' }).dblclick();
    await form.waitFor({ state: 'detached' });
    await phone.page.waitForTimeout(500);
    expect(phone.page.url()).toBe(run);
    expect(await inspector.findingForm().count()).toBe(0);
    expect(await phone.page.getByText('E2E 双击保存').count()).toBe(1);

    await inspector.passTheRest();
    await inspector.finish();
    await inspector.sign();
    const inspectionId = await inspector.submit();
    // The app is closed and opened again before the photos could be sent.
    await phone.page.reload();
    await phone.page.getByText('E2E 双击保存').waitFor();
    expect(uploaded).toEqual([]);
    await phone.context.setOffline(false);
    await phone.page.goto('/sync');
    await phone.page.getByRole('button', { name: '立即同步' }).click();
    const stored = async () => (await phones.demo.get<{ findings: { attachmentIds: string[] }[]; inspection: { signatureAttachmentId: string | null } }>('inspector', `/api/inspections/${inspectionId}`).catch(() => null));
    await expect.poll(async () => (await stored())?.findings.length ?? 0, { timeout: 30_000 }).toBe(1);
    const { findings, inspection } = (await stored())!;
    const referenced = [...findings[0]!.attachmentIds, inspection.signatureAttachmentId!];
    expect(findings[0]!.attachmentIds).toHaveLength(1);
    await expect.poll(() => [...new Set(uploaded)].sort(), { timeout: 30_000 }).toEqual(referenced.sort());
  });
});
