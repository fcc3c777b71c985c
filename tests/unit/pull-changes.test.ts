/**
 * A pulled page is checked change by change, each by its kind, before the
 * phone writes any of it: a put carries that kind's whole object, a delete
 * only the id. A page that does not match never reaches the phone's
 * database — the sync tries again later instead.
 */
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createClient } from '../../app/api/client';
import { httpTransport } from '../../app/sync/transport';
import type { Finding, Region } from '../../shared/schemas/entities';
import { Change } from '../../shared/schemas/sync';

const region: Region = { id: randomUUID(), name: '掌起镇', parentId: null, path: [], disabled: false };
const finding = {
  id: randomUUID(),
  inspectionId: randomUUID(),
  parkId: randomUUID(),
  enterpriseId: null,
  templateId: null,
  itemCode: null,
  category: 'fire',
  severity: 'general',
  description: '疏散通道堆放杂物',
  location: null,
  requirement: null,
  dueDate: '2026-11-27',
  status: 'open',
  rectifiedOnSite: false,
  attachmentIds: [],
  observedAt: '2026-11-20T10:00:00.000+08:00',
  rectifiedAt: null,
  closedAt: null,
  overdue: false,
  pendingExtension: null,
  submittedBy: null,
  updatedAt: '2026-11-20T10:00:00.000+08:00',
} satisfies Finding;

describe('a pulled change', () => {
  it('put: its data is checked as the entity its kind names', () => {
    expect(Change.safeParse({ kind: 'finding', op: 'put', id: finding.id, data: finding }).success).toBe(true);
    // A region where a finding belongs, or a finding with a status no phone knows: refused.
    expect(Change.safeParse({ kind: 'finding', op: 'put', id: region.id, data: region }).success).toBe(false);
    expect(Change.safeParse({ kind: 'finding', op: 'put', id: finding.id, data: { ...finding, status: 'archived' } }).success).toBe(false);
    expect(Change.safeParse({ kind: 'finding', op: 'put', id: finding.id }).success).toBe(false);
  });

  it('delete: the id alone, for every kind', () => {
    for (const kind of ['region', 'park', 'enterprise', 'template', 'inspection', 'finding', 'findingEvent', 'plan']) {
      expect(Change.safeParse({ kind, op: 'delete', id: randomUUID() }).success, kind).toBe(true);
    }
    expect(Change.safeParse({ kind: 'visit', op: 'delete', id: randomUUID() }).success).toBe(false);
  });

  it('put of a plan: the plan with its targets, each target done or not', () => {
    const plan = {
      id: randomUUID(),
      name: '冬季消防专项检查',
      templateCodes: ['FIRE'],
      startDate: '2026-12-01',
      endDate: '2026-12-31',
      inspectorIds: [],
      closedAt: null,
      createdAt: '2026-11-20T10:00:00.000+08:00',
      targets: 1,
      done: 0,
      coverage: 0,
    };
    const target = { enterpriseId: randomUUID(), parkId: randomUUID(), enterpriseName: '鑫达五金', building: '3号楼', parkName: '万洋众创城', done: false, inspectionIds: [] };
    expect(Change.safeParse({ kind: 'plan', op: 'put', id: plan.id, data: { plan, targets: [target] } }).success).toBe(true);
    expect(Change.safeParse({ kind: 'plan', op: 'put', id: plan.id, data: plan }).success).toBe(false);
    expect(Change.safeParse({ kind: 'plan', op: 'put', id: plan.id, data: { plan, targets: [{ ...target, done: 'yes' }] } }).success).toBe(false);
  });
});

describe('a pulled page', () => {
  const pullAnswering = (changes: unknown[]) =>
    httpTransport(
      createClient({
        token: () => 'token',
        fetch: async () => new Response(JSON.stringify({ cursor: 'c2', more: false, reset: false, changes }), { status: 200 }),
      }),
    ).pull('c1', 500);

  it('that matches arrives whole', async () => {
    const page = await pullAnswering([
      { kind: 'finding', op: 'put', id: finding.id, data: finding },
      { kind: 'finding', op: 'delete', id: randomUUID() },
    ]);
    expect(page.changes.map((c) => c.op)).toEqual(['put', 'delete']);
  });

  it('with one change that does not match is refused as a whole (unexpected_response), so none of it is written', async () => {
    const failure = await pullAnswering([
      { kind: 'finding', op: 'put', id: finding.id, data: finding },
      { kind: 'finding', op: 'put', id: finding.id, data: { ...finding, dueDate: '2026-02-30' } },
    ]).catch((e: unknown) => e);
    expect(failure).toMatchObject({ name: 'ApiError', code: 'unexpected_response' });
  });
});
