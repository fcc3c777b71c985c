/**
 * On time and periods where the clocks change (PARKCHECK_TZ=Europe/Berlin,
 * summer time ending on 2026-10-25): the end of a due date is the next
 * midnight of that zone whichever offset it has, and a finding belongs to the
 * month of its inspection date there.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Mutation } from '../../shared/schemas/sync';
import { findingMutation, pushOne, submit } from '../support/mutations';
import { startTestServer, type TestServer } from '../support/server';
import { buildWorld, type UserKey, type World } from '../support/world';

let t: TestServer;
let w: World;
const ids: Record<string, string> = {};

async function at(iso: string, who: UserKey, m: Mutation) {
  t.clock.set(new Date(Date.parse(iso) + 60_000).toISOString());
  expect(await pushOne(t, w, who, m)).toMatchObject({ status: 'applied' });
}

beforeAll(async () => {
  t = await startTestServer({ tz: 'Europe/Berlin' });
  w = await buildWorld(t);
  const due = { D1: '2026-10-24', D2: '2026-10-24', D3: '2026-10-25', D4: '2026-10-25' };
  const m = submit(w, {
    inspectedAt: '2026-10-20T10:00:00+02:00',
    findings: Object.values(due).map((dueDate) => ({ severity: 'general' as const, dueDate })),
  });
  await at('2026-10-20T10:00:00+02:00', 'inspA', m);
  Object.keys(due).forEach((k, i) => (ids[k] = m.payload.inspection.findings[i]!.id));
  const rectified = {
    D1: '2026-10-24T23:30:00+02:00',
    D2: '2026-10-25T00:30:00+02:00',
    D3: '2026-10-25T23:30:00+01:00',
    D4: '2026-10-26T00:30:00+01:00',
  };
  for (const [k, iso] of Object.entries(rectified)) {
    await at(iso, 'opA1', findingMutation('finding.rectify', ids[k]!, {}, iso));
    await at('2026-10-27T10:00:00+01:00', 'inspA', findingMutation('finding.verify', ids[k]!, {}, '2026-10-27T10:00:00+01:00'));
  }
  for (const [k, iso] of [
    ['late', '2026-10-31T23:30:00+01:00'],
    ['early', '2026-11-01T00:30:00+01:00'],
  ] as const) {
    const s = submit(w, { inspectedAt: iso, findings: [{ severity: 'general', dueDate: '2026-11-30' }] });
    await at(iso, 'inspA', s);
    ids[k] = s.payload.inspection.findings[0]!.id;
  }
  t.clock.set('2026-11-21T10:00:00+01:00');
});
afterAll(async () => {
  await t?.close();
});

describe('reports where the clocks change', () => {
  it('a rectification before the next midnight is on time, on either side of the change', async () => {
    const res = await t.call('GET', '/api/reports/findings?measure=onTime&from=2026-10-01&to=2026-10-31&limit=50', {
      token: w.tokens.supCity,
    });
    expect(new Set(res.body.items.map((f: { id: string }) => f.id))).toEqual(new Set([ids.D1, ids.D3]));
    const park = await t.call('GET', '/api/reports/rectification?groupBy=park&from=2026-10-01&to=2026-10-31', {
      token: w.tokens.supCity,
    });
    expect(park.body.totals).toMatchObject({ total: 5, closed: 4, onTime: 2 });
  });

  it('counts a finding in the month of its inspection date in that zone', async () => {
    const res = await t.call('GET', '/api/reports/rectification?groupBy=month&from=2026-10-01&to=2026-11-30', {
      token: w.tokens.supCity,
    });
    expect(res.body.rows.map((r: { key: string; total: number }) => [r.key, r.total])).toEqual([
      ['2026-10', 5],
      ['2026-11', 1],
    ]);
  });
});
