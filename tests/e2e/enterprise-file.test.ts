/**
 * The enterprise file (一企一档): found from the operator's search and from
 * any finding; the enterprise's details, its last twelve months, every
 * finding with its status and every inspection with its printable record —
 * the same numbers the server holds, offline too.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Enterprise, Finding } from '../../shared/schemas/entities';
import { lastTwelveMonths } from '../../app/enterprises/file';
import { axeViolations, smallTargets } from './pages/axe';
import { today } from './pages/demo';
import { demoPhones } from './pages/phones';

const phones = demoPhones();
const { phoneOf } = phones;
let enterprise: Enterprise;

beforeAll(async () => {
  const park = await phones.demo.park('operator', '万洋（掌起）众创城');
  enterprise = (await phones.demo.enterprises('operator', park.id)).find((e) => e.creditCode && e.contactPhone)!;
  await phones.demo.inspect(enterprise, ['E2E 消防通道堆放货物', 'E2E 电动车在车间内充电']);
});

/** What the server holds for the enterprise: its findings, and its inspections as the operator's pull delivers them. */
async function onServer() {
  const { demo } = phones;
  const { items: findings } = await demo.get<{ items: Finding[] }>('operator', `/api/findings?enterpriseId=${enterprise.id}&limit=500`);
  const inspections = new Set<string>();
  let cursor = '';
  for (;;) {
    const page = await demo.get<{ cursor: string; more: boolean; changes: { kind: string; id: string; data?: { enterpriseId?: string } }[] }>(
      'operator',
      `/api/sync/pull?limit=2000${cursor ? `&cursor=${cursor}` : ''}`,
    );
    for (const c of page.changes) if (c.kind === 'inspection' && c.data?.enterpriseId === enterprise.id) inspections.add(c.id);
    cursor = page.cursor;
    if (!page.more) break;
  }
  const from = `${lastTwelveMonths(today())[0]}-01`;
  const { items: year } = await demo.get<{ items: Finding[] }>('operator', `/api/findings?enterpriseId=${enterprise.id}&from=${from}&limit=500`);
  return { findings, inspections, year, from };
}

describe('the enterprise file (一企一档)', () => {
  it('opens from the operator’s search with the enterprise’s details, year, findings and inspections as the server has them', async () => {
    const server = await onServer();
    const { page, home, errors, context } = await phoneOf('operator');
    await home.ready();
    await home.search(enterprise.name.slice(3, 7));
    await page.getByRole('region', { name: '匹配的企业' }).getByRole('link', { name: new RegExp(enterprise.name) }).click();
    await page.getByRole('heading', { level: 1, name: enterprise.name }).waitFor();

    const main = page.locator('main');
    expect(await main.textContent()).toContain(enterprise.creditCode!);
    expect(await page.getByRole('link', { name: `拨打 ${enterprise.contactPhone}` }).getAttribute('href')).toBe(`tel:${enterprise.contactPhone}`);
    await page.getByRole('heading', { name: `隐患（${server.findings.length}）` }).waitFor();
    await page.getByRole('heading', { name: `检查记录（${server.inspections.size}）` }).waitFor();
    expect(await main.textContent()).toContain(`${server.from} 以来发现的隐患 ${server.year.length} 条`);
    const closed = server.year.filter((f) => f.status === 'closed').length;
    expect(await page.locator('[data-status="closed"]').textContent()).toBe(String(closed));
    expect(await page.locator('[data-status="overdue"]').textContent()).toBe(String(server.year.filter((f) => f.overdue).length));
    expect(await axeViolations(page)).toEqual([]);
    expect(await smallTargets(page)).toEqual([]);

    // Every finding with its status: filtered to the closed ones.
    await page.getByRole('group', { name: '按状态筛选' }).getByRole('button', { name: '已销号' }).click();
    const cards = page.getByRole('region', { name: /^隐患/ }).getByRole('link');
    await expect.poll(() => cards.count()).toBe(Math.min(20, server.findings.filter((f) => f.status === 'closed').length));
    for (const text of await cards.allTextContents()) expect(text).toContain('已销号');

    // The latest inspection (ours), its page and its printable record.
    const latest = page.getByRole('region', { name: /^检查记录/ }).getByRole('link', { name: /消防安全检查表/ }).first();
    await latest.click();
    await page.waitForURL(/\/inspections\/[0-9a-f-]{36}$/);
    await page.getByRole('link', { name: enterprise.name }).waitFor();
    expect(await page.locator('main').textContent()).toContain('E2E 消防通道堆放货物');
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('link', { name: '安全检查记录' }).click();
    await page.waitForURL(/\/inspections\/[0-9a-f-]{36}\/print$/);
    await page.goBack();
    await page.getByRole('link', { name: enterprise.name }).click();
    await page.getByRole('link', { name: '整改通知书' }).click();
    await page.waitForURL(`**/enterprises/${enterprise.id}/notice`);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('opens from any finding, and with no network', async () => {
    const { page, home, finding, context, errors } = await phoneOf('operator');
    await home.ready();
    await context.setOffline(true);
    await home.card('E2E 电动车在车间内充电').click();
    await finding.ready();
    await page.getByRole('navigation', { name: '相关档案' }).getByRole('link', { name: '企业档案' }).click();
    await page.getByRole('heading', { level: 1, name: enterprise.name }).waitFor();
    const mine = page.getByRole('region', { name: /^隐患/ }).getByRole('link', { name: /E2E 电动车在车间内充电/ });
    expect(await mine.textContent()).toContain('待整改');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('opens for the inspector from an inspection’s page', async () => {
    const { page, context, errors } = await phoneOf('inspector');
    const { findings } = await onServer();
    const ours = findings.find((f) => f.description === 'E2E 消防通道堆放货物')!;
    await page.goto(`/inspections/${ours.inspectionId}`);
    await page.getByRole('heading', { level: 1 }).getByRole('link', { name: enterprise.name }).click();
    await page.getByRole('heading', { level: 1, name: enterprise.name }).waitFor();
    await page.getByRole('link', { name: '检查这家企业' }).waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });
});
