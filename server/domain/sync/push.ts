/**
 * Sync push (API.md): mutations applied in order, each atomically, one
 * result each. A mutation id seen before answers from its record
 * (`duplicate`, or the same rejection); a bad mutation is only that one
 * rejected. Consecutive inspection submissions go through in one run.
 */
import type { MutationResult } from '../../../shared/schemas/sync';
import { scopeOf } from '../../../shared/scope';
import { processedMutations } from '../../repo/sync';
import type { Actor } from '../../repo/users';
import type { Services } from '../services';
import { applyFindingMutation } from './findings';
import { submitInspections, type ParsedSubmit } from './inspections';
import { UNSTORABLE, answerRecorded, isUnstorable, parseEnvelope, recordRejection, type Envelope, type PushContext } from './mutation';

/** Longest run of inspection submissions applied in one transaction. */
const RUN = 200;

export async function push(
  s: Services,
  actor: Actor,
  req: { clientId: string; sentAt?: string | undefined; mutations: Envelope[] },
  ip: string | null,
): Promise<MutationResult[]> {
  const ctx: PushContext = {
    s,
    actor,
    scope: scopeOf(actor),
    clientId: req.clientId,
    ip,
    receivedAt: s.now(),
    sentAt: req.sentAt ? new Date(req.sentAt) : null,
  };
  const stored = new Map((await processedMutations(s.db, actor.id, [...new Set(req.mutations.map((m) => m.id))])).map((r) => [r.id, r]));
  const answered = new Map<string, MutationResult>();
  const results: MutationResult[] = [];

  let run: ParsedSubmit[] = [];
  const flush = async () => {
    if (!run.length) return;
    const out = await submitInspections(ctx, run);
    out.forEach((r) => answered.set(r.id, r));
    results.push(...out);
    run = [];
  };

  for (const e of req.mutations) {
    const before = stored.get(e.id);
    if (before) {
      await flush();
      results.push(answerRecorded(e.id, before));
      continue;
    }
    if (answered.has(e.id) || run.some((r) => r.envelope.id === e.id)) {
      // The same id twice in one push: the second is a replay of the first.
      await flush();
      const first = answered.get(e.id)!;
      results.push(first.status === 'applied' ? { id: e.id, status: 'duplicate' } : first);
      continue;
    }
    const parsed = parseEnvelope(e);
    if (parsed.ok && parsed.mutation.type === 'inspection.submit') {
      run.push({ envelope: e, payload: parsed.mutation.payload, clientTime: parsed.clientTime });
      if (run.length >= RUN) await flush();
      continue;
    }
    await flush();
    let result: MutationResult;
    if (!parsed.ok) {
      result = await recordRejection(ctx, e, parsed.clientTime, parsed.error);
    } else {
      const m = parsed.mutation as Exclude<typeof parsed.mutation, { type: 'inspection.submit' }>;
      try {
        result = await applyFindingMutation(ctx, e, m, parsed.clientTime);
      } catch (err) {
        if (!isUnstorable(err)) throw err;
        result = await recordRejection(ctx, e, parsed.clientTime, UNSTORABLE);
      }
    }
    answered.set(e.id, result);
    results.push(result);
  }
  await flush();
  return results;
}
