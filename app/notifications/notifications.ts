/**
 * In-app notifications: what happened that this user should look at, computed
 * from the data the phone has pulled — so they appear after any sync,
 * offline ones included, with no push service.
 *
 *   operator:   new findings in their park(s); decisions on their park's
 *               rectifications and extension requests (verified, rejected,
 *               extension approved or refused); reminders of open findings
 *               due within three days, and on the day a due date has passed;
 *   inspector:  rectifications waiting for re-inspection and extension
 *               requests waiting for a decision;
 *   supervisor: extension requests waiting for a decision.
 *
 * The requests waiting for a decision are also listed in full (/extensions,
 * ../findings/extensions.ts).
 *
 * Times are the server's (an event's `at`, an inspection's `receivedAt`),
 * never the phone's: phones' clocks are wrong, and something done offline
 * yesterday but received today is news today. The user's own actions are
 * never news to them. Reminders are the exception: they come at the start of
 * their day in the deployment's calendar, as the phone's clock tells it.
 */
import { addDays, startOfDate } from '../../shared/dates';
import type { Role } from '../../shared/finding-machine';
import { creationEvent } from '../../shared/history';
import type { Enterprise, Finding, FindingEvent, Park } from '../../shared/schemas/entities';
import type { LocalFindingEvent, ParkCheckDb } from '../db/database';

/** A due date coming (within DUE_SOON_DAYS) or just passed: the ladder's first steps, for operators. */
export type Reminder = 'dueSoon' | 'overdue';

export interface Notification {
  /** What happened (a new finding is its derived creation event); null for a reminder. */
  event: FindingEvent | null;
  reminder: Reminder | null;
  /** When it happened, or the start of the reminder's day. */
  at: string;
  /** Unique in the list. */
  key: string;
  finding: Finding;
  enterprise: Enterprise | undefined;
  park: Park | undefined;
}

export interface NotificationUser {
  id: string;
  role: Role;
}

/** Now, and the deployment's zone whose days reminders start with. */
export interface Clock {
  now: Date;
  tz: string;
}

/** Operators are reminded of an open finding this many days before its due date. */
export const DUE_SOON_DAYS = 3;

/** Without a marker (a new user or phone), what happened in the last days counts as unseen. */
export const FIRST_LOOK_DAYS = 7;
/** The notification list also shows what was already seen within this many days. */
export const LIST_DAYS = 30;

const DECISIONS = new Set<FindingEvent['type']>(['verify', 'reject', 'decideExtension']);
const time = (iso: string) => Date.parse(iso);

/** The user's notifications of what happened after `since` (a server time), newest first. */
export async function notificationsFor(db: ParkCheckDb, user: NotificationUser, since: string, clock: Clock): Promise<Notification[]> {
  const after = time(since);
  const found = await (user.role === 'operator' ? forOperator(db, user, after, clock) : user.role === 'admin' ? [] : awaitingDecision(db, user, after));
  if (!found.length) return [];
  const [enterprises, parks] = await Promise.all([
    db.enterprises.bulkGet([...new Set(found.map((n) => n.finding.enterpriseId).filter((id): id is string => id !== null))]),
    db.parks.bulkGet([...new Set(found.map((n) => n.finding.parkId))]),
  ]);
  const enterpriseById = new Map(enterprises.filter((e) => e !== undefined).map((e) => [e.id, e]));
  const parkById = new Map(parks.filter((p) => p !== undefined).map((p) => [p.id, p]));
  return found
    .map(({ event, reminder, at, finding }) => ({
      event,
      reminder,
      at,
      key: event ? event.id : `${reminder}:${finding.id}`,
      finding,
      enterprise: finding.enterpriseId ? enterpriseById.get(finding.enterpriseId) : undefined,
      park: parkById.get(finding.parkId),
    }))
    .sort((a, b) => time(b.at) - time(a.at) || (b.event?.ordinal ?? 0) - (a.event?.ordinal ?? 0));
}

type Found = { event: FindingEvent | null; reminder: Reminder | null; at: string; finding: Finding };
const happened = (event: FindingEvent, finding: Finding): Found => ({ event, reminder: null, at: event.at, finding });

/**
 * The reminder of an open finding that has come by now, if it came after
 * `after`: the latest step of the ladder reached — DUE_SOON_DAYS before its
 * due date, then the day after it (the first day it is overdue) — never
 * before the park knew of the finding. A finding already submitted waits for
 * the inspector, not the park.
 */
function reminder(f: Finding, knownAt: string, after: number, { now, tz }: Clock): Found[] {
  if (f.status !== 'open') return [];
  const steps: [Reminder, string][] = [
    ['overdue', addDays(f.dueDate, 1)],
    ['dueSoon', addDays(f.dueDate, -DUE_SOON_DAYS)],
  ];
  for (const [step, day] of steps) {
    const at = Math.max(startOfDate(day, tz).getTime(), time(knownAt));
    if (at <= now.getTime()) return at > after ? [{ event: null, reminder: step, at: new Date(at).toISOString(), finding: f }] : [];
  }
  return [];
}

async function forOperator(db: ParkCheckDb, user: NotificationUser, after: number, clock: Clock): Promise<Found[]> {
  const [findings, events] = await Promise.all([db.findings.toArray(), db.findingEvents.toArray()]);
  const byId = new Map(findings.map((f) => [f.id, f]));
  // Fixed on the spot needs nothing from the park.
  const fresh = findings.filter((f) => !f.rectifiedOnSite);
  const inspections = await db.inspections.bulkGet([...new Set(fresh.map((f) => f.inspectionId))]);
  const inspectionById = new Map(inspections.filter((i) => i !== undefined).map((i) => [i.id, i]));
  const out: Found[] = [];
  for (const f of fresh) {
    const event = creationEvent(f, inspectionById.get(f.inspectionId));
    if (time(event.at) > after && event.actorId !== user.id) out.push(happened(event, f));
    out.push(...reminder(f, event.at, after, clock));
  }
  for (const e of events) {
    const finding = byId.get(e.findingId);
    if (finding && DECISIONS.has(e.type) && e.actorId !== user.id && !e.pending && time(e.at) > after) out.push(happened(e, finding));
  }
  return out;
}

/** What waits for this inspector's or supervisor's decision now, and arrived after `after`. */
async function awaitingDecision(db: ParkCheckDb, user: NotificationUser, after: number): Promise<Found[]> {
  const reinspects = user.role === 'inspector';
  const waiting = (await db.findings.where('status').anyOf('open', 'submitted').toArray()).filter(
    (f) => f.pendingExtension !== null || (reinspects && f.status === 'submitted'),
  );
  if (!waiting.length) return [];
  const events = await db.findingEvents.where('findingId').anyOf(waiting.map((f) => f.id)).toArray();
  const byFinding = new Map<string, LocalFindingEvent[]>();
  for (const e of events) byFinding.set(e.findingId, [...(byFinding.get(e.findingId) ?? []), e]);
  const out: Found[] = [];
  for (const f of waiting) {
    const mine = (byFinding.get(f.id) ?? []).sort((a, b) => a.ordinal - b.ordinal);
    const rectified = f.status === 'submitted' && reinspects ? mine.filter((e) => e.type === 'rectify').at(-1) : undefined;
    const requested = f.pendingExtension ? mine.find((e) => e.id === f.pendingExtension!.eventId) : undefined;
    for (const event of [rectified, requested]) {
      if (event && !event.pending && event.actorId !== user.id && time(event.at) > after) out.push(happened(event, f));
    }
  }
  return out;
}

/** Counted against the last look: notifications after it are unseen. */
export function unseen(notifications: Notification[], seenUpTo: string): Notification[] {
  const after = time(seenUpTo);
  return notifications.filter((n) => time(n.at) > after);
}

/** The new marker after looking at `notifications`: the latest server time among them (never moving back). */
export function lookedAt(notifications: Notification[], seenUpTo: string | null): string | null {
  let latest = seenUpTo;
  for (const n of notifications) if (latest === null || time(n.at) > time(latest)) latest = n.at;
  return latest;
}

export function daysBefore(now: Date, days: number): string {
  return new Date(now.getTime() - days * 86_400_000).toISOString();
}
