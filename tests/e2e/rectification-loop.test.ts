/**
 * The rectification loop (整改闭环) across roles, in the built PWA on phone
 * viewports against the real server: an inspection finds three problems;
 * the park operator, with no signal, sends photo evidence for two; the
 * inspector verifies one and rejects the other with a reason; the operator
 * reads the reason and tries again; the inspector closes it. The server's
 * history of each finding keeps every step, who took it, and the photos.
 */
import { describe, expect, it } from 'vitest';
import { axeViolations, smallTargets } from './pages/axe';
import { PHOTO, ROTATED_PHOTO } from './pages/demo';
import { demoPhones } from './pages/phones';

const phones = demoPhones();
const { phoneOf } = phones;
const statusOf = async (id: string) => (await phones.demo.finding(id)).finding.status;

describe('the rectification loop', () => {
  it('runs from three findings to two closed ones, the operator working offline, every step in the server’s history', async () => {
    const { demo } = phones;
    const park = await demo.park('operator', '万洋（掌起）众创城');
    const [enterprise] = await demo.enterprises('operator', park.id);
    const operator = await phoneOf('operator');
    const { home } = operator;
    await home.ready();

    // General hazards: the inspector closes them (a major is closed by the supervising department).
    const [a, b, c] = await demo.inspect(enterprise!, ['E2E 疏散通道堆放纸箱', 'E2E 灭火器压力不足', 'E2E 应急照明损坏'], { severity: 'general' });
    await operator.app.syncNow();
    await home.card('E2E 疏散通道堆放纸箱', 'open').waitFor();
    expect(await home.card('E2E 应急照明损坏', 'open').isVisible()).toBe(true);
    expect(await axeViolations(operator.page)).toEqual([]);
    expect(await smallTargets(operator.page)).toEqual([]);

    // In the workshop, no signal: evidence for two of them.
    await operator.context.setOffline(true);
    await home.card('E2E 疏散通道堆放纸箱').click();
    await operator.finding.ready();
    // What was found, with the inspector's photo, the checklist item and its legal basis.
    expect(await operator.page.locator('main').textContent()).toContain('《中华人民共和国消防法》');
    await operator.page.getByRole('button', { name: '查看照片：照片 1' }).first().click();
    await operator.page.getByRole('dialog', { name: '照片 1 / 1' }).locator('img').waitFor();
    await operator.page.getByRole('dialog').getByRole('button', { name: '关闭' }).click();
    await operator.page.getByRole('dialog').waitFor({ state: 'hidden' });
    await operator.finding.rectify('已清理通道内纸箱，通道恢复畅通', [PHOTO]);
    await expect.poll(() => operator.finding.badges().textContent()).toContain('待复查');
    expect(await operator.finding.badges().textContent()).toContain('待同步');
    expect(await operator.finding.history().last().textContent()).toContain('已清理通道内纸箱');
    await operator.page.goBack();
    await home.card('E2E 灭火器压力不足').click();
    await operator.finding.ready();
    await operator.finding.rectify('已送检灭火器并补充压力', [PHOTO]);
    await operator.page.goBack();
    await home.card('E2E 疏散通道堆放纸箱', 'submitted').waitFor();
    expect(await home.count('submitted')).toBeGreaterThanOrEqual(2);
    expect(await statusOf(a!.id)).toBe('open');

    // Back in the office: the outbox goes by itself.
    await operator.context.setOffline(false);
    await expect.poll(() => statusOf(a!.id), { timeout: 30_000 }).toBe('submitted');
    await expect.poll(() => statusOf(b!.id), { timeout: 30_000 }).toBe('submitted');

    const inspector = await phoneOf('inspector');
    await inspector.finding.open(a!.id);
    expect(await axeViolations(inspector.page)).toEqual([]);
    await inspector.finding.verify('复查合格');
    await inspector.finding.open(b!.id);
    await inspector.finding.reject('灭火器压力仍不足，请更换新灭火器');
    await expect.poll(() => statusOf(a!.id), { timeout: 30_000 }).toBe('closed');
    await expect.poll(() => statusOf(b!.id), { timeout: 30_000 }).toBe('open');

    // The operator learns why, and tries again.
    await operator.app.syncNow();
    await home.card('E2E 灭火器压力不足', 'dueSoon').or(home.card('E2E 灭火器压力不足', 'open')).click();
    await operator.finding.ready();
    expect(await operator.finding.history().last().textContent()).toContain('灭火器压力仍不足，请更换新灭火器');
    expect(await operator.finding.badges().textContent()).toContain('待整改');
    await operator.finding.rectify('已更换新灭火器', [ROTATED_PHOTO]);
    await expect.poll(() => statusOf(b!.id), { timeout: 30_000 }).toBe('submitted');

    await inspector.app.syncNow();
    await inspector.finding.open(b!.id);
    await inspector.finding.verify();
    await expect.poll(() => statusOf(b!.id), { timeout: 30_000 }).toBe('closed');

    // The server's history of each: every step, with its actor and photos.
    const steps = (events: { type: string; actorName: string; actorRole: string; attachmentIds: string[]; note: string | null }[]) =>
      events.map((e) => [e.type, e.actorName, e.actorRole, e.attachmentIds.length]);
    const historyA = (await demo.finding(a!.id)).events;
    expect(steps(historyA)).toEqual([
      ['create', '王磊', 'inspector', 1],
      ['rectify', '赵敏', 'operator', 1],
      ['verify', '王磊', 'inspector', 0],
    ]);
    const historyB = (await demo.finding(b!.id)).events;
    expect(steps(historyB)).toEqual([
      ['create', '王磊', 'inspector', 1],
      ['rectify', '赵敏', 'operator', 1],
      ['reject', '王磊', 'inspector', 0],
      ['rectify', '赵敏', 'operator', 1],
      ['verify', '王磊', 'inspector', 0],
    ]);
    expect(historyB[2]!.note).toBe('灭火器压力仍不足，请更换新灭火器');
    // The photos picked on the operator's phone reached the server, made small on the phone (long side ≤ 1600 px).
    for (const e of [...historyA, ...historyB].filter((x) => x.type === 'rectify')) {
      const photo = await demo.photo('inspector', e.attachmentIds[0]!);
      expect(photo).toMatchObject({ status: 200, type: 'image/jpeg' });
      expect(Math.max(photo.width!, photo.height!)).toBeLessThanOrEqual(1600);
    }
    expect(await statusOf(c!.id)).toBe('open');

    expect(operator.errors).toEqual([]);
    expect(inspector.errors).toEqual([]);
    await operator.context.close();
    await inspector.context.close();
  });
});
