/**
 * `inspection.submit`: an inspection, its answers and its findings, as the
 * phone recorded them offline. A run of consecutive submissions is applied
 * in one transaction: everything is checked first, then written with a few
 * multi-row inserts — what lets a morning's inspections (hundreds) sync in
 * well under a second. If the run meets a concurrent writer (the same
 * mutation or the same ids arriving through another request), it is rolled
 * back and each submission is applied on its own, so the answers are the
 * same as if they had come one by one.
 */
import { localDate } from '../../../shared/dates';
import { CONTENT_MESSAGES, findingsOfInspection, inspectionIssues } from '../../../shared/finding-effects';
import { INSPECT_ROLES } from '../../../shared/finding-machine';
import type { MutationResult, MutationPayload } from '../../../shared/schemas/sync';
import {
  insertAttachmentRefs,
  insertFindings,
  insertInspections,
  processedMutations,
  recordMutations,
  submitContext,
  type FindingRow,
  type InspectionRow,
  type MutationRow,
} from '../../repo/sync';
import type { Tx } from '../../db/client';
import { reserveAttachments, unreferenceable } from '../../repo/attachments';
import { dueColumns } from '../../repo/findings';
import { plansCoveringInspections } from '../../repo/plans';
import { writeTx } from '../../repo/write';
import { sqlState } from '../errors';
import {
  UNSTORABLE,
  answerRecorded,
  idUnavailable,
  noSuchAttachment,
  clamp,
  isUnstorable,
  record,
  recordRejection,
  rejected,
  Refusal,
  type Envelope,
  type PushContext,
} from './mutation';

type Submit = MutationPayload<'inspection.submit'>;

export interface ParsedSubmit {
  envelope: Envelope;
  payload: Submit;
  clientTime: Date;
}

interface Lookups {
  templates: Map<string, { id: string; category: string; itemCodes: Set<string> }>;
  parks: Set<string>;
  enterprises: Map<string, string>;
  takenInspections: Set<string>;
  takenFindings: Set<string>;
  /** Attachments the caller may not reference (someone else's, out of scope). */
  hiddenAttachments: Set<string>;
}

interface Plan {
  inspection: InspectionRow;
  findings: FindingRow[];
  refs: { attachmentId: string; parkId: string }[];
}

/** Raised inside the transaction to abandon a run that met a concurrent writer. */
class Contended extends Error {}

async function lookups(ctx: PushContext, tx: Tx, items: ParsedSubmit[]): Promise<Lookups> {
  const ins = items.map((i) => i.payload.inspection);
  const unique = (xs: (string | undefined)[]) => [...new Set(xs.filter((x): x is string => Boolean(x)))];
  const hiddenAttachments = await unreferenceable(tx, ctx.scope, ctx.actor.id, unique(ins.flatMap(attachmentsOf)));
  const found = await submitContext(tx, ctx.scope, {
    templates: unique(ins.map((i) => i.templateId)),
    parks: unique(ins.map((i) => i.parkId)),
    enterprises: unique(ins.map((i) => i.enterpriseId)),
    inspections: unique(ins.map((i) => i.id)),
    findings: unique(ins.flatMap((i) => i.findings.map((f) => f.id))),
  });
  return {
    templates: new Map(found.templates.map((t) => [t.id, { id: t.id, category: t.category, itemCodes: new Set(t.itemCodes) }])),
    parks: new Set(found.parks),
    enterprises: new Map(found.enterprises.map((e) => [e.id, e.parkId])),
    takenInspections: new Set(found.takenInspections),
    takenFindings: new Set(found.takenFindings),
    hiddenAttachments,
  };
}

function plan(ctx: PushContext, item: ParsedSubmit, look: Lookups): Plan {
  const i = item.payload.inspection;
  const template = look.templates.get(i.templateId);
  if (!template) throw new Refusal('not_found', `no such template ${i.templateId}`);
  if (!look.parks.has(i.parkId)) throw new Refusal('not_found', `no such park ${i.parkId}`);
  if (i.enterpriseId !== undefined) {
    const park = look.enterprises.get(i.enterpriseId);
    if (!park) throw new Refusal('not_found', `no such enterprise ${i.enterpriseId}`);
    if (park !== i.parkId) throw new Refusal('invalid_request', 'the enterprise is not in this park');
  }
  if (look.takenInspections.has(i.id)) throw idUnavailable('inspection', i.id);
  const answered = new Set<string>();
  for (const a of i.answers) {
    if (!template.itemCodes.has(a.itemCode)) throw new Refusal('invalid_request', `answer for unknown item ${a.itemCode}`);
    if (answered.has(a.itemCode)) throw new Refusal('invalid_request', `item ${a.itemCode} answered twice`);
    answered.add(a.itemCode);
  }
  const ids = new Set<string>();
  for (const f of i.findings) {
    if (look.takenFindings.has(f.id) || ids.has(f.id)) throw idUnavailable('finding', f.id);
    ids.add(f.id);
    if (f.itemCode !== undefined && !template.itemCodes.has(f.itemCode)) {
      throw new Refusal('invalid_request', `finding for unknown item ${f.itemCode}`);
    }
  }

  const attachments = attachmentsOf(i);
  const hidden = attachments.find((id) => look.hiddenAttachments.has(id));
  if (hidden) throw noSuchAttachment(hidden);

  const inspectedAt = clamp(ctx, new Date(i.inspectedAt));
  const issues = inspectionIssues(i, localDate(inspectedAt, ctx.s.tz));
  if (issues.length) {
    const named = issues.map((x) => `finding ${x.findingId}: ${CONTENT_MESSAGES[x.problem]}`).join('; ');
    throw new Refusal('invalid_request', named, issues);
  }
  const { actor, receivedAt } = ctx;
  const findings: FindingRow[] = findingsOfInspection(i, template.category, inspectedAt).map((f) => ({
    ...f,
    ...dueColumns(f.dueDate, ctx.s.tz),
    createdAt: receivedAt,
    updatedAt: receivedAt,
  }));
  return {
    inspection: {
      id: i.id,
      templateId: template.id,
      parkId: i.parkId,
      enterpriseId: i.enterpriseId ?? null,
      inspectorId: actor.id,
      inspectorName: actor.name,
      inspectedAt,
      clientInspectedAt: new Date(i.inspectedAt),
      receivedAt,
      geo: i.geo ?? null,
      signatureAttachmentId: i.signatureAttachmentId ?? null,
      note: i.note ?? null,
      answers: i.answers,
      mutationId: item.envelope.id,
    },
    findings,
    refs: [...new Set(attachments)].map((attachmentId) => ({ attachmentId, parkId: i.parkId })),
  };
}

/** Every attachment an inspection references: its signature and its findings' photos. */
const attachmentsOf = (i: Submit['inspection']) => [
  ...(i.signatureAttachmentId ? [i.signatureAttachmentId] : []),
  ...i.findings.flatMap((f) => f.attachmentIds),
];

/** Applies a run of inspection.submit mutations; one result per item, in order. */
export async function submitInspections(ctx: PushContext, items: ParsedSubmit[]): Promise<MutationResult[]> {
  try {
    return await applyRun(ctx, items);
  } catch (err) {
    const unstorable = isUnstorable(err);
    if (!(err instanceof Contended) && sqlState(err) !== '23505' && !unstorable) throw err;
    if (items.length > 1) {
      const results: MutationResult[] = [];
      for (const item of items) results.push(...(await submitInspections(ctx, [item])));
      return results;
    }
    if (unstorable) return [await recordRejection(ctx, items[0]!.envelope, items[0]!.clientTime, UNSTORABLE)];
    // A lone submission that lost a race: what was recorded answers it.
    const [stored] = await processedMutations(ctx.s.db, ctx.actor.id, [items[0]!.envelope.id]);
    if (stored) return [answerRecorded(stored.id, stored)];
    return applyRun(ctx, items);
  }
}

async function applyRun(ctx: PushContext, items: ParsedSubmit[]): Promise<MutationResult[]> {
  return writeTx(ctx.s.db, async (tx, changes) => {
    const look = await lookups(ctx, tx, items);
    const results: MutationResult[] = [];
    const records: MutationRow[] = [];
    const plans: Plan[] = [];
    const mayInspect = INSPECT_ROLES.includes(ctx.actor.role);
    for (const item of items) {
      try {
        if (!mayInspect) throw new Refusal('forbidden', 'only inspectors and admins submit inspections');
        const p = plan(ctx, item, look);
        plans.push(p);
        // Later items of this run must see the ids this one takes.
        look.takenInspections.add(p.inspection.id);
        for (const f of p.findings) look.takenFindings.add(f.id);
        records.push(record(ctx, item.envelope, item.clientTime, { status: 'applied' }));
        results.push({ id: item.envelope.id, status: 'applied' });
      } catch (err) {
        if (!(err instanceof Refusal)) throw err;
        records.push(record(ctx, item.envelope, item.clientTime, { status: 'rejected', error: err }));
        results.push(rejected(item.envelope.id, err));
      }
    }
    const inserted = await recordMutations(tx, records);
    if (inserted.size !== records.length) throw new Contended();
    await insertInspections(tx, plans.map((p) => p.inspection));
    await insertFindings(tx, plans.flatMap((p) => p.findings));
    const refs = plans.flatMap((p) => p.refs);
    await insertAttachmentRefs(tx, refs);
    await reserveAttachments(tx, ctx.actor.id, [...new Set(refs.map((r) => r.attachmentId))], ctx.receivedAt);
    for (const p of plans) {
      changes.park('inspection', p.inspection.id, p.inspection.parkId);
      for (const f of p.findings) changes.park('finding', f.id, f.parkId);
    }
    // Inspection plans this run may have advanced are delivered again, with their coverage.
    const visited = plans.flatMap(({ inspection: i }) => (i.enterpriseId ? [{ enterpriseId: i.enterpriseId, inspectedAt: i.inspectedAt }] : []));
    for (const id of await plansCoveringInspections(tx, visited)) changes.plan(id);
    return results;
  });
}
