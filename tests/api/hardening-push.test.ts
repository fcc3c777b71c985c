/**
 * API.md "Hardening": whatever one mutation holds, a phone's push never
 * jams — only that mutation is rejected, the rest apply, a replay answers the
 * same — and a phone's clock, however wrong, stays out of the past year.
 */
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { inspections, mutations } from '../../server/db/schema';
import { startTestServer, type TestServer } from '../support/server';
import { buildWorld, type World } from '../support/world';
import { findingMutation, newFinding, pushAs, submit } from '../support/mutations';

let t: TestServer;
let w: World;

beforeAll(async () => {
  t = await startTestServer();
  w = await buildWorld(t);
});
afterAll(() => t.close());
afterEach(() => t.clock.real());

const comment = (findingId: string, note = '已电话督促') => findingMutation('finding.comment', findingId, { note });

/** Pushes [good, poison, good] twice; both answers must be the same and only the poison rejected. */
async function expectOnlyPoisonRejected(poison: object, findingId: string) {
  const batch = [comment(findingId), poison, comment(findingId)];
  const first = await pushAs(t, w, 'inspA', batch);
  expect(first.status).toBe(200);
  expect(first.body.results.map((r: { status: string }) => r.status)).toEqual(['applied', 'rejected', 'applied']);
  expect(first.body.results[1].error.code).toBe('invalid_request');
  const replay = await pushAs(t, w, 'inspA', batch);
  expect(replay.status).toBe(200);
  expect(replay.body.results.map((r: { status: string }) => r.status)).toEqual(['duplicate', 'rejected', 'duplicate']);
  expect(replay.body.results[1]).toEqual(first.body.results[1]);
}

describe('a poison mutation is rejected alone', () => {
  it('a NUL character (a paste from a PDF) in a note', async () => {
    const f = await newFinding(t, w);
    await expectOnlyPoisonRejected(comment(f, '消防通道\u0000堵塞'), f);
  });

  it('a lone surrogate in a note', async () => {
    const f = await newFinding(t, w);
    await expectOnlyPoisonRejected(comment(f, '缺失\ud800'), f);
  });

  it('a NUL character in an inspection, in an answer note or an unknown field name', async () => {
    const f = await newFinding(t, w);
    const inAnswer = submit(w);
    inAnswer.payload.inspection.answers[0]!.note = 'a\u0000b';
    await expectOnlyPoisonRejected(inAnswer, f);
    const inKey = submit(w);
    (inKey.payload.inspection as Record<string, unknown>)['x\u0000'] = 1;
    await expectOnlyPoisonRejected(inKey, f);
  });

  it('a year-0 or year-9999 timestamp, as clientTime or inspectedAt', async () => {
    const f = await newFinding(t, w);
    await expectOnlyPoisonRejected(findingMutation('finding.comment', f, {}, '0000-01-01T00:00:00Z'), f);
    await expectOnlyPoisonRejected(findingMutation('finding.comment', f, {}, '9999-12-31T23:59:59Z'), f);
    await expectOnlyPoisonRejected(submit(w, { inspectedAt: '0000-06-01T08:00:00+08:00', clientTime: new Date().toISOString() }), f);
    await expectOnlyPoisonRejected(submit(w, { inspectedAt: '9999-06-01T08:00:00+08:00', clientTime: new Date().toISOString() }), f);
  });

  it('a year-0 due date', async () => {
    const f = await newFinding(t, w);
    await expectOnlyPoisonRejected(submit(w, { findings: [{ dueDate: '0000-01-01' }] }), f);
  });

  it('a type named after an object property: constructor, __proto__, toString, hasOwnProperty', async () => {
    const f = await newFinding(t, w);
    for (const type of ['constructor', '__proto__', 'toString', 'hasOwnProperty']) {
      await expectOnlyPoisonRejected({ id: randomUUID(), type, clientTime: new Date().toISOString(), payload: {} }, f);
    }
  });

  it('a NUL character in the type itself', async () => {
    const f = await newFinding(t, w);
    await expectOnlyPoisonRejected({ id: randomUUID(), type: 'finding.\u0000comment', clientTime: new Date().toISOString(), payload: {} }, f);
  });
});

describe('the size of a push', () => {
  it('one inspection of 200 findings with 4,000-character descriptions (2.4 MB) is applied', async () => {
    const big = submit(w, { findings: Array.from({ length: 200 }, () => ({ description: '隐'.repeat(4000) })) });
    const res = await pushAs(t, w, 'inspA', [big]);
    expect(res.status).toBe(200);
    expect(res.body.results[0].status).toBe('applied');
  });

  it('a body over 8 MB is 413', async () => {
    const mutationsOf = Array.from({ length: 4 }, () =>
      submit(w, { findings: Array.from({ length: 200 }, () => ({ description: '隐'.repeat(4000) })) }),
    );
    const res = await pushAs(t, w, 'inspA', mutationsOf);
    expect(res.status).toBe(413);
    expect(res.body.error.code).toBe('payload_too_large');
  });
});

describe('phone clocks', () => {
  it('a clock in 1900 is clamped to a year before receipt; the raw value is kept for the audit log', async () => {
    t.clock.set('2026-06-01T02:00:00Z');
    const m = submit(w, {
      inspectedAt: '1900-01-01T08:00:00+08:00',
      clientTime: '1900-01-01T08:00:00+08:00',
      findings: [{ dueDate: '2026-06-30' }],
    });
    const res = await pushAs(t, w, 'inspA', [m]);
    expect(res.body.results[0].status).toBe('applied');
    const got = (await t.call('GET', `/api/inspections/${m.payload.inspection.id}`, { token: w.tokens.admin })).body;
    expect(got.inspection.inspectedAt).toBe('2025-05-31T10:00:00.000+08:00');
    const [row] = await t.services.db.select().from(inspections).where(eq(inspections.id, m.payload.inspection.id));
    expect(row!.clientInspectedAt.toISOString()).toBe('1900-01-01T00:00:00.000Z');
    const [rec] = await t.services.db.select().from(mutations).where(eq(mutations.id, m.id));
    expect(rec!.clientTime!.toISOString()).toBe('1900-01-01T00:00:00.000Z');
  });
});
