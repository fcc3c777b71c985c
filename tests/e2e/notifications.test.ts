/**
 * In-app notifications, computed on the phone from what a sync brought: the badge
 * on the navigation bar counts what is new since the user last looked, the
 * list says what happened, and looking clears the badge — offline too,
 * once the sync has landed. Operators are also reminded of due dates: three
 * days before, and once passed.
 */
import { describe, expect, it } from 'vitest';
import { axeViolations, smallTargets } from './pages/axe';
import type { AppPage } from './pages/operator';
import { demoPhones } from './pages/phones';

const phones = demoPhones();
const { phoneOf } = phones;

/** Opens the notification list (which is looking at them) and comes back home with the badge cleared. */
async function lookAtNotifications(app: AppPage) {
  await app.openNav('通知');
  await app.page.getByRole('heading', { name: /^新通知（\d+）$/ }).waitFor();
  await expect.poll(() => app.notificationBadge()).toBe('');
}

const newOnes = (app: AppPage) => app.page.getByRole('region', { name: /^新通知/ });
const earlier = (app: AppPage) => app.page.getByRole('region', { name: /^之前的通知/ });

describe('notifications', () => {
  it('after the inspector’s sync, the operator’s badge shows the new findings; opening them clears it', async () => {
    const { demo } = phones;
    const park = await demo.park('operator', '万洋（掌起）众创城');
    const enterprise = (await demo.enterprises('operator', park.id))[5]!;
    const operator = await phoneOf('operator');
    await lookAtNotifications(operator.app);
    await operator.app.openNav('首页');

    const found = ['E2E 二楼仓库未设置喷淋', 'E2E 危废间无防渗漏措施', 'E2E 叉车无使用登记'];
    await demo.inspect(enterprise, found);
    expect(await operator.app.notificationBadge()).toBe('');
    await operator.app.syncNow();
    await expect.poll(() => operator.app.notificationBadge(), { timeout: 15_000 }).toBe('3');

    await operator.app.openNav('通知');
    await operator.page.getByRole('heading', { name: '新通知（3）' }).waitFor();
    const items = await newOnes(operator.app).getByRole('link').allTextContents();
    expect(items).toHaveLength(3);
    for (const description of found) expect(items.find((i) => i.includes(description))).toContain('新隐患');
    expect(items[0]).toContain(enterprise.name);
    await expect.poll(() => operator.app.notificationBadge()).toBe('');
    expect(await axeViolations(operator.page)).toEqual([]);
    expect(await smallTargets(operator.page)).toEqual([]);

    // Seen now: the next visit lists them as earlier ones.
    await operator.app.openNav('首页');
    await operator.app.openNav('通知');
    await operator.page.getByRole('heading', { name: '新通知（0）' }).waitFor();
    expect(await earlier(operator.app).textContent()).toContain(found[0]);

    await newOnes(operator.app).or(earlier(operator.app)).getByRole('link', { name: new RegExp(found[1]!) }).click();
    await operator.page.getByRole('heading', { level: 1, name: found[1] }).waitFor();
    expect(operator.errors).toEqual([]);
    await operator.context.close();
  });

  it('show an inspector the rectification waiting for re-inspection, offline after the sync that brought it', async () => {
    const { demo } = phones;
    const park = await demo.park('operator', '万洋（掌起）众创城');
    const enterprise = (await demo.enterprises('operator', park.id))[6]!;
    const [finding] = await demo.inspect(enterprise, ['E2E 灭火器被货物遮挡']);
    const inspector = await phoneOf('inspector');
    await lookAtNotifications(inspector.app);
    // Away from the list: while it is open, whatever arrives counts as seen.
    await inspector.app.openNav('首页');

    await demo.rectify('operator', finding!.id, '已移开货物');
    await inspector.app.syncNow();
    await inspector.context.setOffline(true);
    await expect.poll(() => inspector.app.notificationBadge(), { timeout: 15_000 }).toBe('1');
    await inspector.app.openNav('通知');
    await inspector.page.getByRole('heading', { name: '新通知（1）' }).waitFor();
    const item = await newOnes(inspector.app).getByRole('link').textContent();
    expect(item).toContain('整改待复查');
    expect(item).toContain('E2E 灭火器被货物遮挡');
    expect(item).toContain('赵敏');
    await expect.poll(() => inspector.app.notificationBadge()).toBe('');
    expect(inspector.errors).toEqual([]);
    await inspector.context.close();
  });

  it('remind the operator of a due date coming and of one passed, offline', async () => {
    const { demo } = phones;
    const park = await demo.park('operator', '万洋（掌起）众创城');
    const [first, second] = (await demo.enterprises('operator', park.id)).slice(7, 9);
    const operator = await phoneOf('operator');
    await lookAtNotifications(operator.app);
    await operator.app.openNav('首页');

    await demo.inspect(first!, ['E2E 应急照明灯损坏'], { dueInDays: 2 });
    await demo.inspect(second!, ['E2E 配电箱门缺失'], { dueInDays: -1 });
    await operator.app.syncNow();
    await operator.context.setOffline(true);
    // Each finding is news, and so is where its due date stands.
    await expect.poll(() => operator.app.notificationBadge()).toBe('4');
    await operator.app.openNav('通知');
    await operator.page.getByRole('heading', { name: '新通知（4）' }).waitFor();
    const items = await newOnes(operator.app).getByRole('link').allTextContents();
    expect(items.filter((i) => i.includes('整改期限将至'))).toEqual([expect.stringContaining('E2E 应急照明灯损坏')]);
    expect(items.filter((i) => i.includes('已逾期，请尽快整改'))).toEqual([expect.stringContaining('E2E 配电箱门缺失')]);
    expect(operator.errors).toEqual([]);
    await operator.context.close();
  });
});
