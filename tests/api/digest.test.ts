/**
 * The daily DingTalk digest per region (钉钉日报), against a local HTTP
 * receiver that checks the robot's signature as DingTalk does: `timestamp`
 * and `sign` = base64(HMAC-SHA256(secret, "timestamp\nsecret")). Failures
 * are retried, logged, and block nothing; a day is sent once.
 *
 * "Today" is 2026-04-10 in Shanghai; townA has: one finding observed
 * yesterday (due 04-12, so due soon), one overdue major, one awaiting
 * re-inspection. townB has one overdue general finding.
 */
import { createHmac } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendDigests } from '../../server/digest/daily';
import { startTestServer, type TestServer } from '../support/server';
import { buildWorld, type World } from '../support/world';

let t: TestServer;
let w: World;
const SECRET = 'SEC0123456789abcdef';

interface Received {
  path: string;
  signed: boolean;
  body: { msgtype: string; markdown: { title: string; text: string } };
}

/** A robot on a local port: answers errcode 0 to a correctly signed message, 310000 otherwise; the first `failures` requests get HTTP 500. */
async function robot(secret: string, failures = 0) {
  const received: Received[] = [];
  let calls = 0;
  const server = http.createServer((req, res) => {
    let raw = '';
    req.on('data', (d: Buffer) => (raw += d.toString('utf8')));
    req.on('end', () => {
      calls++;
      if (calls <= failures) {
        res.writeHead(500).end();
        return;
      }
      const url = new URL(req.url!, 'http://robot');
      const timestamp = url.searchParams.get('timestamp') ?? '';
      const expected = createHmac('sha256', secret).update(`${timestamp}\n${secret}`).digest('base64');
      // DingTalk takes a timestamp within an hour of its own clock (here: the server's test clock).
      const signed = url.searchParams.get('sign') === expected && Math.abs(t.clock.now().getTime() - Number(timestamp)) < 3_600_000;
      received.push({ path: url.pathname, signed, body: JSON.parse(raw) });
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(signed ? { errcode: 0, errmsg: 'ok' } : { errcode: 310000, errmsg: 'sign not match' }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/robot/send?access_token=abc`;
  return { url, received, calls: () => calls, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

const setRobot = (regionId: string, body: unknown) => t.call('PUT', `/api/admin/regions/${regionId}/dingtalk`, { token: w.tokens.admin, body });

beforeAll(async () => {
  t = await startTestServer();
  w = await buildWorld(t);
  await w.seedFindings({ park: 'A1', enterprise: 'A1a', inspectedAt: '2026-04-09T15:00:00+08:00', findings: [{ dueDate: '2026-04-12' }] });
  await w.seedFindings({
    park: 'A2',
    enterprise: 'A2a',
    inspectedAt: '2026-03-01T10:00:00+08:00',
    findings: [{ dueDate: '2026-03-20', severity: 'major' }, { dueDate: '2026-04-30', status: 'submitted' }],
  });
  await w.seedFindings({ park: 'B1', enterprise: 'B1a', inspector: 'inspB', inspectedAt: '2026-03-01T10:00:00+08:00', findings: [{ dueDate: '2026-03-20' }] });
  t.clock.set('2026-04-10T08:30:00+08:00');
});
afterAll(async () => {
  await t?.close();
});

describe('the daily digest', () => {
  it('goes to each region robot, signed, with the region numbers, once a day', async () => {
    const a = await robot(SECRET);
    const b = await robot('another-secret');
    try {
      expect((await setRobot(w.regions.townA, { url: a.url, secret: SECRET })).status).toBe(200);
      expect((await setRobot(w.regions.townB, { url: b.url, secret: 'another-secret' })).status).toBe(200);
      const runs = await sendDigests(t.services, '2026-04-10', [10, 10]);
      expect(runs.map((r) => r.status)).toEqual(['sent', 'sent']);
      expect(a.received).toHaveLength(1);
      const msg = a.received[0]!;
      expect(msg.signed).toBe(true);
      expect(msg.body.msgtype).toBe('markdown');
      expect(msg.body.markdown.title).toBe('园检日报 · 掌起镇 · 2026-04-10');
      expect(msg.body.markdown.text).toContain('昨日新发现隐患：**1** 条');
      expect(msg.body.markdown.text).toContain('3 天内到期：**1** 条');
      expect(msg.body.markdown.text).toContain('逾期未整改：**1** 条（其中重大隐患 1 条）');
      expect(msg.body.markdown.text).toContain('待复查：**1** 条');
      expect(b.received[0]!.body.markdown.text).toContain('逾期未整改：**1** 条（其中重大隐患 0 条）');

      // Again the same day (another process, a restart): nothing is sent twice.
      expect(await sendDigests(t.services, '2026-04-10', [10, 10])).toEqual([]);
      expect(a.received).toHaveLength(1);
    } finally {
      await a.close();
      await b.close();
    }
  });

  it('retries a failing robot, and a wrong secret or a dead robot is logged as failed without blocking the others', async () => {
    const flaky = await robot(SECRET, 2);
    const wrong = await robot('the-real-secret');
    try {
      await setRobot(w.regions.townA, { url: flaky.url, secret: SECRET });
      await setRobot(w.regions.townB, { url: wrong.url, secret: 'a-stale-secret' });
      const runs = await sendDigests(t.services, '2026-04-11', [10, 10]);
      const byRegion = Object.fromEntries(runs.map((r) => [r.regionId, r]));
      expect(byRegion[w.regions.townA]).toMatchObject({ status: 'sent', attempts: 3 });
      expect(byRegion[w.regions.townB]).toMatchObject({ status: 'failed', attempts: 3, error: 'errcode 310000: sign not match' });
      expect(flaky.received.map((m) => m.signed)).toEqual([true]);

      const listed = await t.call('GET', '/api/admin/dingtalk', { token: w.tokens.admin });
      expect(listed.body.items.find((h: { regionId: string }) => h.regionId === w.regions.townB)).toMatchObject({
        lastDay: '2026-04-11',
        lastStatus: 'failed',
        lastAttempts: 3,
        lastError: 'errcode 310000: sign not match',
      });
      expect(JSON.stringify(listed.body)).not.toContain('a-stale-secret');
    } finally {
      await flaky.close();
      await wrong.close();
    }
    await setRobot(w.regions.townB, { url: 'http://127.0.0.1:9/nothing-listens', secret: 'x' });
    const dead = await sendDigests(t.services, '2026-04-12', [10, 10]);
    expect(dead.find((r) => r.regionId === w.regions.townB)).toMatchObject({ status: 'failed', attempts: 3 });
  });

  it('is set by admins only, for a region that exists, with a web address', async () => {
    expect((await t.call('PUT', `/api/admin/regions/${w.regions.townA}/dingtalk`, { token: w.tokens.supCity, body: { url: 'https://oapi.dingtalk.com/robot/send?access_token=x', secret: 's' } })).status).toBe(403);
    expect((await setRobot('00000000-0000-4000-8000-000000000000', { url: 'https://oapi.dingtalk.com/robot/send', secret: 's' })).status).toBe(404);
    expect((await setRobot(w.regions.townA, { url: 'ftp://example.com/x', secret: 's' })).status).toBe(400);
    expect((await t.call('DELETE', `/api/admin/regions/${w.regions.townB}/dingtalk`, { token: w.tokens.admin })).status).toBe(204);
    const listed = await t.call('GET', '/api/admin/dingtalk', { token: w.tokens.admin });
    expect(listed.body.items.map((h: { regionId: string }) => h.regionId)).toEqual([w.regions.townA]);
  });
});
