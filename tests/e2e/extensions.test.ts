/**
 * Deadline extensions (延期): the park operator asks, offline, for more time
 * on two overdue findings; a supervisor approves one and refuses the other
 * from the list of pending requests. Approval moves the due date, so the
 * finding stops being overdue; refusal changes nothing but the history.
 */
import { describe, expect, it } from 'vitest';
import { addDays } from '../../shared/dates';
import { axeViolations, smallTargets } from './pages/axe';
import { today } from './pages/demo';
import { demoPhones } from './pages/phones';

const phones = demoPhones();
const { phoneOf } = phones;

describe('a deadline extension', () => {
  it('requested offline by the operator and approved by a supervisor moves the due date; a refused one changes nothing but the history', async () => {
    const { demo } = phones;
    const park = await demo.park('operator', '万洋（掌起）众创城');
    const enterprise = (await demo.enterprises('operator', park.id))[3]!;
    // Due yesterday: a day overdue already.
    const [late, refused] = await demo.inspect(enterprise, ['E2E 配电箱前堆放可燃物', 'E2E 消防栓被货物遮挡'], { dueInDays: -1 });
    const due = late!.dueDate;
    const asked = addDays(today(), 14);

    const operator = await phoneOf('operator');
    await operator.home.ready();
    await operator.home.card('E2E 配电箱前堆放可燃物', 'overdue').waitFor();
    expect(await operator.home.card('E2E 配电箱前堆放可燃物', 'overdue').textContent()).toContain('逾期 1 天');

    await operator.context.setOffline(true);
    await operator.home.card('E2E 配电箱前堆放可燃物').click();
    await operator.finding.ready();
    await operator.finding.requestExtension(asked, '配电箱移位需等待电力公司施工');
    await operator.finding.extensionAsked().waitFor();
    expect(await operator.finding.extensionAsked().textContent()).toContain(asked);
    // Asking is not getting: still overdue until someone decides.
    expect(await operator.finding.badges().textContent()).toContain('逾期 1 天');
    await operator.page.goBack();
    await operator.home.card('E2E 消防栓被货物遮挡').click();
    await operator.finding.ready();
    await operator.finding.requestExtension(asked, '仓库整理需要两周');
    expect((await demo.finding(late!.id)).finding.pendingExtension).toBeNull();

    await operator.context.setOffline(false);
    await expect.poll(async () => (await demo.finding(late!.id)).finding.pendingExtension?.newDueDate, { timeout: 30_000 }).toBe(asked);
    await expect.poll(async () => (await demo.finding(refused!.id)).finding.pendingExtension?.newDueDate, { timeout: 30_000 }).toBe(asked);

    const supervisor = await phoneOf('supervisor');
    await supervisor.app.openNav('通知');
    await supervisor.page.getByRole('link', { name: /^待审批的延期申请（\d+）/ }).click();
    await supervisor.page.waitForURL((u) => u.pathname === '/extensions');
    const request = (description: string) => supervisor.page.locator('.extensions__item', { hasText: description });
    await request('E2E 配电箱前堆放可燃物').waitFor();
    expect(await request('E2E 配电箱前堆放可燃物').textContent()).toContain(`整改期限 ${due} → ${asked}`);
    expect(await request('E2E 配电箱前堆放可燃物').textContent()).toContain('配电箱移位需等待电力公司施工');
    expect(await request('E2E 配电箱前堆放可燃物').textContent()).toContain('赵敏');
    expect(await axeViolations(supervisor.page)).toEqual([]);
    expect(await smallTargets(supervisor.page)).toEqual([]);

    await request('E2E 配电箱前堆放可燃物').getByRole('button', { name: '审批延期' }).click();
    await request('E2E 配电箱前堆放可燃物').getByRole('button', { name: '同意', exact: true }).click();
    await request('E2E 配电箱前堆放可燃物').getByRole('button', { name: '确认', exact: true }).click();
    await request('E2E 配电箱前堆放可燃物').waitFor({ state: 'detached' });
    await request('E2E 消防栓被货物遮挡').getByRole('button', { name: '审批延期' }).click();
    await request('E2E 消防栓被货物遮挡').getByRole('button', { name: '不同意' }).click();
    await request('E2E 消防栓被货物遮挡').getByLabel('审批意见（可选）').fill('请先清理遮挡物');
    await request('E2E 消防栓被货物遮挡').getByRole('button', { name: '确认', exact: true }).click();
    await request('E2E 消防栓被货物遮挡').waitFor({ state: 'detached' });

    await expect.poll(async () => (await demo.finding(late!.id)).finding.dueDate, { timeout: 30_000 }).toBe(asked);
    const approved = await demo.finding(late!.id);
    expect(approved.finding).toMatchObject({ overdue: false, pendingExtension: null, status: 'open' });
    expect(approved.events.map((e) => [e.type, e.actorName, e.newDueDate, e.approve])).toEqual([
      ['create', '王磊', null, null],
      ['requestExtension', '赵敏', asked, null],
      ['decideExtension', '陈建国', asked, true],
    ]);
    await expect.poll(async () => (await demo.finding(refused!.id)).finding.pendingExtension, { timeout: 30_000 }).toBeNull();
    const kept = await demo.finding(refused!.id);
    expect(kept.finding).toMatchObject({ dueDate: due, overdue: true, status: 'open' });
    expect(kept.events.map((e) => [e.type, e.actorName, e.approve, e.note])).toEqual([
      ['create', '王磊', null, null],
      ['requestExtension', '赵敏', null, '仓库整理需要两周'],
      ['decideExtension', '陈建国', false, '请先清理遮挡物'],
    ]);

    // The operator's phone after its next sync: one no longer overdue, the other still is; both decisions are news.
    await operator.app.syncNow();
    await operator.page.goto('/');
    await operator.home.ready();
    await operator.home.card('E2E 配电箱前堆放可燃物', 'open').waitFor();
    expect(await operator.home.card('E2E 配电箱前堆放可燃物', 'open').textContent()).not.toContain('逾期');
    expect(await operator.home.card('E2E 消防栓被货物遮挡', 'overdue').textContent()).toContain('逾期 1 天');
    await operator.app.openNav('通知');
    const fresh = operator.page.getByRole('region', { name: /^新通知/ });
    // The demo world has decisions of its own: look for this test's two.
    await fresh.getByRole('link', { name: /延期已同意.*E2E 配电箱前堆放可燃物/ }).waitFor();
    await fresh.getByRole('link', { name: /延期未同意.*E2E 消防栓被货物遮挡/ }).waitFor();
    expect(await fresh.getByRole('link', { name: /延期已同意.*E2E 消防栓被货物遮挡/ }).count()).toBe(0);

    expect(operator.errors).toEqual([]);
    expect(supervisor.errors).toEqual([]);
    await operator.context.close();
    await supervisor.context.close();
  });
});
