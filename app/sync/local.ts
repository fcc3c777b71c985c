/**
 * The local side of each mutation: what the phone shows right away, before
 * the server has seen it. It follows the server's rules (the shared state
 * machine), so the optimistic state is what the server will answer in all
 * but the races it decides. Used when a mutation is queued and again when a
 * pull brings newer server data (rebase: the user's pending changes are
 * re-applied over it, so they never flicker away).
 *
 * Must run inside a Dexie transaction over the tables in LOCAL_TABLES.
 */
import { localDate } from '../../shared/dates';
import { CONTENT_MESSAGES, MUTATION_ACTION, findingEffect, findingsOfInspection, inspectionIssues, isRefusal } from '../../shared/finding-effects';
import { REFUSAL_CODES, refusal, type RefusalReason, type Role } from '../../shared/finding-machine';
import type { ContentReason } from '../../shared/finding-effects';
import type { Mutation } from '../../shared/schemas/sync';
import type { LocalFinding, LocalFindingEvent, ParkCheckDb } from '../db/database';

export const LOCAL_TABLES = ['inspections', 'findings', 'findingEvents', 'templates'] as const;

export interface LocalUser {
  id: string;
  name: string;
  role: Role;
  /** The deployment's time zone (PARKCHECK_TZ): "today" for the date rules. */
  tz: string;
}

/** Why the phone refuses an action at once (the server would refuse it too). */
export class LocalRefusal extends Error {
  override readonly name = 'LocalRefusal';

  constructor(
    readonly code: 'forbidden' | 'not_found' | 'invalid_transition' | 'invalid_request' | 'conflict',
    message: string,
    /** The rule broken, for words in the user's language. */
    readonly reason?: RefusalReason | ContentReason,
  ) {
    super(message);
  }
}

/** Local history entries sort after the server's, in the order they were made. */
export const LOCAL_ORDINAL_BASE = 2 ** 50;

/** The ids of the rows a mutation changes: what a pull must be rebased for. */
export function touchedIds(m: Mutation): string[] {
  if (m.type === 'inspection.submit') return [m.payload.inspection.id, ...m.payload.inspection.findings.map((f) => f.id)];
  return [m.payload.findingId];
}

export async function applyLocally(db: ParkCheckDb, m: Mutation, user: LocalUser, order: number): Promise<void> {
  if (m.type === 'inspection.submit') return submitLocally(db, m, user);
  const action = MUTATION_ACTION[m.type];
  const finding = await db.findings.get(m.payload.findingId);
  if (!finding) throw new LocalRefusal('not_found', 'this finding is not on this phone');
  const refused = refusal(action, user, { ...finding, submittedBy: finding.submittedBy ?? null });
  if (refused) throw new LocalRefusal(REFUSAL_CODES[refused], `cannot ${action} this finding (${refused})`, refused);

  // The rectification being verified is the latest submission in the history.
  const submittedAt =
    m.type === 'finding.verify'
      ? ((await db.findingEvents.where('findingId').equals(finding.id).sortBy('ordinal')).filter((e) => e.type === 'rectify').at(-1)?.clientTime ?? null)
      : null;
  const today = localDate(new Date(m.clientTime), user.tz);
  const effect = findingEffect(m, finding, { when: m.clientTime, whenText: m.clientTime, actorId: user.id, submittedAt, today });
  if (isRefusal(effect)) throw new LocalRefusal(effect.refused, effect.message, effect.reason);
  const event: LocalFindingEvent = {
    id: m.payload.eventId,
    findingId: finding.id,
    parkId: finding.parkId,
    type: action,
    actorId: user.id,
    actorName: user.name,
    actorRole: user.role,
    at: m.clientTime,
    ordinal: LOCAL_ORDINAL_BASE + order,
    clientTime: m.clientTime,
    ...effect.event,
    pending: 1,
  };
  const patch: Partial<LocalFinding> = { ...effect.patch, updatedAt: m.clientTime, pending: 1 };
  await db.findings.update(finding.id, patch);
  await db.findingEvents.put(event);
}

async function submitLocally(
  db: ParkCheckDb,
  m: Extract<Mutation, { type: 'inspection.submit' }>,
  user: LocalUser,
): Promise<void> {
  const i = m.payload.inspection;
  const template = await db.templates.get(i.templateId);
  if (!template) throw new LocalRefusal('not_found', 'this checklist is not on this phone');
  const [issue] = inspectionIssues(i, localDate(new Date(i.inspectedAt), user.tz));
  if (issue) throw new LocalRefusal('invalid_request', `finding ${issue.findingId}: ${CONTENT_MESSAGES[issue.problem]}`, issue.problem);
  await db.inspections.put({
    id: i.id,
    templateId: i.templateId,
    parkId: i.parkId,
    enterpriseId: i.enterpriseId ?? null,
    inspectorId: user.id,
    inspectorName: user.name,
    inspectedAt: i.inspectedAt,
    receivedAt: m.clientTime,
    geo: i.geo ?? null,
    signatureAttachmentId: i.signatureAttachmentId ?? null,
    note: i.note ?? null,
    answers: i.answers,
    pending: 1,
  });
  await db.findings.bulkPut(
    findingsOfInspection(i, template.category, i.inspectedAt).map((f) => ({
      ...f,
      overdue: false,
      pendingExtension: null,
      submittedBy: null,
      updatedAt: m.clientTime,
      pending: 1 as const,
    })),
  );
}
