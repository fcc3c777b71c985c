/**
 * Integrity of the loop (API.md): no one closes or decides their own work,
 * every rectification carries evidence, major hazards are closed (销号) by
 * the supervising department, and no due date is set in the past. Each rule
 * holds on the server whatever the phone shows; a refusal names its rule in
 * `details` so the phone can say it in the user's language.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { addDays } from '../../shared/dates';
import type { FindingInput } from '../../shared/schemas/sync';
import { findingMutation, pushOne, submit } from '../support/mutations';
import { startTestServer, type TestServer } from '../support/server';
import { buildWorld, type UserKey, type World } from '../support/world';

let t: TestServer;
let w: World;

/** 2026-06-17 in Asia/Shanghai, the server's clock and the phones' alike. */
const NOW = '2026-06-17T10:00:00.000+08:00';
const TODAY = '2026-06-17';

beforeAll(async () => {
  t = await startTestServer();
  w = await buildWorld(t);
});
beforeEach(() => t.clock.set(NOW));
afterAll(() => t.close());

const act = (who: UserKey, type: Parameters<typeof findingMutation>[0], id: string, extra: Record<string, unknown> = {}) =>
  pushOne(t, w, who, findingMutation(type, id, extra, NOW));
const read = async (id: string) => (await t.call('GET', `/api/findings/${id}`, { token: w.tokens.admin })).body.finding;

async function openFinding(f: Partial<FindingInput> = {}): Promise<string> {
  const m = submit(w, { inspectedAt: NOW, findings: [{ dueDate: addDays(TODAY, 7), ...f }] });
  const r = await pushOne(t, w, 'inspA', m);
  expect(r.status).toBe('applied');
  return m.payload.inspection.findings[0]!.id;
}

describe('a rectification is decided by someone other than who submitted it', () => {
  it('the inspector who rectified on the enterprise’s behalf may neither verify nor reject it; a supervisor closes it', async () => {
    const id = await openFinding();
    expect((await act('inspA', 'finding.rectify', id)).status).toBe('applied');
    expect(await read(id)).toMatchObject({ status: 'submitted', submittedBy: w.users.inspA });

    for (const type of ['finding.verify', 'finding.reject'] as const) {
      const r = await act('inspA', type, id);
      expect(r).toMatchObject({ status: 'rejected', error: { code: 'forbidden', details: { reason: 'ownRectification' } } });
    }
    expect((await read(id)).status).toBe('submitted');
    expect((await act('supA', 'finding.verify', id)).status).toBe('applied');
    expect(await read(id)).toMatchObject({ status: 'closed', submittedBy: null });
  });

  it('the operator’s rectification is verified by the inspector', async () => {
    const id = await openFinding();
    await act('opA1', 'finding.rectify', id);
    expect((await act('inspA', 'finding.verify', id)).status).toBe('applied');
  });

  it('a refused verification answers the same when replayed', async () => {
    const id = await openFinding();
    await act('inspA', 'finding.rectify', id);
    const m = findingMutation('finding.verify', id, {}, NOW);
    const first = await pushOne(t, w, 'inspA', m);
    const again = await pushOne(t, w, 'inspA', m);
    expect(again).toEqual(first);
    expect(first.error).toMatchObject({ code: 'forbidden', details: { reason: 'ownRectification' } });
  });
});

describe('major hazards are closed (销号) by the supervising department', () => {
  it('an inspector may not verify a major; a supervisor and an admin may', async () => {
    for (const closer of ['supA', 'admin'] as const) {
      const id = await openFinding({ severity: 'major' });
      await act('opA1', 'finding.rectify', id);
      const refused = await act('inspA', 'finding.verify', id);
      expect(refused).toMatchObject({ status: 'rejected', error: { code: 'forbidden', details: { reason: 'majorBySupervisor' } } });
      expect((await act(closer, 'finding.verify', id)).status).toBe('applied');
      expect((await read(id)).status).toBe('closed');
    }
  });

  it('the inspector may still reject a major’s rectification (复查不通过)', async () => {
    const id = await openFinding({ severity: 'major' });
    await act('opA1', 'finding.rectify', id);
    expect((await act('inspA', 'finding.reject', id)).status).toBe('applied');
  });
});

describe('an extension is decided by someone other than who requested it', () => {
  it('the requester’s own decision is forbidden; another’s applies', async () => {
    const id = await openFinding();
    expect((await act('inspA', 'finding.requestExtension', id, { newDueDate: addDays(TODAY, 30) })).status).toBe('applied');
    const own = await act('inspA', 'finding.decideExtension', id);
    expect(own).toMatchObject({ status: 'rejected', error: { code: 'forbidden', details: { reason: 'ownExtension' } } });
    expect((await act('supA', 'finding.decideExtension', id)).status).toBe('applied');
    expect((await read(id)).dueDate).toBe(addDays(TODAY, 30));
  });

  it('approving can grant another date than the one requested', async () => {
    const id = await openFinding();
    await act('opA1', 'finding.requestExtension', id, { newDueDate: addDays(TODAY, 60) });
    expect((await act('inspA', 'finding.decideExtension', id, { approve: true, dueDate: addDays(TODAY, 21) })).status).toBe('applied');
    expect(await read(id)).toMatchObject({ dueDate: addDays(TODAY, 21), pendingExtension: null });
  });

  it('a granted date not after the current due date, or before today, is invalid_request', async () => {
    const id = await openFinding();
    await act('opA1', 'finding.requestExtension', id, { newDueDate: addDays(TODAY, 60) });
    for (const dueDate of [addDays(TODAY, 7), addDays(TODAY, 3)]) {
      const r = await act('inspA', 'finding.decideExtension', id, { approve: true, dueDate });
      expect(r).toMatchObject({ status: 'rejected', error: { code: 'invalid_request', details: { reason: 'extensionDate' } } });
    }
  });

  it('the requested date must be after the current due date and not before today; one request at a time', async () => {
    const id = await openFinding({ dueDate: TODAY });
    for (const newDueDate of [TODAY, addDays(TODAY, -1)]) {
      const r = await act('opA1', 'finding.requestExtension', id, { newDueDate });
      expect(r).toMatchObject({ status: 'rejected', error: { code: 'invalid_request' } });
    }
    expect((await act('opA1', 'finding.requestExtension', id, { newDueDate: addDays(TODAY, 10) })).status).toBe('applied');
    const second = await act('opA1', 'finding.requestExtension', id, { newDueDate: addDays(TODAY, 20) });
    expect(second).toMatchObject({ status: 'rejected', error: { code: 'conflict' } });
  });

  it('a request whose date is after the due date but already past is invalid_request', async () => {
    // Overdue since a week: a request for yesterday would leave it overdue.
    t.clock.set('2026-06-10T10:00:00.000+08:00');
    const m = submit(w, { inspectedAt: '2026-06-10T10:00:00.000+08:00', findings: [{ dueDate: '2026-06-10' }] });
    await pushOne(t, w, 'inspA', m);
    const id = m.payload.inspection.findings[0]!.id;
    t.clock.set(NOW);
    const r = await act('opA1', 'finding.requestExtension', id, { newDueDate: addDays(TODAY, -1) });
    expect(r).toMatchObject({ status: 'rejected', error: { code: 'invalid_request', details: { reason: 'extensionDate' } } });
  });
});

describe('evidence on every fix', () => {
  it('a rectification without an attachment is invalid_request and changes nothing', async () => {
    const id = await openFinding();
    const r = await act('opA1', 'finding.rectify', id, { attachmentIds: [] });
    expect(r).toMatchObject({ status: 'rejected', error: { code: 'invalid_request', details: { reason: 'evidenceRequired' } } });
    expect((await read(id)).status).toBe('open');
  });
});

describe('rejecting a rectification can set a new due date', () => {
  it('the reopened finding takes the new date', async () => {
    const id = await openFinding();
    await act('opA1', 'finding.rectify', id);
    expect((await act('inspA', 'finding.reject', id, { newDueDate: addDays(TODAY, 14) })).status).toBe('applied');
    expect(await read(id)).toMatchObject({ status: 'open', dueDate: addDays(TODAY, 14), submittedBy: null });
  });

  it('a new date before today is invalid_request', async () => {
    const id = await openFinding();
    await act('opA1', 'finding.rectify', id);
    const r = await act('inspA', 'finding.reject', id, { newDueDate: addDays(TODAY, -1) });
    expect(r).toMatchObject({ status: 'rejected', error: { code: 'invalid_request', details: { reason: 'reopenDate' } } });
    expect((await read(id)).status).toBe('submitted');
  });
});

describe('inspection.submit', () => {
  it('a finding due before the inspection’s date rejects the whole mutation, naming the finding', async () => {
    const m = submit(w, { inspectedAt: NOW, findings: [{ dueDate: addDays(TODAY, 7) }, { dueDate: addDays(TODAY, -1) }] });
    const r = await pushOne(t, w, 'inspA', m);
    const bad = m.payload.inspection.findings[1]!.id;
    expect(r).toMatchObject({ status: 'rejected', error: { code: 'invalid_request', details: [{ findingId: bad, problem: 'dueBeforeInspection' }] } });
    expect(r.error!.message).toContain(bad);
    expect((await t.call('GET', `/api/inspections/${m.payload.inspection.id}`, { token: w.tokens.admin })).status).toBe(404);
  });

  it('the inspection’s date is its own day where the park is, not the server’s: a due date on that day is accepted', async () => {
    // 23:30 on 16 June in Asia/Shanghai is 15:30 UTC: the day is the 16th.
    const m = submit(w, { inspectedAt: '2026-06-16T15:30:00.000Z', findings: [{ dueDate: '2026-06-16' }] });
    expect((await pushOne(t, w, 'inspA', m)).status).toBe('applied');
  });

  it('a finding fixed on the spot without a photo rejects the whole mutation', async () => {
    const m = submit(w, { inspectedAt: NOW, findings: [{ rectifiedOnSite: true, attachmentIds: [] }] });
    const r = await pushOne(t, w, 'inspA', m);
    const id = m.payload.inspection.findings[0]!.id;
    expect(r).toMatchObject({ status: 'rejected', error: { code: 'invalid_request', details: [{ findingId: id, problem: 'onSiteEvidence' }] } });
  });

  it('a finding fixed on the spot with a photo is closed at once', async () => {
    const m = submit(w, { inspectedAt: NOW, findings: [{ rectifiedOnSite: true, attachmentIds: [randomUUID()] }] });
    expect((await pushOne(t, w, 'inspA', m)).status).toBe('applied');
    expect((await read(m.payload.inspection.findings[0]!.id)).status).toBe('closed');
  });
});
