/**
 * The park operator's home: their park's findings by urgency with the
 * counts the server would give, narrowed by enterprise, category and
 * severity; it opens with no network at all, and reads fully in English.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Finding } from '../../shared/schemas/entities';
import { e2eNow, e2eToday } from '../support/clock';
import type { Group, OperatorHome } from './pages/operator';
import { demoPhones } from './pages/phones';

const phones = demoPhones();
let findings: Finding[];

beforeAll(async () => {
  findings = (await phones.demo.get<{ items: Finding[] }>('operator', '/api/findings?limit=500')).items;
  expect(findings.length).toBeLessThan(500);
});

async function phoneOf(username: string) {
  const phone = await phones.phoneOf(username);
  await phone.home.ready();
  return phone;
}

/** The groups as the server's data says: overdue from its flag, due soon within three days. */
function expected(list: Finding[], today: string): Record<Group, number> {
  const soon = new Date(Date.parse(`${today}T00:00:00Z`) + 3 * 86_400_000).toISOString().slice(0, 10);
  return {
    overdue: list.filter((f) => f.status === 'open' && f.overdue).length,
    dueSoon: list.filter((f) => f.status === 'open' && !f.overdue && f.dueDate <= soon).length,
    open: list.filter((f) => f.status === 'open' && f.dueDate > soon).length,
    submitted: list.filter((f) => f.status === 'submitted').length,
    closed: list.filter((f) => f.status === 'closed').length,
  };
}

async function counts(home: OperatorHome): Promise<Record<Group, number>> {
  return {
    overdue: await home.count('overdue'),
    dueSoon: await home.count('dueSoon'),
    open: await home.count('open'),
    submitted: await home.count('submitted'),
    closed: await home.count('closed'),
  };
}

const today = e2eToday;

describe('the operator’s home', () => {
  it('counts each group as the server does, and the filters narrow every count', async () => {
    const { page, home, errors, context } = await phoneOf('operator');
    await expect.poll(() => counts(home)).toEqual(expected(findings, today()));
    expect(await home.section('overdue').getByRole('link').first().textContent()).toMatch(/逾期 \d+ 天/);

    await home.chip('按类别筛选', '消防');
    expect(page.url()).toContain('category=fire');
    await expect.poll(() => counts(home)).toEqual(expected(findings.filter((f) => f.category === 'fire'), today()));
    await home.chip('按严重程度筛选', '重大隐患');
    await expect.poll(() => counts(home)).toEqual(
      expected(findings.filter((f) => f.category === 'fire' && f.severity === 'major'), today()),
    );

    // The filters are in the address: a finding and back keeps them.
    await page.getByRole('button', { name: '清除筛选' }).click();
    const [enterprise] = await phones.demo.enterprises('operator', findings[0]!.parkId);
    const theirs = findings.filter((f) => f.enterpriseId === enterprise!.id);
    await home.search(enterprise!.name);
    await expect.poll(() => counts(home)).toEqual(expected(theirs, today()));
    const first = page.locator('main .finding-group a.card-link').first();
    await first.click();
    await page.getByRole('heading', { name: '处理记录' }).waitFor();
    await page.goBack();
    await home.ready();
    expect(await page.getByLabel('搜索企业').inputValue()).toBe(enterprise!.name);
    await expect.poll(() => counts(home)).toEqual(expected(theirs, today()));
    expect(errors).toEqual([]);
    await context.close();
  });

  it('jumps to a group from its tile, and shows recent closings first with the older ones on request', async () => {
    const { page, home, errors, context } = await phoneOf('operator');
    await page.getByRole('button', { name: /已销号$/ }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('group-closed-title');
    const cards = home.section('closed').getByRole('link');
    const recent = await cards.count();
    const month = findings.filter((f) => f.status === 'closed' && Date.parse(f.closedAt!) >= e2eNow().getTime() - 31 * 86_400_000).length;
    expect(recent).toBeLessThanOrEqual(month);
    await home.section('closed').getByRole('button', { name: /^显示更早销号的 \d+ 条$/ }).click();
    await expect.poll(() => cards.count()).toBe(recent + 30);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('opens with no network, from the phone’s own data', async () => {
    const { page, home, context, errors } = await phoneOf('operator');
    const online = await counts(home);
    await context.setOffline(true);
    await page.reload();
    await home.ready();
    await expect.poll(() => counts(home)).toEqual(online);
    expect(await page.getByRole('status').filter({ hasText: '当前离线' }).count()).toBeGreaterThan(0);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('reads fully in English', async () => {
    const { page, context, errors } = await phoneOf('operator');
    await page.getByRole('button', { name: /切换为英文/ }).click();
    await page.getByRole('heading', { name: /^Due within 3 days/ }).or(page.getByRole('button', { name: /Due within 3 days$/ })).first().waitFor();
    const text = await page.locator('main').innerText();
    for (const words of ['Overdue', 'Due within 3 days', 'To rectify', 'Awaiting re-inspection', 'Closed', 'All']) expect(text).toContain(words);
    // No message key shows through untranslated, here or on the notifications.
    expect(text).not.toMatch(/\b(operator|finding|findingPage|inspect)\.[a-zA-Z]/);
    await page.locator('nav.app-nav').getByRole('link', { name: /^Alerts/ }).click();
    await page.getByRole('heading', { name: 'Notifications' }).waitFor();
    expect(await page.locator('main').innerText()).not.toMatch(/\bnotifications\.[a-zA-Z]/);
    expect(errors).toEqual([]);
    await context.close();
  });
});
