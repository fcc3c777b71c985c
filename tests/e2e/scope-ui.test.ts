/**
 * Scope in the UI: an address to a finding, an inspection or an enterprise
 * outside the user's scope shows "page not found" — never data — and the
 * phone's database never received it. The same addresses open for someone
 * whose scope includes them, so the not-found pages are not just broken links.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Finding } from '../../shared/schemas/entities';
import type { AppPage } from './pages/operator';
import { rows } from './pages/phone-db';
import { demoPhones } from './pages/phones';

const phones = demoPhones();
const { phoneOf } = phones;
/** A finding of 华东轻纺针织城 (浒山街道): outside the operator's park and the inspector's towns. */
let other: Finding;
let parkA: string;

beforeAll(async () => {
  const { items } = await phones.demo.get<{ items: Finding[] }>('operator2', '/api/findings?limit=50');
  other = items.find((f) => f.enterpriseId !== null)!;
  parkA = (await phones.demo.park('operator', '万洋（掌起）众创城')).id;
});

const ADDRESSES = () => [`/findings/${other.id}`, `/inspections/${other.inspectionId}`, `/enterprises/${other.enterpriseId}`];

async function expectNotFound(page: AppPage['page'], address: string) {
  await page.goto(address);
  await page.getByRole('heading', { name: '页面不存在' }).waitFor();
  const text = await page.locator('main').innerText();
  expect(text, address).toContain('不在你的权限范围内');
  expect(text, address).not.toContain(other.description);
}

describe('addresses outside the user’s scope', () => {
  it('show the operator of another park "page not found", and the pull never delivered them', async () => {
    const { page, errors, context } = await phoneOf('operator');
    await page.getByRole('heading', { name: '万洋（掌起）众创城' }).waitFor();
    for (const address of ADDRESSES()) await expectNotFound(page, address);

    for (const [store, id] of [['findings', other.id], ['inspections', other.inspectionId], ['enterprises', other.enterpriseId]] as const) {
      const stored = await rows<{ id: string; parkId: string }>(page, store);
      expect(stored.some((r) => r.id === id), store).toBe(false);
      expect(new Set(stored.map((r) => r.parkId)), store).toEqual(new Set([parkA]));
    }
    // The browser logs the server's two 404 answers (finding, inspection): asked, refused, nothing more.
    expect(errors).toEqual(Array(2).fill('Failed to load resource: the server responded with a status of 404 (Not Found)'));
    await context.close();
  });

  it('show an inspector of other towns "page not found"', async () => {
    const { page, context, errors } = await phoneOf('inspector');
    await page.getByRole('heading', { name: '今日检查' }).waitFor();
    for (const address of ADDRESSES()) await expectNotFound(page, address);
    expect((await rows<{ id: string }>(page, 'findings')).some((r) => r.id === other.id)).toBe(false);
    expect(errors.every((e) => e.includes('status of 404'))).toBe(true);
    await context.close();
  });

  it('open for the city’s supervisor, whose scope includes them', async () => {
    const { page, context, errors } = await phoneOf('supervisor');
    await page.goto(`/findings/${other.id}`);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent(), { timeout: 30_000 }).toBe(other.description);
    await page.goto(`/inspections/${other.inspectionId}`);
    await page.getByRole('link', { name: '安全检查记录' }).waitFor();
    await page.goto(`/enterprises/${other.enterpriseId}`);
    await page.getByRole('heading', { name: '近 12 个月' }).waitFor();
    expect(await page.locator('main').innerText()).toContain(other.description);
    expect(errors).toEqual([]);
    await context.close();
  });
});
