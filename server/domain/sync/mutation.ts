/**
 * What every mutation shares: parsing its envelope, the phone's clock, its
 * record in `mutations`, and the answer for one already processed.
 */
import { CLOCK_SKEW_TOLERANCE_MS, MUTATION_PAYLOADS, type Mutation, type MutationResult } from '../../../shared/schemas/sync';
import { Timestamp, fieldIssues } from '../../../shared/schemas/common';
import type { ErrorCode } from '../../../shared/schemas/common';
import type { Scope } from '../../../shared/scope';
import type { MutationRow } from '../../repo/sync';
import type { Actor } from '../../repo/users';
import type { Services } from '../services';

export interface Envelope {
  id: string;
  type: string;
  payload: unknown;
  clientTime: unknown;
}

export interface PushContext {
  s: Services;
  actor: Actor;
  scope: Scope;
  clientId: string;
  ip: string | null;
  /** The server's receipt time: orders everything, bounds every phone time. */
  receivedAt: Date;
  /** The phone's clock when it sent the push, when it said. */
  sentAt: Date | null;
}

export class Refusal extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    /** Machine-readable specifics: the rule's reason, the findings at fault. */
    readonly details?: unknown,
  ) {
    super(message);
  }
}

export type Parsed = { ok: true; mutation: Mutation; clientTime: Date } | { ok: false; error: Refusal; clientTime: Date | null };

export function parseEnvelope(e: Envelope): Parsed {
  const time = Timestamp.safeParse(e.clientTime);
  const clientTime = time.success ? new Date(time.data) : null;
  if (!(e.type in MUTATION_PAYLOADS)) {
    return { ok: false, clientTime, error: new Refusal('invalid_request', `unknown mutation type ${JSON.stringify(e.type)}`) };
  }
  if (!clientTime) {
    return { ok: false, clientTime, error: new Refusal('invalid_request', 'clientTime: expected an ISO 8601 timestamp with offset') };
  }
  const payload = MUTATION_PAYLOADS[e.type as keyof typeof MUTATION_PAYLOADS].safeParse(e.payload);
  if (!payload.success) {
    const issues = fieldIssues(payload.error).map((i) => `payload.${i.path}: ${i.message}`);
    return { ok: false, clientTime, error: new Refusal('invalid_request', `invalid payload: ${issues.join('; ')}`) };
  }
  return {
    ok: true,
    clientTime,
    mutation: { id: e.id, type: e.type, payload: payload.data, clientTime: e.clientTime } as Mutation,
  };
}

/** A phone time, never later than the server's receipt. */
export const clamp = (ctx: PushContext, t: Date) => (t > ctx.receivedAt ? ctx.receivedAt : t);

/**
 * The phone clock's error when beyond the tolerance, else null. Judged from
 * the push's sentAt; without it, only a clientTime in the future gives a
 * wrong clock away (an old clientTime is just a mutation made offline).
 */
export function skewOf(ctx: PushContext, clientTime: Date | null): number | null {
  const reference = ctx.sentAt ?? (clientTime && clientTime > ctx.receivedAt ? clientTime : null);
  if (!reference) return null;
  const skew = reference.getTime() - ctx.receivedAt.getTime();
  return Math.abs(skew) > CLOCK_SKEW_TOLERANCE_MS ? skew : null;
}

export function record(
  ctx: PushContext,
  e: Envelope,
  clientTime: Date | null,
  outcome: { status: 'applied' } | { status: 'rejected'; error: Refusal },
): MutationRow {
  return {
    id: e.id,
    userId: ctx.actor.id,
    clientId: ctx.clientId,
    type: String(e.type).slice(0, 100),
    status: outcome.status,
    error: outcome.status === 'rejected' ? errorOf(outcome.error) : null,
    clientTime,
    receivedAt: ctx.receivedAt,
    clockSkewMs: skewOf(ctx, clientTime),
    ip: ctx.ip,
  };
}

/** The answer for a mutation id already recorded. */
export function answerRecorded(
  ctx: PushContext,
  id: string,
  stored: { userId: string; status: 'applied' | 'rejected'; error: { code: string; message: string } | null },
): MutationResult {
  if (stored.userId !== ctx.actor.id) {
    return { id, status: 'rejected', error: { code: 'conflict', message: 'this mutation id was used by another user' } };
  }
  if (stored.status === 'applied') return { id, status: 'duplicate' };
  return { id, status: 'rejected', error: stored.error as MutationResult['error'] };
}

const errorOf = (r: Refusal): NonNullable<MutationResult['error']> => ({
  code: r.code,
  message: r.message,
  ...(r.details === undefined ? {} : { details: r.details }),
});

export const rejected = (id: string, error: Refusal): MutationResult => ({ id, status: 'rejected', error: errorOf(error) });
