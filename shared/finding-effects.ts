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

export interface EffectContext<T> {
  /** When the user did it (the client time, clamped by the server). */
  when: T;
  /** `when` as the API writes instants: the extension request's `requestedAt`. */
  whenText: string;
  actorId: string;
  /** When the rectification now being verified was submitted: it becomes `rectifiedAt`. */
  submittedAt: T | null;
}

export interface FindingEffect<T> {
  event: { note: string | null; attachmentIds: string[]; newDueDate: string | null; approve: boolean | null };
  patch: {
    status: FindingStatus;
    dueDate?: string;
    pendingExtension?: PendingExtension | null;
    rectifiedAt?: T | null;
    closedAt?: T;
  };
}

/** A request the state machine allows but whose content is wrong. */
export interface EffectRefusal {
  refused: 'invalid_request';
  message: string;
}

export function findingEffect<T>(m: FindingMutation, finding: FindingBefore, ctx: EffectContext<T>): FindingEffect<T> | EffectRefusal {
  const event: FindingEffect<T>['event'] = { note: null, attachmentIds: [], newDueDate: null, approve: null };
  const patch: FindingEffect<T>['patch'] = { status: nextStatus(MUTATION_ACTION[m.type], finding.status) };
  switch (m.type) {
    case 'finding.rectify':
      Object.assign(event, { note: m.payload.note, attachmentIds: m.payload.attachmentIds });
      break;
    case 'finding.verify':
      event.note = m.payload.note ?? null;
      // The accepted submission's time is when it was rectified (the on-time rate).
      Object.assign(patch, { rectifiedAt: ctx.submittedAt, closedAt: ctx.when, pendingExtension: null });
      break;
    case 'finding.reject':
      Object.assign(event, { note: m.payload.reason, attachmentIds: m.payload.attachmentIds ?? [] });
      break;
    case 'finding.requestExtension':
      if (m.payload.newDueDate <= finding.dueDate) {
        return { refused: 'invalid_request', message: `the new due date must be after ${finding.dueDate}` };
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
      const requested = finding.pendingExtension!.newDueDate;
      Object.assign(event, { note: m.payload.note ?? null, approve: m.payload.approve, newDueDate: requested });
      patch.pendingExtension = null;
      if (m.payload.approve) patch.dueDate = requested;
      break;
    }
    case 'finding.comment':
      Object.assign(event, { note: m.payload.note, attachmentIds: m.payload.attachmentIds ?? [] });
      break;
  }
  return { event, patch };
}

export const isRefusal = <T>(effect: FindingEffect<T> | EffectRefusal): effect is EffectRefusal => 'refused' in effect;

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
