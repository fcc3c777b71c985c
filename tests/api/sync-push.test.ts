/**
 * Sync push: what an inspector's or operator's phone sends when the signal
 * comes back. Every mutation applies exactly once, in order, or is refused
 * with a reason the phone can show — and a replay answers the same.
 */
import { randomUUID } from 'node:crypto';
import { eq, inArray } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { findingEvents, findings, inspections, mutations } from '../../server/db/schema';
import { startTestServer, type TestServer } from '../support/server';
import { buildWorld, type UserKey, type World } from '../support/world';
import { findingIn, findingMutation, newFinding, operatorOf, pushAs, pushOne, submit } from '../support/mutations';

let t: TestServer;
let w: World;

beforeAll(async () => {
  t = await startTestServer();
  w = await buildWorld(t);
});
afterAll(() => t.close());
afterEach(() => t.clock.real());

const finding = async (id: string, who: UserKey = 'admin') =>
  (await t.call('GET', `/api/findings/${id}`, { token: w.tokens[who] })).body;

describe('inspection.submit', () => {
  it('creates the inspection and its findings: open, or closed when rectified on the spot', async () => {
    const m = submit(w, { findings: [{ severity: 'major' }, { rectifiedOnSite: true }] });
    expect(await pushOne(t, w, 'inspA', m)).toEqual({ id: m.id, status: 'applied' });
    const [major, onSite] = m.payload.inspection.findings;
    const a = await finding(major!.id);
    expect(a.finding).toMatchObject({ status: 'open', severity: 'major', rectifiedAt: null, closedAt: null, itemCode: 'F-01', category: 'fire' });
    expect(a.events.map((e: { type: string; actorId: string }) => [e.type, e.actorId])).toEqual([['create', w.users.inspA]]);
    const b = await finding(onSite!.id);
    expect(b.finding).toMatchObject({ status: 'closed', rectifiedOnSite: true });
    expect(b.finding.rectifiedAt).toBe(b.finding.observedAt);
    const insp = await t.call('GET', `/api/inspections/${m.payload.inspection.id}`, { token: w.tokens.opA1 });
    expect(insp.body.inspection).toMatchObject({ inspectorId: w.users.inspA, answers: m.payload.inspection.answers });
    expect(insp.body.findings).toHaveLength(2);
  });

  it('keeps the phone time as inspectedAt, but never later than the server received it', async () => {
    t.clock.set('2026-06-01T02:00:00Z');
    // Made offline that morning, sent now from a phone whose clock is right.
    const past = submit(w, { inspectedAt: '2026-06-01T09:30:00+08:00' });
    await t.call('POST', '/api/sync/push', {
      token: w.tokens.inspA,
      body: { clientId: 'p1', sentAt: '2026-06-01T10:00:30+08:00', mutations: [past] },
    });
    // From a phone whose clock runs two days ahead.
    const future = submit(w, { inspectedAt: '2026-06-03T10:00:00+08:00', clientTime: '2026-06-03T10:00:00+08:00' });
    await t.call('POST', '/api/sync/push', {
      token: w.tokens.inspA,
      body: { clientId: 'p2', sentAt: '2026-06-03T10:00:00+08:00', mutations: [future] },
    });
    const a = (await t.call('GET', `/api/inspections/${past.payload.inspection.id}`, { token: w.tokens.admin })).body;
    expect(a.inspection.inspectedAt).toBe('2026-06-01T09:30:00.000+08:00');
    const b = (await t.call('GET', `/api/inspections/${future.payload.inspection.id}`, { token: w.tokens.admin })).body;
    expect(b.inspection.inspectedAt).toBe('2026-06-01T10:00:00.000+08:00');
    expect(b.findings[0].observedAt).toBe('2026-06-01T10:00:00.000+08:00');
    const [skewed] = await t.services.db.select().from(mutations).where(eq(mutations.id, future.id));
    expect(skewed!.clockSkewMs).toBe(2 * 86_400_000);
    const [fine] = await t.services.db.select().from(mutations).where(eq(mutations.id, past.id));
    expect(fine!.clockSkewMs).toBeNull();
  });

  it('is refused for operators and supervisors (forbidden) and outside the scope (not_found)', async () => {
    for (const who of ['opA1', 'supA'] as const) {
      expect((await pushOne(t, w, who, submit(w))).error?.code).toBe('forbidden');
    }
    expect((await pushOne(t, w, 'inspB', submit(w, { park: 'A1' }))).error?.code).toBe('not_found');
    expect((await pushOne(t, w, 'inspA', submit(w, { park: 'B1' }))).error?.code).toBe('not_found');
    expect((await pushOne(t, w, 'inspA', submit(w, { park: 'A1', enterprise: 'A2a' }))).error?.code).toBe('invalid_request');
  });

  it('refuses unknown templates, unknown items and ids already used', async () => {
    const bad = submit(w);
    bad.payload.inspection.templateId = randomUUID();
    expect((await pushOne(t, w, 'inspA', bad)).error?.code).toBe('not_found');
    const unknownItem = submit(w, { findings: [{ itemCode: 'NOPE-1' }] });
    expect((await pushOne(t, w, 'inspA', unknownItem)).error?.code).toBe('invalid_request');
    const first = submit(w);
    await pushOne(t, w, 'inspA', first);
    const again = submit(w);
    again.payload.inspection.id = first.payload.inspection.id;
    expect((await pushOne(t, w, 'inspA', again)).error?.code).toBe('conflict');
  });

  it('lets an admin submit anywhere', async () => {
    expect((await pushOne(t, w, 'admin', submit(w, { park: 'B1' }))).status).toBe('applied');
  });
});

describe('the rectification loop', () => {
  it('open → submitted → rejected → submitted → closed, with rectifiedAt from the accepted submission', async () => {
    const id = await newFinding(t, w);
    const r1 = findingMutation('finding.rectify', id, { note: '已清理' }, '2026-11-01T10:00:00+08:00');
    expect((await pushOne(t, w, 'opA1', r1)).status).toBe('applied');
    expect((await finding(id)).finding.status).toBe('submitted');
    expect((await pushOne(t, w, 'inspA', findingMutation('finding.reject', id, { reason: '仍有杂物' }))).status).toBe('applied');
    expect((await finding(id)).finding.status).toBe('open');
    const r2 = findingMutation('finding.rectify', id, { note: '已彻底清理' }, '2026-11-03T15:00:00+08:00');
    await pushOne(t, w, 'opA1', r2);
    await pushOne(t, w, 'supA', findingMutation('finding.verify', id, { note: '复查合格' }, '2026-11-04T09:00:00+08:00'));
    const { finding: f, events } = await finding(id);
    expect(f).toMatchObject({ status: 'closed', rectifiedAt: '2026-11-03T15:00:00.000+08:00', closedAt: '2026-11-04T09:00:00.000+08:00' });
    expect(events.map((e: { type: string; note: string | null; actorRole: string }) => [e.type, e.actorRole, e.note])).toEqual([
      ['create', 'inspector', null],
      ['rectify', 'operator', '已清理'],
      ['reject', 'inspector', '仍有杂物'],
      ['rectify', 'operator', '已彻底清理'],
      ['verify', 'supervisor', '复查合格'],
    ]);
  });

  it('refuses transitions from the wrong status with invalid_transition', async () => {
    const open = await findingIn(t, w, 'open');
    const submitted = await findingIn(t, w, 'submitted');
    const closed = await findingIn(t, w, 'closed');
    const cases: [UserKey, Parameters<typeof findingMutation>[0], string][] = [
      ['inspA', 'finding.verify', open],
      ['inspA', 'finding.reject', open],
      ['opA1', 'finding.rectify', submitted],
      ['opA1', 'finding.rectify', closed],
      ['inspA', 'finding.verify', closed],
      ['opA1', 'finding.requestExtension', closed],
      ['inspA', 'finding.decideExtension', open],
    ];
    for (const [who, type, id] of cases) {
      const r = await pushOne(t, w, who, findingMutation(type, id));
      expect(r.error?.code, `${who} ${type}`).toBe('invalid_transition');
    }
  });
});

describe('who may do what, in and out of scope', () => {
  // API.md's table: who (in scope) may take each finding action.
  const ALLOWED: Record<string, UserKey[]> = {
    'finding.rectify': ['opA1', 'inspA', 'admin'],
    'finding.verify': ['inspA', 'supA', 'admin'],
    'finding.reject': ['inspA', 'supA', 'admin'],
    'finding.requestExtension': ['opA1', 'inspA', 'admin'],
    'finding.decideExtension': ['inspA', 'supA', 'admin'],
    'finding.comment': ['opA1', 'inspA', 'supA', 'admin'],
  };
  const needs: Record<string, 'open' | 'submitted' | 'pending'> = {
    'finding.rectify': 'open',
    'finding.verify': 'submitted',
    'finding.reject': 'submitted',
    'finding.requestExtension': 'open',
    'finding.decideExtension': 'pending',
    'finding.comment': 'open',
  };
  const prepare = async (state: 'open' | 'submitted' | 'pending', park: 'A1' | 'B1') => {
    if (state === 'pending') {
      // Requested by the operator: the inspector and supervisor may decide it (not their own request).
      const id = await findingIn(t, w, 'open', park);
      await pushOne(t, w, operatorOf(park)!, findingMutation('finding.requestExtension', id));
      return id;
    }
    return findingIn(t, w, state, park);
  };

  for (const [type, allowed] of Object.entries(ALLOWED)) {
    it(`${type}: applied for ${allowed.join(', ')}; forbidden for other roles; not_found outside the scope`, async () => {
      for (const who of ['admin', 'supA', 'inspA', 'opA1'] as UserKey[]) {
        const id = await prepare(needs[type]!, 'A1');
        const r = await pushOne(t, w, who, findingMutation(type as never, id));
        expect(r.status === 'applied' ? 'applied' : r.error?.code, `${who} in scope`).toBe(allowed.includes(who) ? 'applied' : 'forbidden');
      }
      for (const who of ['supB', 'inspB', 'opB1'] as UserKey[]) {
        const id = await prepare(needs[type]!, 'A1');
        const r = await pushOne(t, w, who, findingMutation(type as never, id));
        const roleAllowed = allowed.some((u) => u.slice(0, 2) === who.slice(0, 2));
        expect(r.error?.code, `${who} out of scope`).toBe(roleAllowed ? 'not_found' : 'forbidden');
      }
    });
  }
});

describe('extensions', () => {
  it('approved: the due date moves and an overdue finding stops being overdue', async () => {
    t.clock.set('2026-05-01T04:00:00Z');
    const id = await newFinding(t, w, 'A1', { dueDate: '2026-05-10' });
    t.clock.set('2026-05-20T04:00:00Z');
    expect((await finding(id)).finding.overdue).toBe(true);
    await pushOne(t, w, 'opA1', findingMutation('finding.requestExtension', id, { newDueDate: '2026-06-10', reason: '设备到货慢' }));
    const pending = (await finding(id)).finding;
    expect(pending.pendingExtension).toMatchObject({ newDueDate: '2026-06-10', reason: '设备到货慢', requestedBy: w.users.opA1 });
    expect(pending.dueDate).toBe('2026-05-10');
    await pushOne(t, w, 'supA', findingMutation('finding.decideExtension', id, { approve: true, note: '同意' }));
    const { finding: f, events } = await finding(id);
    expect(f).toMatchObject({ dueDate: '2026-06-10', overdue: false, pendingExtension: null });
    expect(events.slice(1).map((e: { type: string; newDueDate: string; approve: boolean | null }) => [e.type, e.newDueDate, e.approve])).toEqual([
      ['requestExtension', '2026-06-10', null],
      ['decideExtension', '2026-06-10', true],
    ]);
  });

  it('refused: nothing changes but the history', async () => {
    t.clock.set('2026-11-20T04:00:00Z');
    const id = await newFinding(t, w, 'A1', { dueDate: '2026-12-01' });
    await pushOne(t, w, 'opA1', findingMutation('finding.requestExtension', id, { newDueDate: '2026-12-20' }));
    await pushOne(t, w, 'inspA', findingMutation('finding.decideExtension', id, { approve: false, note: '不同意' }));
    const { finding: f, events } = await finding(id);
    expect(f).toMatchObject({ dueDate: '2026-12-01', pendingExtension: null, status: 'open' });
    expect(events.at(-1)).toMatchObject({ type: 'decideExtension', approve: false, note: '不同意' });
  });

  it('must ask for a later date than the current one', async () => {
    t.clock.set('2026-11-20T04:00:00Z');
    const id = await newFinding(t, w, 'A1', { dueDate: '2026-12-01' });
    const r = await pushOne(t, w, 'opA1', findingMutation('finding.requestExtension', id, { newDueDate: '2026-11-30' }));
    expect(r.error?.code).toBe('invalid_request');
  });
});

describe('replays', () => {
  it('a push sent again (its answer was lost) answers duplicate and changes nothing', async () => {
    const m1 = submit(w);
    const m2 = findingMutation('finding.comment', await newFinding(t, w));
    const first = await pushAs(t, w, 'inspA', [m1, m2]);
    expect(first.body.results.map((r: { status: string }) => r.status)).toEqual(['applied', 'applied']);
    const again = await pushAs(t, w, 'inspA', [m1, m2]);
    expect(again.body.results).toEqual([
      { id: m1.id, status: 'duplicate' },
      { id: m2.id, status: 'duplicate' },
    ]);
    const rows = await t.services.db.select().from(inspections).where(eq(inspections.id, m1.payload.inspection.id));
    expect(rows).toHaveLength(1);
  });

  it('a rejected mutation sent again gets the same rejection', async () => {
    const id = await findingIn(t, w, 'open');
    const m = findingMutation('finding.verify', id);
    const first = await pushOne(t, w, 'inspA', m);
    expect(first.error?.code).toBe('invalid_transition');
    // Even though it could apply now, the replay is the same mutation and answers the same.
    await pushOne(t, w, 'opA1', findingMutation('finding.rectify', id));
    expect(await pushOne(t, w, 'inspA', m)).toEqual(first);
  });

  it('a mutation id another user used tells nothing: the caller’s mutation under it applies like any other', async () => {
    const f = await newFinding(t, w);
    const m = findingMutation('finding.comment', f);
    await pushOne(t, w, 'inspA', m);
    expect(await pushOne(t, w, 'supA', { ...findingMutation('finding.comment', f), id: m.id })).toEqual({ id: m.id, status: 'applied' });
  });

  it('the same mutation twice in one push is applied once', async () => {
    const m = submit(w);
    const res = await pushAs(t, w, 'inspA', [m, m]);
    expect(res.body.results.map((r: { status: string }) => r.status)).toEqual(['applied', 'duplicate']);
  });
});

describe('one bad mutation', () => {
  it('is rejected alone; the others still apply, in order', async () => {
    const good1 = submit(w);
    const unknown = { id: randomUUID(), type: 'finding.teleport', payload: {}, clientTime: new Date().toISOString() };
    const badPayload = { ...submit(w), payload: { inspection: { id: 'nope' } } };
    const badTime = { ...submit(w), clientTime: 'yesterday' };
    const good2 = submit(w);
    const res = await pushAs(t, w, 'inspA', [good1, unknown, badPayload, badTime, good2]);
    expect(res.status).toBe(200);
    expect(res.body.results.map((r: { id: string; status: string; error?: { code: string } }) => [r.id, r.status, r.error?.code])).toEqual([
      [good1.id, 'applied', undefined],
      [unknown.id, 'rejected', 'invalid_request'],
      [badPayload.id, 'rejected', 'invalid_request'],
      [badTime.id, 'rejected', 'invalid_request'],
      [good2.id, 'applied', undefined],
    ]);
    expect(res.body.results[2].error.message).toMatch(/payload/);
  });

  it('mutations apply in order: a finding created and rectified in one push', async () => {
    const m = submit(w);
    const id = m.payload.inspection.findings[0]!.id;
    const res = await pushAs(t, w, 'inspA', [m, findingMutation('finding.rectify', id), findingMutation('finding.comment', id)]);
    expect(res.body.results.map((r: { status: string }) => r.status)).toEqual(['applied', 'applied', 'applied']);
    expect((await finding(id)).finding.status).toBe('submitted');
  });
});

describe('a malformed envelope', () => {
  it('is a 400 and nothing is applied', async () => {
    const good = submit(w);
    for (const body of [
      [good],
      { clientId: 'x' },
      { clientId: 'x', mutations: [] },
      { clientId: 'x', mutations: 'all' },
      { clientId: 'x', mutations: Array.from({ length: 501 }, () => submit(w)) },
      { clientId: 'x', mutations: [good, { type: 'inspection.submit' }] },
    ]) {
      const res = await t.call('POST', '/api/sync/push', { token: w.tokens.inspA, body });
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('invalid_request');
    }
    const rows = await t.services.db.select().from(inspections).where(eq(inspections.id, good.payload.inspection.id));
    expect(rows).toHaveLength(0);
  });
});

describe('concurrency', () => {
  it('the same push arriving twice at once is applied once', async () => {
    const batch = Array.from({ length: 20 }, () => submit(w));
    const [a, b] = await Promise.all([pushAs(t, w, 'inspA', batch), pushAs(t, w, 'inspA', batch)]);
    for (let i = 0; i < batch.length; i++) {
      expect([a.body.results[i].status, b.body.results[i].status].sort()).toEqual(['applied', 'duplicate']);
    }
    const ids = batch.map((m) => m.payload.inspection.id);
    const rows = await t.services.db.select().from(inspections).where(inArray(inspections.id, ids));
    expect(rows).toHaveLength(20);
    const fs = await t.services.db.select().from(findings).where(inArray(findings.inspectionId, ids));
    expect(fs).toHaveLength(20);
  });

  it('a verify and a reject of one submission at once: exactly one wins, the other is invalid_transition', async () => {
    for (let round = 0; round < 5; round++) {
      const id = await findingIn(t, w, 'submitted');
      const [v, r] = await Promise.all([
        pushOne(t, w, 'inspA', findingMutation('finding.verify', id)),
        pushOne(t, w, 'supA', findingMutation('finding.reject', id)),
      ]);
      expect([v.status, r.status].sort()).toEqual(['applied', 'rejected']);
      expect((v.error ?? r.error)!.code).toBe('invalid_transition');
      const events = await t.services.db.select().from(findingEvents).where(eq(findingEvents.findingId, id));
      expect(events.filter((e) => e.type === 'verify' || e.type === 'reject')).toHaveLength(1);
    }
  });
});
