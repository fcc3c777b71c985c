/**
 * Notifications are computed on the phone from pulled data, per role, against the
 * user's last look — in the server's time, so a phone with a wrong clock or
 * a late sync still shows what is new. Runs on the app's real database
 * (fake-indexeddb).
 */
import { randomUUID } from 'node:crypto';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ParkCheckDb } from '../../app/db/database';
import { pendingExtensions } from '../../app/findings/extensions';
import { lookedAt, notificationsFor as notificationsAt, unseen, type Clock, type Notification, type NotificationUser } from '../../app/notifications/notifications';
import type { Finding, FindingEvent, Inspection } from '../../shared/schemas/entities';

const PARK = randomUUID();
const ENTERPRISE = randomUUID();
const operator: NotificationUser = { id: randomUUID(), role: 'operator' };
const inspector: NotificationUser = { id: randomUUID(), role: 'inspector' };
const supervisor: NotificationUser = { id: randomUUID(), role: 'supervisor' };

let db: ParkCheckDb;
let ordinal = 0;

beforeEach(async () => {
  db = new ParkCheckDb(`notifications-${randomUUID()}`, { indexedDB: new IDBFactory(), IDBKeyRange });
  await db.parks.put({ id: PARK, name: '万洋（掌起）众创城', regionId: randomUUID(), address: null, starRating: 2, areaMu: null, floorArea: null, disabled: false });
  await db.enterprises.put({ id: ENTERPRISE, parkId: PARK, name: '慈溪市宇海模具有限公司', creditCode: null, building: null, contactName: null, contactPhone: null, disabled: false });
});
afterEach(() => db.close());

/** An inspection the server received at `receivedAt`, with one finding per description. */
async function inspected(receivedAt: string, descriptions: string[], extra: Partial<Finding> = {}): Promise<Finding[]> {
  const inspection: Inspection = {
    id: randomUUID(),
    templateId: randomUUID(),
    parkId: PARK,
    enterpriseId: ENTERPRISE,
    inspectorId: inspector.id,
    inspectorName: '王磊',
    // The inspector's phone was offline for a day: observed long before it reached the server.
    inspectedAt: '2026-11-01T09:00:00.000+08:00',
    receivedAt,
    geo: null,
    signatureAttachmentId: null,
    note: null,
    answers: [],
  };
  await db.inspections.put(inspection);
  const findings = descriptions.map(
    (description): Finding => ({
      id: randomUUID(),
      inspectionId: inspection.id,
      parkId: PARK,
      enterpriseId: ENTERPRISE,
      templateId: inspection.templateId,
      itemCode: null,
      category: 'fire',
      severity: 'general',
      description,
      location: null,
      requirement: null,
      dueDate: '2026-11-30',
      status: 'open',
      rectifiedOnSite: false,
      attachmentIds: [],
      observedAt: inspection.inspectedAt,
      rectifiedAt: null,
      closedAt: null,
      overdue: false,
      pendingExtension: null,
      submittedBy: null,
      updatedAt: receivedAt,
      ...extra,
    }),
  );
  await db.findings.bulkPut(findings);
  return findings;
}

async function event(finding: Finding, type: FindingEvent['type'], by: NotificationUser, at: string, extra: Partial<FindingEvent> = {}): Promise<FindingEvent> {
  const e: FindingEvent = {
    id: randomUUID(),
    findingId: finding.id,
    parkId: PARK,
    type,
    actorId: by.id,
    actorName: by.role,
    actorRole: by.role,
    at,
    ordinal: ++ordinal,
    clientTime: at,
    note: null,
    attachmentIds: [],
    newDueDate: null,
    approve: null,
    ...extra,
  };
  await db.findingEvents.put(e);
  return e;
}

const kinds = (list: Notification[]) => list.map((n) => n.event?.type ?? n.reminder);

/** The phone's clock in these tests: after every event above, before any due date's reminder. */
const NOW: Clock = { now: new Date('2026-11-21T12:00:00.000+08:00'), tz: 'Asia/Shanghai' };
const notificationsFor = (db: ParkCheckDb, user: NotificationUser, since: string) => notificationsAt(db, user, since, NOW);

describe("an operator's notifications", () => {
  it('are the new findings in their park, dated by when the server received the inspection', async () => {
    await inspected('2026-11-20T10:00:00.000+08:00', ['疏散通道堆放杂物', '灭火器过期']);
    const list = await notificationsFor(db, operator, '2026-11-19T00:00:00.000+08:00');
    expect(list.map((n) => n.finding.description).sort()).toEqual(['灭火器过期', '疏散通道堆放杂物']);
    expect(list[0]!.event).toMatchObject({ type: 'create', actorName: '王磊', at: '2026-11-20T10:00:00.000+08:00' });
    expect(list[0]!.enterprise?.name).toBe('慈溪市宇海模具有限公司');
    expect(await notificationsFor(db, operator, '2026-11-20T10:00:00.000+08:00')).toEqual([]);
  });

  it('leave out findings rectified on the spot: there is nothing to do', async () => {
    await inspected('2026-11-20T10:00:00.000+08:00', ['当场整改'], { rectifiedOnSite: true, status: 'closed' });
    expect(await notificationsFor(db, operator, '2026-11-19T00:00:00.000+08:00')).toEqual([]);
  });

  it('include decisions on their rectifications and extension requests, never their own actions', async () => {
    const [f] = await inspected('2026-11-01T10:00:00.000+08:00', ['配电箱前堆放可燃物']);
    await event(f!, 'rectify', operator, '2026-11-19T09:00:00.000+08:00');
    await event(f!, 'reject', inspector, '2026-11-19T15:00:00.000+08:00', { note: '整改不彻底' });
    await event(f!, 'requestExtension', operator, '2026-11-19T16:00:00.000+08:00', { newDueDate: '2026-12-15' });
    await event(f!, 'decideExtension', supervisor, '2026-11-20T09:00:00.000+08:00', { approve: true, newDueDate: '2026-12-15' });
    await event(f!, 'comment', inspector, '2026-11-20T10:00:00.000+08:00', { note: '明天复查' });
    const list = await notificationsFor(db, operator, '2026-11-10T00:00:00.000+08:00');
    expect(kinds(list)).toEqual(['decideExtension', 'reject']);
    expect(list[1]!.event?.note).toBe('整改不彻底');
  });
});

describe("an operator's reminders of due dates", () => {
  const at = (iso: string, tz = 'Asia/Shanghai'): Clock => ({ now: new Date(iso), tz });
  const since = '2026-11-01T00:00:00.000+08:00';

  it('come three days before an open finding is due, then on the day after its due date, each at the start of its day', async () => {
    const [f] = await inspected('2026-11-01T10:00:00.000+08:00', ['消防通道堆放货物'], { dueDate: '2026-11-25' });
    const remindersIn = (list: Notification[]) => list.filter((n) => n.reminder);
    expect(remindersIn(await notificationsAt(db, operator, since, at('2026-11-21T23:59:00.000+08:00')))).toEqual([]);

    const soon = remindersIn(await notificationsAt(db, operator, since, at('2026-11-22T00:00:00.000+08:00')));
    expect(soon.map((n) => [n.reminder, n.at, n.finding.id])).toEqual([['dueSoon', '2026-11-21T16:00:00.000Z', f!.id]]);

    // Still open on the 25th is not yet overdue; on the 26th it is.
    expect(kinds(remindersIn(await notificationsAt(db, operator, since, at('2026-11-25T23:00:00.000+08:00'))))).toEqual(['dueSoon']);
    const overdue = remindersIn(await notificationsAt(db, operator, since, at('2026-11-26T08:00:00.000+08:00')));
    expect(overdue.map((n) => [n.reminder, n.at])).toEqual([['overdue', '2026-11-25T16:00:00.000Z']]);
  });

  it('never come before the park knew of the finding', async () => {
    // Due in two days when the server received it: due soon from that moment, not from yesterday.
    await inspected('2026-11-23T15:00:00.000+08:00', ['灭火器压力不足'], { dueDate: '2026-11-25' });
    const list = await notificationsAt(db, operator, since, at('2026-11-23T16:00:00.000+08:00'));
    expect(list.map((n) => [n.event?.type ?? n.reminder, n.at])).toEqual([
      ['create', '2026-11-23T15:00:00.000+08:00'],
      ['dueSoon', '2026-11-23T07:00:00.000Z'],
    ]);
  });

  it('come by the deployment’s calendar, not the phone’s zone', async () => {
    await inspected('2026-11-01T10:00:00.000+08:00', ['配电箱无防护'], { dueDate: '2026-11-25' });
    // 17:30 on the 21st in Berlin is already the 22nd in Shanghai.
    const instant = '2026-11-21T16:30:00.000Z';
    expect(kinds(await notificationsAt(db, operator, '2026-11-21T00:00:00.000+08:00', at(instant)))).toEqual(['dueSoon']);
    expect(kinds(await notificationsAt(db, operator, '2026-11-21T00:00:00.000+08:00', at(instant, 'Europe/Berlin')))).toEqual([]);
  });

  it('are not for findings waiting for re-inspection or closed, nor for anyone but the park', async () => {
    await inspected('2026-11-01T10:00:00.000+08:00', ['已提交整改'], { dueDate: '2026-11-10', status: 'submitted' });
    await inspected('2026-11-01T10:00:00.000+08:00', ['已销号'], { dueDate: '2026-11-10', status: 'closed' });
    await inspected('2026-11-01T10:00:00.000+08:00', ['未整改'], { dueDate: '2026-11-10' });
    const later = at('2026-11-20T09:00:00.000+08:00');
    expect((await notificationsAt(db, operator, '2026-11-02T00:00:00.000+08:00', later)).map((n) => [n.reminder, n.finding.description])).toEqual([
      ['overdue', '未整改'],
    ]);
    expect(await notificationsAt(db, inspector, '2026-11-02T00:00:00.000+08:00', later)).toEqual([]);
  });

  it('once seen are not new again; the next step of the ladder is', async () => {
    await inspected('2026-10-01T10:00:00.000+08:00', ['安全出口锁闭'], { dueDate: '2026-11-25' });
    const first = await notificationsAt(db, operator, '2026-11-01T00:00:00.000+08:00', at('2026-11-23T09:00:00.000+08:00'));
    const marker = lookedAt(first, null)!;
    expect(unseen(first, marker)).toEqual([]);
    const later = await notificationsAt(db, operator, '2026-11-01T00:00:00.000+08:00', at('2026-11-26T09:00:00.000+08:00'));
    expect(kinds(unseen(later, marker))).toEqual(['overdue']);
  });
});

describe("an inspector's notifications", () => {
  it('are the rectifications waiting for re-inspection (the latest of each) and the extension requests waiting for a decision', async () => {
    const [waiting, decided, asking] = await inspected('2026-11-01T10:00:00.000+08:00', ['待复查', '已复查', '要延期']);
    await event(waiting!, 'rectify', operator, '2026-11-10T09:00:00.000+08:00');
    await event(waiting!, 'reject', inspector, '2026-11-11T09:00:00.000+08:00');
    const latest = await event(waiting!, 'rectify', operator, '2026-11-20T09:00:00.000+08:00');
    await db.findings.update(waiting!.id, { status: 'submitted' });
    // Verified meanwhile: no longer waiting, so no longer news.
    await event(decided!, 'rectify', operator, '2026-11-20T09:30:00.000+08:00');
    await db.findings.update(decided!.id, { status: 'closed' });
    const request = await event(asking!, 'requestExtension', operator, '2026-11-20T11:00:00.000+08:00', { newDueDate: '2026-12-20', note: '设备到货需要时间' });
    await db.findings.update(asking!.id, {
      pendingExtension: { eventId: request.id, newDueDate: '2026-12-20', reason: '设备到货需要时间', requestedBy: operator.id, requestedAt: request.at },
    });

    const list = await notificationsFor(db, inspector, '2026-11-01T00:00:00.000+08:00');
    expect(list.map((n) => n.event?.id)).toEqual([request.id, latest.id]);
    expect(kinds(await notificationsFor(db, supervisor, '2026-11-01T00:00:00.000+08:00'))).toEqual(['requestExtension']);
    expect((await pendingExtensions(db)).map((r) => [r.finding.description, r.request.newDueDate, r.event?.actorRole])).toEqual([
      ['要延期', '2026-12-20', 'operator'],
    ]);
  });
});

describe('the last look', () => {
  it('moves to the latest server time seen and never back; what arrives later is unseen even if observed earlier', async () => {
    await inspected('2026-11-20T10:00:00.000+08:00', ['一']);
    const first = await notificationsFor(db, operator, '2026-11-01T00:00:00.000+08:00');
    const marker = lookedAt(first, null);
    expect(marker).toBe('2026-11-20T10:00:00.000+08:00');
    expect(lookedAt([], marker)).toBe(marker);

    // Inspected on the 1st (offline), received on the 21st: news now.
    await inspected('2026-11-21T08:00:00.000+08:00', ['二', '三']);
    const all = await notificationsFor(db, operator, '2026-11-01T00:00:00.000+08:00');
    expect(unseen(all, marker!).map((n) => n.finding.description).sort()).toEqual(['三', '二']);
    // A server time in another offset compares by instant, not by text.
    expect(unseen(all, '2026-11-21T00:00:00.000Z')).toHaveLength(0);
  });
});
