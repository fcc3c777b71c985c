/**
 * The finding mutations: rectify, verify, reject, request and decide an
 * extension, comment. Each is one transaction: the mutation is recorded, the
 * finding is locked (so a concurrent verify and reject take turns and the
 * second meets the new status), the shared state machine decides, and the
 * change and its history event are written — or the refusal is recorded
 * instead, so a replay answers the same.
 */
import { formatInstant, localDate } from '../../../shared/dates';
import { MUTATION_ACTION, findingEffect, isRefusal, type FindingMutation } from '../../../shared/finding-effects';
import { REFUSAL_CODES, canTake, refusal, type FindingAction, type RefusalReason } from '../../../shared/finding-machine';
import type { MutationResult } from '../../../shared/schemas/sync';
import { reserveAttachments, unreferenceable } from '../../repo/attachments';
import { dueColumns } from '../../repo/findings';
import {
  eventTaken,
  insertAttachmentRefs,
  insertFindingEvents,
  lockFinding,
  processedMutations,
  recordMutations,
  rejectMutation,
  updateFinding,
  type FindingEventRow,
  type FindingPatch,
} from '../../repo/sync';
import { writeTx } from '../../repo/write';
import { answerRecorded, clamp, idUnavailable, noSuchAttachment, record, rejected, Refusal, type Envelope, type PushContext } from './mutation';

const STATUS_MESSAGES: Record<FindingAction, string> = {
  rectify: 'only an open finding can be rectified',
  verify: 'only a submitted rectification can be verified',
  reject: 'only a submitted rectification can be rejected',
  requestExtension: 'an extension can be requested only for an open finding',
  decideExtension: 'only an open or submitted finding has extensions to decide',
  comment: 'cannot comment',
};

function refusalOf(action: FindingAction, reason: RefusalReason): Refusal {
  const message = {
    role: `your role may not ${action} findings`,
    status: STATUS_MESSAGES[action],
    pendingExtension: 'an extension request is already pending for this finding',
    noPendingExtension: 'there is no pending extension request to decide',
    ownRectification: 'a rectification must be re-inspected by someone other than who submitted it',
    ownExtension: 'an extension must be decided by someone other than who requested it',
    majorBySupervisor: 'a major hazard is closed (销号) only by a supervisor or an admin',
  }[reason];
  return new Refusal(REFUSAL_CODES[reason], message, { reason });
}

export async function applyFindingMutation(
  ctx: PushContext,
  envelope: Envelope,
  m: FindingMutation,
  clientTime: Date,
): Promise<MutationResult> {
  const action = MUTATION_ACTION[m.type];
  const result = await writeTx(ctx.s.db, async (tx, changes): Promise<MutationResult | undefined> => {
    const inserted = await recordMutations(tx, [record(ctx, envelope, clientTime, { status: 'applied' })]);
    if (!inserted.size) return undefined;
    const refuse = async (err: Refusal) => {
      await rejectMutation(tx, ctx.actor.id, envelope.id, err);
      return rejected(envelope.id, err);
    };
    // A role that may never do this learns nothing about the finding (not even whether it exists).
    if (!canTake(action, ctx.actor.role)) return refuse(refusalOf(action, 'role'));
    const finding = await lockFinding(tx, ctx.scope, m.payload.findingId);
    if (!finding) return refuse(new Refusal('not_found', `no such finding ${m.payload.findingId}`));
    const refused = refusal(action, ctx.actor, finding);
    if (refused) return refuse(refusalOf(action, refused));
    if (await eventTaken(tx, m.payload.eventId)) {
      return refuse(idUnavailable('event', m.payload.eventId));
    }

    const at = ctx.receivedAt;
    const when = clamp(ctx, clientTime);
    const effect = findingEffect(m, finding, {
      when,
      whenText: formatInstant(when, ctx.s.tz),
      actorId: ctx.actor.id,
      submittedAt: finding.submittedAt,
      // As of when the user acted: work done offline yesterday is not refused for yesterday's dates.
      today: localDate(when, ctx.s.tz),
    });
    if (isRefusal(effect)) return refuse(new Refusal(effect.refused, effect.message, { reason: effect.reason }));
    const attachmentIds = effect.event.attachmentIds ?? [];
    const hidden = await unreferenceable(tx, ctx.scope, ctx.actor.id, attachmentIds);
    if (hidden.size) return refuse(noSuchAttachment([...hidden][0]!));
    const event: FindingEventRow = {
      id: m.payload.eventId,
      findingId: finding.id,
      parkId: finding.parkId,
      type: action,
      actorId: ctx.actor.id,
      actorName: ctx.actor.name,
      actorRole: ctx.actor.role,
      at,
      clientTime: when,
      mutationId: envelope.id,
      ...effect.event,
    };
    // A due date that moves (an approved extension) moves its end with it.
    const { dueDate, ...change } = effect.patch;
    const patch: FindingPatch =
      dueDate === undefined
        ? { ...change, updatedAt: at }
        : { ...change, ...dueColumns(dueDate, ctx.s.tz), updatedAt: at };
    // The submission waiting for re-inspection: its time becomes rectifiedAt when verified.
    if (m.type === 'finding.rectify') patch.submittedAt = when;
    if (m.type === 'finding.verify' || m.type === 'finding.reject') patch.submittedAt = null;
    await updateFinding(tx, finding.id, patch);
    await insertFindingEvents(tx, [event]);
    await insertAttachmentRefs(
      tx,
      attachmentIds.map((attachmentId) => ({ attachmentId, parkId: finding.parkId })),
    );
    await reserveAttachments(tx, ctx.actor.id, attachmentIds, ctx.receivedAt);
    changes.park('finding', finding.id, finding.parkId);
    changes.park('findingEvent', event.id, finding.parkId);
    return { id: envelope.id, status: 'applied' };
  });
  if (result) return result;
  // Recorded meanwhile by a concurrent request carrying the same mutation.
  const [stored] = await processedMutations(ctx.s.db, ctx.actor.id, [envelope.id]);
  return answerRecorded(envelope.id, stored!);
}
