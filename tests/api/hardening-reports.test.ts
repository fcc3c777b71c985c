/**
 * API.md "Hardening": reports answer any period of up to 10 years quickly,
 * refuse longer ones, and nothing stored — not even a finding dated 1900 by a
 * phone's reset clock before clocks were clamped — makes them fail. Any URL,
 * however malformed, is a 4xx.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/http/app';
import { startTestServer, type TestServer } from '../support/server';
import { buildWorld, type World } from '../support/world';

let t: TestServer;
let w: World;

beforeAll(async () => {
  t = await startTestServer();
  w = await buildWorld(t);
  await w.seedFindings({ park: 'A1', inspectedAt: '1900-01-01T08:00:00+08:00', findings: [{ dueDate: '1900-01-08' }] });
  await w.seedFindings({ park: 'A1', inspectedAt: '2026-05-20T10:00:00+08:00', findings: [{}, { status: 'closed' }] });
});
afterAll(() => t.close());
afterEach(() => t.clock.real());

const report = (query: string) => t.call('GET', `/api/reports/rectification?${query}`, { token: w.tokens.supCity });

describe('reports', () => {
  it('the trend without a start works with a finding dated 1900 stored: the last 10 years, one row per month', async () => {
    t.clock.set('2026-06-15T04:00:00Z');
    const res = await report('groupBy=month');
    expect(res.status).toBe(200);
    expect(res.body.rows).toHaveLength(121);
    expect(res.body.rows[0].key).toBe('2016-06');
    expect(res.body.rows.at(-1).key).toBe('2026-06');
    expect(res.body.rows.find((r: { key: string }) => r.key === '2026-05').total).toBe(2);
  });

  it('a period of 10 years answers within 2 s for every grouping', async () => {
    t.clock.set('2026-06-15T04:00:00Z');
    for (const groupBy of ['month', 'park', 'region', 'category', 'severity']) {
      const started = performance.now();
      const res = await report(`groupBy=${groupBy}&from=2016-06-30&to=2026-06-30`);
      expect(performance.now() - started).toBeLessThan(2000);
      expect(res.status).toBe(200);
      expect(res.body.totals.total).toBe(2);
      if (groupBy === 'month') expect(res.body.rows).toHaveLength(121);
    }
    const xlsx = await t.call('GET', '/api/reports/rectification.xlsx?groupBy=month&from=2016-06-30&to=2026-06-30', {
      token: w.tokens.supCity,
    });
    expect(xlsx.status).toBe(200);
  });

  it('a longer period is 400 invalid_request, whether its end is given or today', async () => {
    t.clock.set('2026-06-15T04:00:00Z');
    for (const q of [
      'groupBy=month&from=1900-01-01&to=2026-06-30',
      'groupBy=month&from=2016-06-29&to=2026-06-30',
      'groupBy=park&from=0001-01-01&to=9999-12-31',
      'groupBy=month&from=1900-01-01',
    ]) {
      const res = await report(q);
      expect(res.status, q).toBe(400);
      expect(res.body.error.code).toBe('invalid_request');
    }
    const list = await t.call('GET', '/api/reports/findings?from=1900-01-01&to=2026-06-30', { token: w.tokens.supCity });
    expect(list.status).toBe(400);
  });
});

describe('malformed URLs', () => {
  it('answer 4xx, never 5xx, with the PWA served or not', async () => {
    const dir = fs.mkdtempSync(path.join(t.dataDir, 'app-'));
    fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>园检</title>');
    const withPwa = createApp(t.services, { static: { dir } });
    for (const url of ['/%E0%A4%A', '/%', '/findings/%E0%A4%A', '/api/%E0%A4%A', '/api/findings/%E0%A4%A', '/api/attachments/%ZZ']) {
      for (const app of [withPwa, t.app]) {
        const res = await app.request(url, { headers: { authorization: `Bearer ${w.tokens.admin}` } });
        expect(res.status, url).toBeGreaterThanOrEqual(400);
        expect(res.status, url).toBeLessThan(500);
      }
    }
    expect((await withPwa.request('/findings/abc')).status).toBe(200);
  });
});
