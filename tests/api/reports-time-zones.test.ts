/**
 * On time and periods where the clocks change. The end of a due date is the
 * next midnight of PARKCHECK_TZ whichever offset it has; it is stored with the
 * finding when its due date is written (moved by an approved extension), and
 * recomputed at start-up for findings whose end was computed in another zone.
 * A finding belongs to the month of its inspection date in that zone.
 *
 * Europe/Berlin: summer time starts on 2026-03-29 and ends on 2026-10-25 (that
 * day lasts 25 hours). America/New_York: summer time starts on 2026-03-08
 * (that day lasts 23 hours).
 */
import { randomUUID } from 'node:crypto';
import { inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Mutation } from '../../shared/schemas/sync';
import { bootstrap } from '../../server/bootstrap';
import { findings } from '../../server/db/schema';
import { findingMutation, pushOne, submit } from '../support/mutations';
import { startTestServer, type TestServer } from '../support/server';
import { buildWorld, PASSWORD, type UserKey, type World } from '../support/world';

async function at(t: TestServer, w: World, iso: string, who: UserKey, m: Mutation) {
  t.clock.set(new Date(Date.parse(iso) + 60_000).toISOString());
  expect(await pushOne(t, w, who, m)).toMatchObject({ status: 'applied' });
}

/** Inspects at `inspectedAt` with one general finding per named due date, and notes their ids in `ids`. */
async function inspect(t: TestServer, w: World, inspectedAt: string, due: Record<string, string>, ids: Record<string, string>) {
  const names = Object.keys(due);
  const m = submit(w, { inspectedAt, findings: names.map((k) => ({ severity: 'general' as const, dueDate: due[k] })) });
  await at(t, w, inspectedAt, 'inspA', m);
  m.payload.inspection.findings.forEach((f, i) => (ids[names[i]!] = f.id));
}

/** The operator sends evidence at `rectifiedAt`; the inspector accepts it at `verifiedAt`. */
async function rectify(t: TestServer, w: World, id: string, rectifiedAt: string, verifiedAt: string) {
  await at(t, w, rectifiedAt, 'opA1', findingMutation('finding.rectify', id, { attachmentIds: [randomUUID()] }, rectifiedAt));
  await at(t, w, verifiedAt, 'inspA', findingMutation('finding.verify', id, {}, verifiedAt));
}

async function onTimeIds(t: TestServer, w: World, from: string, to: string): Promise<Set<string>> {
  const res = await t.call('GET', `/api/reports/findings?measure=onTime&from=${from}&to=${to}&limit=50`, { token: w.tokens.supCity });
  expect(res.status).toBe(200);
  return new Set(res.body.items.map((f: { id: string }) => f.id));
}

describe('reports where the clocks change (Europe/Berlin)', () => {
  let t: TestServer;
  let w: World;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    t = await startTestServer({ tz: 'Europe/Berlin' });
    w = await buildWorld(t);

    // March: E1's due date is extended across the start of summer time, E2's is not.
    await inspect(t, w, '2026-03-20T10:00:00+01:00', { E1: '2026-03-27', E2: '2026-03-27' }, ids);
    await at(t, w, '2026-03-25T10:00:00+01:00', 'opA1',
      findingMutation('finding.requestExtension', ids.E1!, { newDueDate: '2026-03-30' }, '2026-03-25T10:00:00+01:00'));
    await at(t, w, '2026-03-26T10:00:00+01:00', 'inspA',
      findingMutation('finding.decideExtension', ids.E1!, { approve: true }, '2026-03-26T10:00:00+01:00'));
    for (const k of ['E1', 'E2']) await rectify(t, w, ids[k]!, '2026-03-30T23:30:00+02:00', '2026-04-01T10:00:00+02:00');

    // October: due on either side of the end of summer time, rectified just before or after the next midnight.
    await inspect(t, w, '2026-10-20T10:00:00+02:00', { D1: '2026-10-24', D2: '2026-10-24', D3: '2026-10-25', D4: '2026-10-25' }, ids);
    const rectified = {
      D1: '2026-10-24T23:30:00+02:00',
      D2: '2026-10-25T00:30:00+02:00',
      D3: '2026-10-25T23:30:00+01:00',
      D4: '2026-10-26T00:30:00+01:00',
    };
    for (const [k, iso] of Object.entries(rectified)) await rectify(t, w, ids[k]!, iso, '2026-10-27T10:00:00+01:00');

    for (const [k, iso] of [
      ['late', '2026-10-31T23:30:00+01:00'],
      ['early', '2026-11-01T00:30:00+01:00'],
    ] as const) {
      await inspect(t, w, iso, { [k]: '2026-11-30' }, ids);
    }
    t.clock.set('2026-11-21T10:00:00+01:00');
  });
  afterAll(async () => {
    await t?.close();
  });

  it('a rectification before the next midnight is on time, on either side of the change', async () => {
    expect(await onTimeIds(t, w, '2026-10-01', '2026-10-31')).toEqual(new Set([ids.D1, ids.D3]));
    const park = await t.call('GET', '/api/reports/rectification?groupBy=park&from=2026-10-01&to=2026-10-31', {
      token: w.tokens.supCity,
    });
    expect(park.body.totals).toMatchObject({ total: 5, closed: 4, onTime: 2 });
  });

  it('an approved extension moves the end: a rectification after the old end and before the new one is on time', async () => {
    expect(await onTimeIds(t, w, '2026-03-01', '2026-03-31')).toEqual(new Set([ids.E1]));
    const res = await t.call('GET', '/api/reports/rectification?groupBy=severity&from=2026-03-01&to=2026-03-31', {
      token: w.tokens.supCity,
    });
    expect(res.body.totals).toMatchObject({ total: 2, closed: 2, onTime: 1 });
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

describe('due ends stored in the deployment’s zone (America/New_York)', () => {
  let t: TestServer;
  let w: World;
  const ids: Record<string, string> = {};
  const restart = () => bootstrap(t.services, { demo: false, adminUsername: 'admin', adminPassword: PASSWORD });

  /** What migration 0005 leaves in a database that had findings: their ends in Asia/Shanghai, and saying so. */
  async function endsAsLeftByTheMigration() {
    await t.services.db.execute(sql`UPDATE findings SET due_end_at = (due_date + 1)::timestamp AT TIME ZONE 'Asia/Shanghai'`);
    await t.services.db.execute(sql`UPDATE meta SET value = '"Asia/Shanghai"' WHERE key = 'dueEndZone'`);
  }

  async function storedEnds(): Promise<Record<string, string>> {
    const rows = await t.services.db
      .select({ id: findings.id, dueEndAt: findings.dueEndAt })
      .from(findings)
      .where(inArray(findings.id, Object.values(ids)));
    const key = new Map(Object.entries(ids).map(([k, id]) => [id, k]));
    return Object.fromEntries(rows.map((r) => [key.get(r.id)!, r.dueEndAt.toISOString()]));
  }

  const newYorkEnds = {
    N1: new Date('2026-03-08T00:00:00-05:00').toISOString(),
    N2: new Date('2026-03-08T00:00:00-05:00').toISOString(),
    N3: new Date('2026-03-09T00:00:00-04:00').toISOString(),
    N4: new Date('2026-03-09T00:00:00-04:00').toISOString(),
  };

  beforeAll(async () => {
    t = await startTestServer({ tz: 'America/New_York' });
    w = await buildWorld(t);
    await inspect(t, w, '2026-03-02T10:00:00-05:00', { N1: '2026-03-07', N2: '2026-03-07', N3: '2026-03-08', N4: '2026-03-08' }, ids);
    const rectified = {
      N1: '2026-03-07T23:30:00-05:00',
      N2: '2026-03-08T00:30:00-05:00',
      N3: '2026-03-08T23:30:00-04:00',
      // An hour after the 23-hour day ended: with the winter offset it would still be the 8th.
      N4: '2026-03-09T00:30:00-04:00',
    };
    for (const [k, iso] of Object.entries(rectified)) await rectify(t, w, ids[k]!, iso, '2026-03-10T10:00:00-04:00');
    t.clock.set('2026-03-20T10:00:00-04:00');
  });
  afterAll(async () => {
    await t?.close();
  });

  it('stores the end of each due date as the next midnight there, whichever offset it has', async () => {
    expect(await storedEnds()).toEqual(newYorkEnds);
    expect(await onTimeIds(t, w, '2026-03-01', '2026-03-31')).toEqual(new Set([ids.N1, ids.N3]));
  });

  it('recomputes, when the server starts, the ends a migration wrote in another zone; once', async () => {
    await endsAsLeftByTheMigration();
    // Shanghai's midnights fall at noon or earlier in New York: nothing was on time by them.
    expect(await onTimeIds(t, w, '2026-03-01', '2026-03-31')).toEqual(new Set());

    expect(await restart()).toMatchObject({ initialized: false, dueEndsRecomputed: 4 });
    expect(await storedEnds()).toEqual(newYorkEnds);
    expect(await onTimeIds(t, w, '2026-03-01', '2026-03-31')).toEqual(new Set([ids.N1, ids.N3]));
    expect(await restart()).toMatchObject({ dueEndsRecomputed: 0 });
  });

  it('recomputes once when several processes start at the same time', async () => {
    await endsAsLeftByTheMigration();
    const starts = await Promise.all([restart(), restart(), restart()]);
    expect(starts.map((s) => s.dueEndsRecomputed).sort()).toEqual([0, 0, 4]);
    expect(await storedEnds()).toEqual(newYorkEnds);
  });
});
