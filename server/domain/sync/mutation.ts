/**
 * What every mutation shares: parsing its envelope, the phone's clock, its
 * record in `mutations`, and the answer for one already processed.
 */
import { CLOCK_SKEW_TOLERANCE_MS, MUTATION_PAYLOADS, type Mutation, type MutationResult } from '../../../shared/schemas/sync';
import { PhoneTimestamp, fieldIssues, isStorableText, unstorableTextAt } from '../../../shared/schemas/common';
import type { ErrorCode } from '../../../shared/schemas/common';
import type { Scope } from '../../../shared/scope';
import { processedMutations, recordMutations, type MutationRow } from '../../repo/sync';
import type { Actor } from '../../repo/users';
import { sqlState } from '../errors';
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

/** The payload schema of a known type; an own property only, so `constructor` or `__proto__` is just unknown. */
const payloadSchema = (type: string) =>
  Object.hasOwn(MUTATION_PAYLOADS, type) ? MUTATION_PAYLOADS[type as keyof typeof MUTATION_PAYLOADS] : undefined;

export function parseEnvelope(e: Envelope): Parsed {
  const time = PhoneTimestamp.safeParse(e.clientTime);
  const clientTime = time.success ? new Date(time.data) : null;
  const schema = payloadSchema(e.type);
  if (!schema) {
    return { ok: false, clientTime, error: new Refusal('invalid_request', `unknown mutation type ${JSON.stringify(e.type)}`) };
  }
  if (!clientTime) {
    return {
      ok: false,
      clientTime,
      error: new Refusal('invalid_request', 'clientTime: expected an ISO 8601 timestamp with offset between the years 1000 and 2999'),
    };
  }
  const unstorable = unstorableTextAt(e.payload);
  if (unstorable !== null) {
    return {
      ok: false,
      clientTime,
      error: new Refusal('invalid_request', `invalid payload: payload.${unstorable}: contains a NUL character or a lone surrogate`),
    };
  }
  const payload = schema.safeParse(e.payload);
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

/** How far back a phone time may lie: a clock reset to 1900 must not reach into reports (API.md "Hardening"). */
const PHONE_TIME_REACH_MS = 366 * 24 * 3600 * 1000;

/** A phone time, clamped into [receipt − 366 days, receipt]; the raw value stays on the mutation's record. */
export function clamp(ctx: PushContext, t: Date): Date {
  const earliest = new Date(ctx.receivedAt.getTime() - PHONE_TIME_REACH_MS);
  if (t > ctx.receivedAt) return ctx.receivedAt;
  return t < earliest ? earliest : t;
}

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
    // Kept for the record even when unknown, so made storable.
    type: storable(String(e.type).slice(0, 100)),
    status: outcome.status,
    error: outcome.status === 'rejected' ? errorOf(outcome.error) : null,
    clientTime,
    receivedAt: ctx.receivedAt,
    clockSkewMs: skewOf(ctx, clientTime),
    ip: ctx.ip,
  };
}

/** The answer for a mutation id the caller sent before. */
export function answerRecorded(
  id: string,
  stored: { status: 'applied' | 'rejected'; error: { code: string; message: string } | null },
): MutationResult {
  if (stored.status === 'applied') return { id, status: 'duplicate' };
  return { id, status: 'rejected', error: stored.error as MutationResult['error'] };
}

/**
 * An id the phone made that cannot be taken. Worded alike whether the id
 * is the caller's own or outside their scope: no answer tells that an id
 * they cannot see exists (API.md "Hardening").
 */
export const idUnavailable = (what: string, id: string) =>
  new Refusal('conflict', `the ${what} id ${id} cannot be used; make the ${what} again to give it a new id`);

/** An attachment the caller may not reference: to them it does not exist (API.md "Hardening"). */
export const noSuchAttachment = (id: string) => new Refusal('not_found', `no such attachment ${id}`);

const storable = (s: string) => (isStorableText(s) ? s : JSON.stringify(s).slice(1, -1));

const errorOf = (r: Refusal): NonNullable<MutationResult['error']> => ({
  code: r.code,
  message: r.message,
  ...(r.details === undefined ? {} : { details: r.details }),
});

export const rejected = (id: string, error: Refusal): MutationResult => ({ id, status: 'rejected', error: errorOf(error) });

/**
 * Input the schemas let through but the database refuses (a value out of its
 * range): only this mutation is rejected, never the push (API.md "Hardening").
 */
export const isUnstorable = (err: unknown) => sqlState(err)?.startsWith('22') ?? false;
export const UNSTORABLE = new Refusal('invalid_request', 'a value cannot be stored (unsupported characters or out of range)');

/** Records a mutation refused before anything was applied, and answers it (or what a concurrent request recorded). */
export async function recordRejection(ctx: PushContext, e: Envelope, clientTime: Date | null, error: Refusal): Promise<MutationResult> {
  const inserted = await recordMutations(ctx.s.db, [record(ctx, e, clientTime, { status: 'rejected', error })]);
  if (inserted.size) return rejected(e.id, error);
  return answerRecorded(e.id, (await processedMutations(ctx.s.db, ctx.actor.id, [e.id]))[0]!);
}
