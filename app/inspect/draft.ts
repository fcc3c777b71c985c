/**
 * An inspection in progress (a draft), kept in IndexedDB and saved on every
 * tap: closing the tab or the phone dying resumes exactly there. Submitting
 * turns it into one `inspection.submit` mutation and deletes it, in the same
 * transaction as the outbox entry.
 *
 * Plain TypeScript over Dexie (no Vue), so the rules are testable.
 */
import { addDays, localDate } from '../../shared/dates';
import type { AnswerResult, Template, TemplateItem } from '../../shared/schemas/entities';
import type { FindingInput, InspectionInput } from '../../shared/schemas/sync';
import type { InspectionDraft, ParkCheckDb } from '../db/database';
import { deletePhoto } from '../sync/photos';

export interface DraftFinding {
  id: string;
  itemCode?: string;
  severity: 'general' | 'major';
  description: string;
  location: string;
  requirement: string;
  dueDate: string;
  rectifiedOnSite: boolean;
  attachmentIds: string[];
}

export interface DraftState {
  inspectedAt: string;
  answers: Record<string, { result: AnswerResult; note?: string }>;
  findings: DraftFinding[];
  /** The item the inspector was on, to resume there. */
  current: string | null;
  geo?: { lat: number; lng: number; accuracy: number };
  signatureAttachmentId?: string;
  note?: string;
}

export type Draft = InspectionDraft & { state: DraftState };

export const itemsOf = (t: Template): TemplateItem[] => t.sections.flatMap((s) => s.items);

export async function startDraft(
  db: ParkCheckDb,
  o: { userId: string; parkId: string; enterpriseId: string | null; templateId: string; now?: Date },
): Promise<string> {
  const now = (o.now ?? new Date()).toISOString();
  const id = crypto.randomUUID();
  const state: DraftState = { inspectedAt: now, answers: {}, findings: [], current: null };
  await db.transaction('rw', db.drafts, db.visits, async () => {
    await db.drafts.put({
      id,
      userId: o.userId,
      parkId: o.parkId,
      enterpriseId: o.enterpriseId,
      templateId: o.templateId,
      startedAt: now,
      updatedAt: now,
      state,
    });
    if (o.enterpriseId) await db.visits.put({ userId: o.userId, enterpriseId: o.enterpriseId, at: now });
  });
  return id;
}

/** Applies `change` to the draft's state and saves it at once. */
export async function updateDraft(db: ParkCheckDb, id: string, change: (s: DraftState) => void): Promise<void> {
  await db.transaction('rw', db.drafts, async () => {
    const draft = (await db.drafts.get(id)) as Draft | undefined;
    if (!draft) throw new Error('this inspection is no longer on this phone');
    change(draft.state);
    await db.drafts.put({ ...draft, updatedAt: new Date().toISOString() });
  });
}

/**
 * The default deadline: the item's own, else 7 days for a general and 30 for
 * a major hazard (SPEC §3), counted from the inspection's date in `tz` (the
 * deployment's zone, where the server judges due dates).
 */
export function defaultDueDate(inspectedAt: string, severity: 'general' | 'major', tz: string, item?: TemplateItem): string {
  return addDays(localDate(new Date(inspectedAt), tz), item?.dueDays ?? (severity === 'major' ? 30 : 7));
}

/** A finding pre-filled from the failed item (or blank, for a free-form finding). */
export function newFinding(
  state: DraftState,
  tz: string,
  item: TemplateItem | undefined,
  words: { description: string; requirement: string } = { description: '', requirement: '' },
): DraftFinding {
  const severity = item?.severity ?? 'general';
  return {
    id: crypto.randomUUID(),
    ...(item ? { itemCode: item.code } : {}),
    severity,
    description: words.description,
    location: '',
    requirement: words.requirement,
    dueDate: defaultDueDate(state.inspectedAt, severity, tz, item),
    rectifiedOnSite: false,
    attachmentIds: [],
  };
}

/** Removes a finding and the photos taken for it (they were never sent). */
export async function removeFinding(db: ParkCheckDb, draftId: string, findingId: string): Promise<void> {
  let photos: string[] = [];
  await updateDraft(db, draftId, (s) => {
    photos = s.findings.find((f) => f.id === findingId)?.attachmentIds ?? [];
    s.findings = s.findings.filter((f) => f.id !== findingId);
  });
  for (const p of photos) await deletePhoto(db, p);
}

export async function discardDraft(db: ParkCheckDb, draftId: string): Promise<void> {
  const draft = (await db.drafts.get(draftId)) as Draft | undefined;
  if (!draft) return;
  const photos = [...draft.state.findings.flatMap((f) => f.attachmentIds), ...(draft.state.signatureAttachmentId ? [draft.state.signatureAttachmentId] : [])];
  await db.drafts.delete(draftId);
  for (const p of photos) await deletePhoto(db, p);
}

export type DraftProblem =
  | { kind: 'unanswered'; itemCodes: string[] }
  | { kind: 'failWithoutFinding'; itemCodes: string[] }
  | { kind: 'photoRequired'; findingIds: string[] }
  | { kind: 'emptyDescription'; findingIds: string[] };

/** What stops a draft from being submitted. */
export function problems(draft: Draft, template: Template): DraftProblem[] {
  const items = itemsOf(template);
  const out: DraftProblem[] = [];
  const unanswered = items.filter((i) => !draft.state.answers[i.code]).map((i) => i.code);
  if (unanswered.length) out.push({ kind: 'unanswered', itemCodes: unanswered });
  const withFinding = new Set(draft.state.findings.map((f) => f.itemCode));
  const bare = items.filter((i) => draft.state.answers[i.code]?.result === 'fail' && !withFinding.has(i.code)).map((i) => i.code);
  if (bare.length) out.push({ kind: 'failWithoutFinding', itemCodes: bare });
  const needsPhoto = new Set(items.filter((i) => i.photoRequired).map((i) => i.code));
  const noPhoto = draft.state.findings.filter((f) => f.itemCode && needsPhoto.has(f.itemCode) && f.attachmentIds.length === 0).map((f) => f.id);
  if (noPhoto.length) out.push({ kind: 'photoRequired', findingIds: noPhoto });
  const empty = draft.state.findings.filter((f) => !f.description.trim()).map((f) => f.id);
  if (empty.length) out.push({ kind: 'emptyDescription', findingIds: empty });
  return out;
}

/** The draft as the mutation the server expects. */
export function toInspection(draft: Draft): InspectionInput {
  const s = draft.state;
  const findings: FindingInput[] = s.findings.map((f) => ({
    id: f.id,
    ...(f.itemCode ? { itemCode: f.itemCode } : {}),
    severity: f.severity,
    description: f.description.trim(),
    ...(f.location.trim() ? { location: f.location.trim() } : {}),
    ...(f.requirement.trim() ? { requirement: f.requirement.trim() } : {}),
    dueDate: f.dueDate,
    rectifiedOnSite: f.rectifiedOnSite,
    attachmentIds: f.attachmentIds,
  }));
  const note = s.note?.trim();
  return {
    id: draft.id,
    templateId: draft.templateId,
    parkId: draft.parkId,
    ...(draft.enterpriseId ? { enterpriseId: draft.enterpriseId } : {}),
    inspectedAt: s.inspectedAt,
    ...(s.geo ? { geo: s.geo } : {}),
    ...(s.signatureAttachmentId ? { signatureAttachmentId: s.signatureAttachmentId } : {}),
    ...(note ? { note } : {}),
    answers: Object.entries(s.answers).map(([itemCode, a]) => ({ itemCode, result: a.result, ...(a.note ? { note: a.note } : {}) })),
    findings,
  };
}
