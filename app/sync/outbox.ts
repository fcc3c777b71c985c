/**
 * Every local write: the optimistic change and its outbox entry, in one
 * Dexie transaction — offline, either both are on the phone or neither is.
 * An entry leaves the outbox only when the server has answered it; a
 * rejected one stays, with the server's reason, until the user retries or
 * discards it.
 */
import Dexie from 'dexie';
import type { Mutation } from '../../shared/schemas/sync';
import { SERVER_TABLES, type OutboxEntry, type ParkCheckDb } from '../db/database';
import { applyLocally, LocalRefusal, touchedIds, type LocalUser } from './local';
import { attachmentsOf, queuePhotos } from './photos';

export type NewMutation = Omit<Mutation, 'id' | 'clientTime'> & { id?: string; clientTime?: string };

const newId = () => crypto.randomUUID();

/**
 * Queues a mutation made by `user`, applying it locally at once. Throws
 * LocalRefusal if the rules forbid it. `alongside` runs in the same
 * transaction (a submitted draft is deleted with its mutation queued: never
 * both, never neither).
 */
export async function enqueue(
  db: ParkCheckDb,
  user: LocalUser,
  input: NewMutation,
  now = new Date(),
  alongside?: () => Promise<void>,
): Promise<Mutation> {
  // Stored as it will be sent, plain JSON: a screen's live (reactive) state cannot be cloned into IndexedDB.
  const payload = JSON.parse(JSON.stringify(input.payload)) as Mutation['payload'];
  const m = { ...input, payload, id: input.id ?? newId(), clientTime: input.clientTime ?? now.toISOString() } as Mutation;
  await db.transaction('rw', [db.outbox, db.drafts, db.attachments, ...SERVER_TABLES.map((t) => db[t])], async () => {
    const seq = (await db.outbox.add({
      id: m.id,
      userId: user.id,
      type: m.type,
      payload: m.payload,
      clientTime: m.clientTime,
      status: 'pending',
    })) as number;
    await applyLocally(db, m, user, seq);
    await queuePhotos(db, attachmentsOf(m));
    await alongside?.();
  });
  return m;
}

export const asMutation = (e: OutboxEntry): Mutation => ({ id: e.id, type: e.type, payload: e.payload, clientTime: e.clientTime }) as Mutation;

const utf8 = new TextEncoder();
const jsonBytes = (v: unknown) => utf8.encode(JSON.stringify(v)).length;

/**
 * The longest run from the start of `entries` whose push request stays
 * within `maxBytes` (API.md "Hardening": a push body is at most 8 MB), and
 * the entry that cannot be sent at all when the first alone is too large.
 */
export function fitRequest(
  entries: OutboxEntry[],
  envelope: Record<string, unknown>,
  maxBytes: number,
): { fits: OutboxEntry[]; tooLarge: OutboxEntry | undefined } {
  let bytes = jsonBytes({ ...envelope, mutations: [] });
  const fits: OutboxEntry[] = [];
  for (const entry of entries) {
    // A comma between mutations.
    bytes += jsonBytes(asMutation(entry)) + (fits.length ? 1 : 0);
    if (bytes > maxBytes) break;
    fits.push(entry);
  }
  return { fits, tooLarge: fits.length ? undefined : entries[0] };
}

/** The user's entries in this state, in creation order (after `afterSeq`, when given). */
const entriesOf = (db: ParkCheckDb, userId: string, status: OutboxEntry['status'], afterSeq?: number) =>
  db.outbox
    .where('[userId+status+seq]')
    .between([userId, status, afterSeq ?? Dexie.minKey], [userId, status, Dexie.maxKey], afterSeq === undefined, true);

/** The user's entries still to push, in creation order (the first `limit`, after `afterSeq`). */
export function pendingEntries(db: ParkCheckDb, userId: string, limit = Infinity, afterSeq?: number): Promise<OutboxEntry[]> {
  const range = entriesOf(db, userId, 'pending', afterSeq);
  return (Number.isFinite(limit) ? range.limit(limit) : range).toArray();
}

/** How many of the user's entries are in this state (without reading them). */
export function countEntries(db: ParkCheckDb, userId: string, status: OutboxEntry['status']): Promise<number> {
  return entriesOf(db, userId, status).count();
}

/**
 * Re-applies the user's pending mutations that touch `ids` (or all, when
 * omitted) over what is in the tables now. Call inside a transaction that
 * covers the server tables and the outbox.
 */
export async function rebase(db: ParkCheckDb, user: LocalUser, ids?: Set<string>): Promise<void> {
  for (const entry of await pendingEntries(db, user.id)) {
    const m = asMutation(entry);
    if (ids && !touchedIds(m).some((id) => ids.has(id))) continue;
    try {
      await applyLocally(db, m, user, entry.seq!);
    } catch (err) {
      // The server state moved on (another device acted): the server will answer this one.
      if (!(err instanceof LocalRefusal)) throw err;
    }
  }
}

/**
 * Drops the server data cached for another user than `userId` (all of it on
 * logout, userId null). Their outbox and drafts stay: they are sent when that
 * user logs in again.
 */
export async function forgetOtherUsers(db: ParkCheckDb, userId: string | null): Promise<void> {
  await db.transaction('rw', [db.syncState, ...SERVER_TABLES.map((t) => db[t])], async () => {
    const state = await db.syncState.get('state');
    if (state && state.userId === userId) return;
    for (const t of SERVER_TABLES) await db[t].clear();
    await db.syncState.delete('state');
  });
}

/** Drops a rejected entry. Rows it created locally and the server never accepted go too. */
export async function discard(db: ParkCheckDb, seq: number): Promise<void> {
  await db.transaction('rw', [db.outbox, ...SERVER_TABLES.map((t) => db[t])], async () => {
    const entry = await db.outbox.get(seq);
    if (!entry) return;
    await db.outbox.delete(seq);
    const m = asMutation(entry);
    if (m.type === 'inspection.submit') {
      const ids = m.payload.inspection.findings.map((f) => f.id);
      await db.inspections.where('id').equals(m.payload.inspection.id).filter((r) => r.pending === 1).delete();
      await db.findings.where('id').anyOf(ids).filter((r) => r.pending === 1).delete();
      await db.findingEvents.where('id').anyOf(ids).filter((r) => r.pending === 1).delete();
    } else {
      await db.findingEvents.where('id').equals(m.payload.eventId).filter((r) => r.pending === 1).delete();
    }
  });
}

/**
 * Sends a rejected mutation again as a new one (a replay of the same id
 * would only get the same answer), with fresh event ids.
 */
export async function retry(db: ParkCheckDb, user: LocalUser, seq: number): Promise<Mutation | undefined> {
  const entry = await db.outbox.get(seq);
  if (!entry || entry.status !== 'rejected') return undefined;
  const payload = structuredClone(entry.payload) as Record<string, unknown>;
  if ('eventId' in payload) payload.eventId = newId();
  await discard(db, seq);
  return enqueue(db, user, { type: entry.type, payload } as NewMutation);
}
