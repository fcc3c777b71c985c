/**
 * Administration end to end, on the built PWA served by a real server: an
 * admin sets up an operator who then sees exactly their park; an admin
 * publishes a new checklist version that reaches an inspector's phone at its
 * next sync, while an inspection started on the old version still submits;
 * an admin gives a region the DingTalk robot of its daily digest.
 *
 * The inspector's phone is the app's real sync engine and database (in Node,
 * on fake-indexeddb) talking HTTP to the same server: what it proves is the
 * data flow, independent of how the inspection screens look.
 */
import { randomUUID } from 'node:crypto';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient } from '../../app/api/client';
import { enqueue } from '../../app/sync/outbox';
import { httpTransport } from '../../app/sync/transport';
import { addDays, localDate } from '../../shared/dates';
import { DEMO_PASSWORD } from '../../server/demo/accounts';
import { E2E_TZ, e2eNow } from '../support/clock';
import { demoServer, launch, newPhone, type DemoServer } from '../support/browser';
import { phone, phoneStorage } from '../support/phone';
import { loginAt } from '../support/process';
import { AdminUsersPage, TemplateEditorPage } from './pages/admin';
import { LoginPage } from './pages/login';

let server: DemoServer;
let browser: Browser;

beforeAll(async () => {
  server = await demoServer();
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function api<T = any>(path: string, token: string): Promise<T> {
  const res = await fetch(`${server.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
  expect(res.status, path).toBe(200);
  return (await res.json()) as T;
}

async function adminPhone() {
  const p = await newPhone(browser, server.url);
  const login = new LoginPage(p.page);
  await login.open();
  await login.logIn('admin', DEMO_PASSWORD);
  await p.page.waitForURL((u) => u.pathname === '/');
  return p;
}

describe('an admin sets up a park operator', () => {
  it('creates the user in the admin screens; the operator logs in and sees only that park', async () => {
    const admin = await adminPhone();
    const users = new AdminUsersPage(admin.page);
    await users.open();
    await users.createOperator({ username: 'op-huadong2', name: '钱晓东', password: 'operator-pass-1', park: '华东轻纺针织城' });
    await expect.poll(() => users.row('op-huadong2').textContent()).toContain('华东轻纺针织城');
    expect(admin.errors).toEqual([]);
    await admin.context.close();

    const op = await newPhone(browser, server.url);
    const login = new LoginPage(op.page);
    await login.open();
    await login.logIn('op-huadong2', 'operator-pass-1');
    await op.page.waitForURL((u) => u.pathname === '/');
    await expect.poll(() => op.page.getByText('钱晓东', { exact: true }).first().isVisible()).toBe(true);
    await expect.poll(() => op.page.getByRole('heading', { name: '华东轻纺针织城' }).isVisible(), { timeout: 20_000 }).toBe(true);
    const shown = await op.page.locator('main').innerText();
    for (const other of ['万洋（掌起）众创城', '龙山置信智造谷']) expect(shown).not.toContain(other);
    // What the phone holds is what the server let it have: that one park.
    const session = JSON.parse((await op.page.evaluate(() => localStorage.getItem('parkcheck.session')))!);
    const parks = await api<{ items: { name: string }[] }>('/api/parks', session.token);
    expect(parks.items.map((p) => p.name)).toEqual(['华东轻纺针织城']);
    expect(op.errors).toEqual([]);
    await op.context.close();

    const token = await loginAt(server.url, 'admin', DEMO_PASSWORD);
    const created = (await api(`/api/admin/audit?type=admin.user.create`, token)).items[0];
    expect(created).toMatchObject({ actorUsername: 'admin', ip: '127.0.0.1', details: { username: 'op-huadong2', role: 'operator' } });
  });
});

describe('a new checklist version', () => {
  it('reaches the inspector’s phone at the next sync; the inspection started on the old version still submits', async () => {
    const token = await loginAt(server.url, 'inspector', DEMO_PASSWORD);
    const me = (await api<{ user: { id: string; name: string } }>('/api/me', token)).user;
    const inspector = phone(phoneStorage().open(), httpTransport(createClient({ baseUrl: server.url, token: () => token, timeouts: { sync: 20_000 } })), {
      id: me.id,
      name: me.name,
      role: 'inspector',
      tz: E2E_TZ,
    });
    try {
      expect(await inspector.engine.sync()).toBe('ok');
      const v1 = (await inspector.db.templates.where('code').equals('FIRE').toArray()).find((t) => !t.retired)!;
      expect(v1.version).toBe(1);

      // Offline, in a workshop: an inspection on version 1, queued on the phone.
      const park = (await inspector.db.parks.toArray())[0]!;
      const enterprise = (await inspector.db.enterprises.where('parkId').equals(park.id).toArray())[0]!;
      const [first, second] = v1.sections[0]!.items;
      const inspectedAt = e2eNow().toISOString();
      const inspectionId = randomUUID();
      await enqueue(inspector.db, inspector.user, {
        type: 'inspection.submit',
        payload: {
          inspection: {
            id: inspectionId,
            templateId: v1.id,
            parkId: park.id,
            enterpriseId: enterprise.id,
            inspectedAt,
            answers: [
              { itemCode: first!.code, result: 'fail' },
              { itemCode: second!.code, result: 'pass' },
            ],
            findings: [
              {
                id: randomUUID(),
                itemCode: first!.code,
                severity: first!.severity,
                description: '疏散通道堆放纸箱',
                dueDate: addDays(localDate(new Date(inspectedAt), 'Asia/Shanghai'), 7),
                rectifiedOnSite: false,
                attachmentIds: [],
              },
            ],
          },
        },
      });

      // Meanwhile the admin publishes version 2 in the editor.
      const admin = await adminPhone();
      const editor = new TemplateEditorPage(admin.page);
      await editor.openFromList('消防安全检查表');
      await editor.setItemText(first!.code, '疏散通道、安全出口畅通，未被占用、堵塞或锁闭（2026 修订）');
      const added = { zh: '电动自行车不得在楼道、楼梯间停放充电', en: 'No e-bike parking or charging in corridors or stairwells' };
      await editor.addItem(1, added);
      expect(await editor.publish()).toContain('第 2 版');
      expect(admin.errors).toEqual([]);
      await admin.context.close();

      // Back in signal: the phone syncs.
      expect(await inspector.engine.sync()).toBe('ok');
      expect(await inspector.db.outbox.count()).toBe(0);
      const adminToken = await loginAt(server.url, 'admin', DEMO_PASSWORD);
      const stored = await api(`/api/inspections/${inspectionId}`, adminToken);
      expect(stored.inspection.templateId).toBe(v1.id);
      expect(stored.findings).toHaveLength(1);

      const fire = await inspector.db.templates.where('code').equals('FIRE').toArray();
      const v2 = fire.find((t) => t.version === 2)!;
      expect(v2).toBeDefined();
      expect(v2.sections[0]!.items[0]!.text.zh).toBe('疏散通道、安全出口畅通，未被占用、堵塞或锁闭（2026 修订）');
      expect(v2.sections[0]!.items.at(-1)!.text).toEqual(added);
      expect(fire.find((t) => t.version === 1)!.sections[0]!.items[0]!.text.zh).toBe(first!.text.zh);
    } finally {
      inspector.engine.stop();
      inspector.db.close();
    }
  });
});

describe('an admin sets a region’s DingTalk robot', () => {
  it('is checked before it is sent, saved without ever showing the secret again, and removed', async () => {
    const admin = await adminPhone();
    const { page } = admin;
    await page.goto('/admin/dingtalk');
    await page.getByRole('heading', { name: '钉钉日报', exact: true }).waitFor();
    const row = page.getByRole('listitem').filter({ has: page.getByText('掌起镇', { exact: true }) });
    await expect.poll(() => row.textContent()).toContain('未设置');

    await page.getByRole('button', { name: '设置掌起镇的钉钉机器人' }).click();
    const dialog = page.getByRole('dialog', { name: '掌起镇 · 钉钉机器人' });
    await dialog.getByLabel('Webhook 地址').fill('not a web address');
    await dialog.getByRole('button', { name: '保存' }).click();
    await expect.poll(() => dialog.getByLabel('Webhook 地址').getAttribute('aria-invalid')).toBe('true');
    await expect.poll(() => dialog.getByLabel('加签密钥').getAttribute('aria-invalid')).toBe('true');

    const url = 'https://oapi.dingtalk.com/robot/send?access_token=e2e';
    await dialog.getByLabel('Webhook 地址').fill(url);
    await dialog.getByLabel('加签密钥').fill('SECe2e-secret');
    await dialog.getByRole('button', { name: '保存' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await expect.poll(() => row.textContent()).toContain('已设置');

    const token = await loginAt(server.url, 'admin', DEMO_PASSWORD);
    const { items } = await api<{ items: Record<string, unknown>[] }>('/api/admin/dingtalk', token);
    expect(items).toEqual([expect.objectContaining({ regionName: '掌起镇', url, lastStatus: null })]);
    expect(JSON.stringify(items)).not.toContain('SECe2e-secret');

    // Editing shows the address, never the secret.
    await page.getByRole('button', { name: '设置掌起镇的钉钉机器人' }).click();
    expect(await dialog.getByLabel('Webhook 地址').inputValue()).toBe(url);
    expect(await dialog.getByLabel('加签密钥').inputValue()).toBe('');
    await dialog.getByRole('button', { name: '取消' }).click();

    await page.getByRole('button', { name: '移除掌起镇的钉钉机器人' }).click();
    await expect.poll(() => row.textContent()).toContain('未设置');
    expect((await api<{ items: unknown[] }>('/api/admin/dingtalk', token)).items).toEqual([]);
    expect(admin.errors).toEqual([]);
    await admin.context.close();
  });
});
