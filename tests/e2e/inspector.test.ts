/**
 * The inspector's day, in a real browser on a phone-sized screen, against
 * the built PWA and a real server: after one online login everything works
 * with no network — a cold reload, a whole inspection with photos and a
 * signature, closing the app — and when the network comes back, every
 * finding and photo reaches the server exactly as the phone stored it.
 */
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../../server/demo/accounts';
import type { Finding } from '../../shared/schemas/entities';
import { demoServer, launch, newPhone, type DemoServer, type Phone } from '../support/browser';
import { remoteApi, type RemoteApi } from '../support/remote-api';
import { InspectorPages } from './pages/inspector';
import { LoginPage } from './pages/login';
import { readyOffline, rows, storedPhotos } from './pages/phone-db';

const PHOTOS = path.resolve(__dirname, '../fixtures/photos');
const BOX = path.join(PHOTOS, 'distribution-box.jpg');
const EXIT = path.join(PHOTOS, 'exit-rotated.jpg');
const PARK = '万洋（掌起）众创城';

let server: DemoServer;
let browser: Browser;
let inspectorApi: RemoteApi;

beforeAll(async () => {
  server = await demoServer();
  browser = await launch();
  inspectorApi = await remoteApi(server.url, 'inspector');
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** Renders the page as Chromium prints it (A4, print stylesheet) and reads the PDF back with poppler-utils. */
async function printToPdf(page: Page): Promise<{ text: string; images: string[]; pages: number; file: string }> {
  // Kept under .tmp/prints/ for a person to look at the pages.
  fs.mkdirSync('.tmp/prints', { recursive: true });
  const file = path.resolve('.tmp/prints/inspection-record.pdf');
  await page.pdf({ path: file, format: 'A4', preferCSSPageSize: true });
  const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  // pdfimages -list: two header lines, then one line per image; a PNG's transparency is a second, "smask", line.
  const images = execFileSync('pdfimages', ['-list', file], { encoding: 'utf8' })
    .trim()
    .split('\n')
    .slice(2)
    .filter((line) => line.trim().split(/\s+/)[2] === 'image');
  const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1]);
  return { text, images, pages, file };
}

/** A phone on which the inspector has logged in once, online, and synced. */
async function inspectorPhone(): Promise<Phone> {
  const phone = await newPhone(browser, server.url);
  const login = new LoginPage(phone.page);
  await login.open();
  await login.logIn('inspector', DEMO_PASSWORD);
  await phone.page.waitForURL((u) => u.pathname === '/');
  await readyOffline(phone.page);
  return phone;
}

describe('an inspection with no network', () => {
  it('runs from a cold offline start to the server: 3 findings, 3 photos (one the evidence of an on-the-spot fix), a signature and the printed record, exactly once', async () => {
    const phone = await inspectorPhone();
    const { context } = phone;
    // The photos of open findings already on the phone for offline re-inspection: not this inspection's.
    const cached = new Set((await storedPhotos(phone.page)).map((p) => p.id));
    await context.setOffline(true);
    await phone.page.reload();
    await phone.page.getByRole('heading', { name: '今日检查' }).waitFor();

    const inspector = new InspectorPages(phone.page);
    const enterprise = await inspector.startInspection(PARK, '消防安全检查表');
    await inspector.fail('F-01', { description: '东侧安全出口被货物堵塞', severity: '重大隐患', photos: [EXIT] });
    await inspector.fail('F-14', { description: '配电箱前堆放纸箱', photos: [BOX] });
    await inspector.fail('F-09', { description: '消防设施年度检测报告未张贴', rectifiedOnSite: true, photos: [BOX] });
    await inspector.passTheRest();
    await inspector.finish();
    await expect.poll(() => phone.page.getByRole('region', { name: '检查小结' }).textContent()).toMatch(/不合格\s*3/);
    await inspector.sign();
    const inspectionId = await inspector.submit();
    await phone.page.getByText('检查已保存在本机，有网络时会自动发送。').waitFor();

    // The phone is put away: the app is closed and opened again, still with no network.
    await phone.page.close();
    const page = await context.newPage();
    await page.goto(`/inspections/${inspectionId}`);
    await page.getByRole('heading', { name: enterprise }).waitFor();
    for (const text of ['东侧安全出口被货物堵塞', '配电箱前堆放纸箱', '消防设施年度检测报告未张贴']) await page.getByText(text).waitFor();
    const outbox = await rows<{ type: string; status: string }>(page, 'outbox');
    expect(outbox).toEqual([expect.objectContaining({ type: 'inspection.submit', status: 'pending' })]);
    const photos = (await storedPhotos(page)).filter((p) => !cached.has(p.id));
    expect(photos).toHaveLength(4);
    // Compressed on the phone: long side at most 1600 px, and the upright photo stays upright.
    const jpegs = photos.filter((p) => p.type === 'image/jpeg');
    expect(jpegs).toHaveLength(3);
    for (const p of jpegs) expect(Math.max(p.width, p.height)).toBeLessThanOrEqual(1600);
    expect(jpegs.some((p) => p.height > p.width)).toBe(true);
    expect(photos.filter((p) => p.type === 'image/png')).toHaveLength(1);

    // Still offline, the inspection record prints to A4 from the phone's own data.
    await page.goto(`/inspections/${inspectionId}/print`);
    await page.getByRole('heading', { name: '安全检查记录', level: 1 }).waitFor();
    const signature = page.locator('.doc img');
    await expect.poll(() => signature.evaluateAll((imgs) => imgs.map((i) => (i as HTMLImageElement).naturalWidth > 0))).toEqual([true]);
    const pdf = await printToPdf(page);
    const printed = pdf.text.replace(/\s+/g, '');
    expect(printed).toContain(enterprise.replace(/\s+/g, ''));
    for (const text of ['东侧安全出口被货物堵塞', '配电箱前堆放纸箱', '消防设施年度检测报告未张贴', '重大隐患', '被检查单位负责人（签字）']) {
      expect(printed).toContain(text);
    }
    // The signature is the record's one picture; the screen's toolbar stays off the paper.
    expect(pdf.images).toHaveLength(1);
    expect(printed).not.toContain('返回');
    expect(pdf.pages).toBeLessThanOrEqual(3);

    await context.setOffline(false);
    await expect
      .poll(async () => (await inspectorApi.inspection(inspectionId)).status, { timeout: 15_000, interval: 250 })
      .toBe(200);
    const { body } = await inspectorApi.inspection(inspectionId);
    expect(body.findings).toHaveLength(3);
    expect(body.findings.map((f) => f.status).sort()).toEqual(['closed', 'open', 'open']);
    expect(body.findings.find((f) => f.rectifiedOnSite)?.description).toBe('消防设施年度检测报告未张贴');
    expect(body.findings.find((f) => f.itemCode === 'F-01')?.severity).toBe('major');
    const referenced = [...body.findings.flatMap((f) => f.attachmentIds), body.inspection.signatureAttachmentId!];
    expect(referenced.sort()).toEqual(photos.map((p) => p.id).sort());
    await expect
      .poll(async () => Promise.all(photos.map((p) => inspectorApi.attachmentHash(p.id))), { timeout: 15_000, interval: 250 })
      .toEqual(photos.map((p) => p.sha256));

    // Exactly once: the outbox is empty and the server holds one inspection with these findings.
    await expect.poll(() => rows(page, 'outbox')).toEqual([]);
    const all = await inspectorApi.get<{ items: { inspectionId: string }[] }>(`/api/findings?enterpriseId=${body.inspection.enterpriseId}&limit=500`);
    expect(all.body.items.filter((f) => f.inspectionId === inspectionId)).toHaveLength(3);
    expect(phone.errors).toEqual([]);
    await context.close();
  });

  it('closing the page in the middle of a checklist loses nothing: it reopens at the same answers', async () => {
    const phone = await inspectorPhone();
    await phone.context.setOffline(true);
    const inspector = new InspectorPages(phone.page);
    const enterprise = await inspector.startInspection(PARK, '消防安全检查表');
    for (const code of ['F-01', 'F-02', 'F-03', 'F-04']) await inspector.answer(code, '合格');
    await inspector.answer('F-09', '不适用');
    await inspector.fail('F-15', { description: '动火作业未审批' });
    await inspector.answer('F-16', '合格');
    // A tap's save takes milliseconds; nobody closes the app faster than this.
    await phone.page.waitForTimeout(250);
    await phone.page.close();

    const page = await phone.context.newPage();
    await page.goto('/');
    const unfinished = page.getByRole('region', { name: '未完成的检查' });
    await expect.poll(() => unfinished.textContent()).toContain(enterprise);
    expect(await unfinished.textContent()).toContain('已答 7 / 22 项');
    await unfinished.getByRole('link', { name: new RegExp(enterprise) }).click();
    const again = new InspectorPages(page);
    for (const code of ['F-01', 'F-02', 'F-03', 'F-04', 'F-16']) {
      await expect.poll(() => again.answers(code).getByRole('button', { name: '合格', exact: true }).getAttribute('aria-pressed')).toBe('true');
    }
    expect(await again.answers('F-09').getByRole('button', { name: '不适用' }).getAttribute('aria-pressed')).toBe('true');
    expect(await again.answers('F-15').getByRole('button', { name: '不合格' }).getAttribute('aria-pressed')).toBe('true');
    await page.getByText('动火作业未审批').waitFor();
    expect(await again.answers('F-05').locator('[aria-pressed="true"]').count()).toBe(0);
    expect(phone.errors).toEqual([]);
    await phone.context.close();
  });
});

describe('re-inspection with no network', () => {
  /** Open findings of the operator's park, rectified by the operator from their own phone. */
  async function rectified(count: number): Promise<Finding[]> {
    const operator = await remoteApi(server.url, 'operator');
    const { body } = await operator.get<{ items: Finding[] }>(`/api/findings?status=open&severity=general&limit=${count}`);
    const results = await operator.push(
      // Each with its evidence photo (API.md).
      await Promise.all(
        body.items.map(async (f) => ({
          type: 'finding.rectify' as const,
          payload: { findingId: f.id, eventId: randomUUID(), note: '已整改，见现场', attachmentIds: [await operator.uploadPhoto(fs.readFileSync(BOX))] },
        })),
      ),
    );
    expect(results.map((r) => r.status)).toEqual(body.items.map(() => 'applied'));
    return body.items;
  }

  const card = (phone: Phone, id: string) => phone.page.locator('article', { has: phone.page.locator(`a[href="/findings/${id}"]`) });

  it('verifies one rectification and rejects another with a reason; back online the server has both', async () => {
    const [good, bad] = await rectified(2);
    const phone = await inspectorPhone();
    await phone.context.setOffline(true);
    await phone.page.goto('/reinspect');

    await card(phone, good!.id).getByRole('button', { name: '复查通过（销号）' }).click();
    await card(phone, good!.id).getByRole('button', { name: '确认' }).click();
    await card(phone, bad!.id).getByRole('button', { name: '复查不通过' }).click();
    await card(phone, bad!.id).getByLabel('不通过的原因').fill('杂物仍未清走');
    await card(phone, bad!.id).getByRole('button', { name: '确认' }).click();
    await expect.poll(() => card(phone, good!.id).count()).toBe(0);
    await expect.poll(() => card(phone, bad!.id).count()).toBe(0);
    expect(await rows(phone.page, 'outbox')).toHaveLength(2);

    await phone.context.setOffline(false);
    await expect.poll(async () => (await inspectorApi.finding(good!.id)).finding.status, { timeout: 15_000, interval: 250 }).toBe('closed');
    const rejected = await inspectorApi.finding(bad!.id);
    expect(rejected.finding.status).toBe('open');
    expect(rejected.events.at(-1)).toMatchObject({ type: 'reject', note: '杂物仍未清走', actorName: '王磊' });
    await expect.poll(() => rows(phone.page, 'outbox')).toEqual([]);
    expect(phone.errors).toEqual([]);
    await phone.context.close();
  });

  it('a verification the server refuses — closed meanwhile from another phone — is shown with its reason and kept', async () => {
    const [finding] = await rectified(1);
    const phone = await inspectorPhone();
    await phone.context.setOffline(true);
    await phone.page.goto(`/findings/${finding!.id}`);
    await phone.page.getByRole('button', { name: '复查通过（销号）' }).click();
    await phone.page.getByRole('button', { name: '确认' }).click();

    const supervisor = await remoteApi(server.url, 'supervisor');
    const [other] = await supervisor.push([{ type: 'finding.verify', payload: { findingId: finding!.id, eventId: randomUUID(), note: '现场复查合格' } }]);
    expect(other!.status).toBe('applied');

    await phone.context.setOffline(false);
    const header = phone.page.getByRole('link', { name: /项被退回/ });
    await expect.poll(() => header.getAttribute('aria-label'), { timeout: 15_000, interval: 250 }).toContain('1 项被退回');
    await header.click();
    const refused = phone.page.getByRole('region', { name: /被服务器退回的操作/ });
    await expect.poll(() => refused.textContent()).toContain('复查通过');
    expect(await refused.textContent()).toContain('原因：状态已被他人改变');

    // Not lost: still there after the app is closed and opened again.
    await phone.page.reload();
    await expect.poll(() => phone.page.getByRole('region', { name: /被服务器退回的操作/ }).textContent()).toContain('复查通过');
    const [entry] = await rows<{ status: string; error: { code: string } }>(phone.page, 'outbox');
    expect(entry).toMatchObject({ status: 'rejected', error: { code: 'invalid_transition' } });
    // The phone shows the server's truth: closed by the supervisor.
    expect((await inspectorApi.finding(finding!.id)).finding.status).toBe('closed');
    await phone.page.getByRole('link', { name: '查看隐患' }).click();
    await expect.poll(() => phone.page.getByText('现场复查合格').count()).toBeGreaterThan(0);
    expect(phone.errors).toEqual([]);
    await phone.context.close();
  });
});

