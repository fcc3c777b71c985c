/**
 * What each finding mutation does to the finding and what its history event
 * records — one definition for the server, which applies it, and for the
 * phone, which shows it before the server has seen it (and would otherwise
 * drift from it). Whether the action is allowed at all is the state
 * machine's decision (finding-machine.ts); this is what happens when it is.
 *
 * Times are the caller's type: Date on the server, ISO strings on the phone.
 */
import { nextStatus, type FindingAction, type FindingStatus } from './finding-machine';
import type { PendingExtension } from './schemas/entities';
import type { InspectionInput, Mutation } from './schemas/sync';

export type FindingMutation = Exclude<Mutation, { type: 'inspection.submit' }>;

/** The state machine's action each finding mutation takes. */
export const MUTATION_ACTION: Record<FindingMutation['type'], FindingAction> = {
  'finding.rectify': 'rectify',
  'finding.verify': 'verify',
  'finding.reject': 'reject',
  'finding.requestExtension': 'requestExtension',
  'finding.decideExtension': 'decideExtension',
  'finding.comment': 'comment',
};

/** The finding as the mutation finds it. */
export interface FindingBefore {
  status: FindingStatus;
  dueDate: string;
  pendingExtension: PendingExtension | null;
}

/**
 * The date rules, one per date a user picks: a due date is never in the past
 * (a finding overdue the moment it is written stays overdue for good), and an
 * extension moves it later.
 */
export const DUE_DATE_RULES = {
  /** `finding.requestExtension` newDueDate, `finding.decideExtension` dueDate. */
  extension: (date: string, ctx: { today: string; dueDate: string }) => date > ctx.dueDate && date >= ctx.today,
  /** `finding.reject` newDueDate. */
  reopen: (date: string, ctx: { today: string }) => date >= ctx.today,
  /** `inspection.submit`: a finding's dueDate against the inspection's date. */
  finding: (date: string, ctx: { inspectedOn: string }) => date >= ctx.inspectedOn,
};

/** Why the content of an allowed action is refused; each has words in the app. */
export type ContentReason = 'evidenceRequired' | 'extensionDate' | 'reopenDate' | 'dueBeforeInspection' | 'onSiteEvidence';

export const CONTENT_MESSAGES: Record<ContentReason, string> = {
  evidenceRequired: 'a rectification needs at least one evidence photo',
  extensionDate: 'the new due date must be after the current due date and not before today',
  reopenDate: 'the new due date must not be before today',
  dueBeforeInspection: "the due date is before the inspection's date",
  onSiteEvidence: 'a finding rectified on the spot needs at least one photo',
};

export interface EffectContext<T> {
  /** When the user did it (the client time, clamped by the server). */
  when: T;
  /** `when` as the API writes instants: the extension request's `requestedAt`. */
  whenText: string;
  actorId: string;
  /** When the rectification now being verified was submitted: it becomes `rectifiedAt`. */
  submittedAt: T | null;
  /** Today's date where the findings are (`PARKCHECK_TZ`): due dates are never before it. */
  today: string;
}

export interface FindingEffect<T> {
  event: { note: string | null; attachmentIds: string[]; newDueDate: string | null; approve: boolean | null };
  patch: {
    status: FindingStatus;
    dueDate?: string;
    pendingExtension?: PendingExtension | null;
    rectifiedAt?: T | null;
    closedAt?: T;
    submittedBy?: string | null;
  };
}

/** A request the state machine allows but whose content is wrong. */
export interface EffectRefusal {
  refused: 'invalid_request';
  reason: ContentReason;
  message: string;
}

const refuse = (reason: ContentReason): EffectRefusal => ({ refused: 'invalid_request', reason, message: CONTENT_MESSAGES[reason] });

export function findingEffect<T>(m: FindingMutation, finding: FindingBefore, ctx: EffectContext<T>): FindingEffect<T> | EffectRefusal {
  const event: FindingEffect<T>['event'] = { note: null, attachmentIds: [], newDueDate: null, approve: null };
  const patch: FindingEffect<T>['patch'] = { status: nextStatus(MUTATION_ACTION[m.type], finding.status) };
  switch (m.type) {
    case 'finding.rectify':
      if (m.payload.attachmentIds.length === 0) return refuse('evidenceRequired');
      Object.assign(event, { note: m.payload.note, attachmentIds: m.payload.attachmentIds });
      patch.submittedBy = ctx.actorId;
      break;
    case 'finding.verify':
      event.note = m.payload.note ?? null;
      // The accepted submission's time is when it was rectified (the on-time rate).
      Object.assign(patch, { rectifiedAt: ctx.submittedAt, closedAt: ctx.when, pendingExtension: null, submittedBy: null });
      break;
    case 'finding.reject': {
      const newDueDate = m.payload.newDueDate;
      if (newDueDate !== undefined && !DUE_DATE_RULES.reopen(newDueDate, ctx)) return refuse('reopenDate');
      Object.assign(event, { note: m.payload.reason, attachmentIds: m.payload.attachmentIds ?? [], newDueDate: newDueDate ?? null });
      patch.submittedBy = null;
      if (newDueDate !== undefined) patch.dueDate = newDueDate;
      break;
    }
    case 'finding.requestExtension':
      if (!DUE_DATE_RULES.extension(m.payload.newDueDate, { today: ctx.today, dueDate: finding.dueDate })) {
        return refuse('extensionDate');
      }
      Object.assign(event, { note: m.payload.reason, newDueDate: m.payload.newDueDate });
      patch.pendingExtension = {
        eventId: m.payload.eventId,
        newDueDate: m.payload.newDueDate,
        reason: m.payload.reason,
        requestedBy: ctx.actorId,
        requestedAt: ctx.whenText,
      };
      break;
    case 'finding.decideExtension': {
      const granted = m.payload.approve ? (m.payload.dueDate ?? finding.pendingExtension!.newDueDate) : finding.pendingExtension!.newDueDate;
      if (m.payload.approve && m.payload.dueDate !== undefined && !DUE_DATE_RULES.extension(granted, { today: ctx.today, dueDate: finding.dueDate })) {
        return refuse('extensionDate');
      }
      Object.assign(event, { note: m.payload.note ?? null, approve: m.payload.approve, newDueDate: granted });
      patch.pendingExtension = null;
      if (m.payload.approve) patch.dueDate = granted;
      break;
    }
    case 'finding.comment':
      Object.assign(event, { note: m.payload.note, attachmentIds: m.payload.attachmentIds ?? [] });
      break;
  }
  return { event, patch };
}

export const isRefusal = <T>(effect: FindingEffect<T> | EffectRefusal): effect is EffectRefusal => 'refused' in effect;

/** A finding of an inspection that breaks a rule, and which rule. */
export interface InspectionIssue {
  findingId: string;
  problem: Extract<ContentReason, 'dueBeforeInspection' | 'onSiteEvidence'>;
}

/**
 * What is wrong with an inspection's findings; empty when nothing is.
 * `inspectedOn` is the inspection's date where the park is (`PARKCHECK_TZ`).
 */
export function inspectionIssues(i: InspectionInput, inspectedOn: string): InspectionIssue[] {
  const issues: InspectionIssue[] = [];
  for (const f of i.findings) {
    if (f.rectifiedOnSite && f.attachmentIds.length === 0) issues.push({ findingId: f.id, problem: 'onSiteEvidence' });
    else if (!f.rectifiedOnSite && !DUE_DATE_RULES.finding(f.dueDate, { inspectedOn })) {
      issues.push({ findingId: f.id, problem: 'dueBeforeInspection' });
    }
  }
  return issues;
}

/**
 * The findings an inspection creates, as submitted. Fixed on the spot means
 * closed at once and rectified when it was observed.
 */
export function findingsOfInspection<T>(i: InspectionInput, category: string, inspectedAt: T) {
  return i.findings.map((f) => ({
    id: f.id,
    inspectionId: i.id,
    parkId: i.parkId,
    enterpriseId: i.enterpriseId ?? null,
    templateId: i.templateId,
    itemCode: f.itemCode ?? null,
    category,
    severity: f.severity,
    description: f.description,
    location: f.location ?? null,
    requirement: f.requirement ?? null,
    dueDate: f.dueDate,
    status: f.rectifiedOnSite ? ('closed' as const) : ('open' as const),
    rectifiedOnSite: f.rectifiedOnSite,
    attachmentIds: f.attachmentIds,
    observedAt: inspectedAt,
    rectifiedAt: f.rectifiedOnSite ? inspectedAt : null,
    closedAt: f.rectifiedOnSite ? inspectedAt : null,
  }));
}
