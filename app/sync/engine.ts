/**
 * The sync engine: plain TypeScript over Dexie and a transport, so it runs
 * (and is tested) without Vue, in the browser or in Node.
 *
 * One run: upload waiting photos → push the outbox in order (batches of ≤ 200
 * mutations and ≤ 8 MB)
 * → pull until `more` is false, each page and its cursor in one transaction,
 * the user's pending changes rebased over it → download the photos open
 * findings need offline. An outbox entry leaves only when the server has
 * answered it; a rejection stays with its reason. Network and server errors
 * back off exponentially (capped at 5 minutes). Runs are triggered on start,
 * when the network returns, when the app becomes visible, every minute while
 * online, and on demand; one tab runs at a time (Web Locks).
 */
import type { Table } from 'dexie';
import type { Finding, FindingEvent } from '../../shared/schemas/entities';
import { LIMITS } from '../../shared/schemas/common';
import type { Change, MutationResult, PullResponse } from '../../shared/schemas/sync';
import { ApiError, NetworkError, type FailureCode } from '../api/client';
import { SERVER_TABLES, type OutboxEntry, type ParkCheckDb, type ServerTable, type SyncState } from '../db/database';
import type { LocalUser } from './local';
import { asMutation, countEntries, fitRequest, pendingEntries, rebase } from './outbox';
import { DEFAULT_PHOTO_CACHE_BYTES, downloadWanted, uploadWaiting, waitingUploads, type UploadProgress } from './photos';
import type { SyncTransport } from './transport';

export const PUSH_BATCH = 200;
export const PULL_LIMIT = 2000;
export const PERIODIC_MS = 60_000;
export const MAX_BACKOFF_MS = 5 * 60_000;

export type SyncPhase = 'idle' | 'uploading' | 'pushing' | 'pulling' | 'downloading';
/** A whole sync; or only sending what the phone has (photos, outbox); or only receiving. */
export type SyncSteps = 'all' | 'send' | 'receive';
export type SyncResult = 'ok' | 'retrying' | 'busy' | 'no-user' | 'unauthenticated' | 'offline';

export interface SyncStatus {
  phase: SyncPhase;
  /** Outbox entries of this user waiting to be pushed. */
  pending: number;
  /** Outbox entries the server refused, waiting for the user to retry or discard. */
  rejected: number;
  photosWaiting: number;
  upload: UploadProgress | null;
  lastSuccessAt: string | null;
  /** Why the last run did not finish; the UI words it (api/error-message.ts). */
  lastError: SyncFailure | null;
  nextRetryAt: string | null;
}

/** A run that did not finish: what kind of failure (as a request's), and the technical detail. */
export interface SyncFailure {
  code: FailureCode;
  message: string;
}

/** Runs `fn` unless another tab is syncing; undefined means it did not run. */
export type RunLock = <T>(fn: () => Promise<T>) => Promise<T | undefined>;

export interface EngineOptions {
  db: ParkCheckDb;
  transport: SyncTransport;
  user: () => LocalUser | null;
  clientId: string;
  now?: () => Date;
  lock?: RunLock;
  photoCacheBytes?: number;
  pullLimit?: number;
  pushBatch?: number;
  /** The largest push body (tests make it small). */
  pushBytes?: number;
  onStatus?: (status: SyncStatus) => void;
  /**
   * True when the device knows it has no network (navigator.onLine false): then
   * nothing is tried — no failing requests, no backoff — until `online` fires.
   */
  offline?: () => boolean;
  /** Randomness for backoff jitter (tests make it fixed). */
  random?: () => number;
}

const KINDS_TO_TABLES: Record<Change['kind'], ServerTable> = {
  region: 'regions',
  park: 'parks',
  enterprise: 'enterprises',
  template: 'templates',
  inspection: 'inspections',
  finding: 'findings',
  findingEvent: 'findingEvents',
  plan: 'plans',
};

/** Without Web Locks (Node, old browsers): one run at a time in this page. */
function localLock(): RunLock {
  let held = false;
  return async (fn) => {
    if (held) return undefined;
    held = true;
    try {
      return await fn();
    } finally {
      held = false;
    }
  };
}

export function webLock(name = 'parkcheck-sync'): RunLock | undefined {
  const locks = (globalThis.navigator as Navigator | undefined)?.locks;
  if (!locks) return undefined;
  return (fn) => locks.request(name, { ifAvailable: true }, (lock) => (lock ? fn() : undefined)) as never;
}

export class SyncEngine {
  readonly status: SyncStatus = {
    phase: 'idle',
    pending: 0,
    rejected: 0,
    photosWaiting: 0,
    upload: null,
    lastSuccessAt: null,
    lastError: null,
    nextRetryAt: null,
  };
  private failures = 0;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private again = false;
  private running: Promise<SyncResult> | undefined;
  private readonly lock: RunLock;
  private readonly now: () => Date;

  constructor(private readonly o: EngineOptions) {
    this.lock = o.lock ?? localLock();
    this.now = o.now ?? (() => new Date());
  }

  /** Runs a sync now (or a whole one more after the current one). */
  sync(steps: SyncSteps = 'all'): Promise<SyncResult> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      let result: SyncResult;
      let run = steps;
      do {
        this.again = false;
        result = (await this.lock(() => this.runOnce(run))) ?? 'busy';
        run = 'all';
      } while (this.again && result === 'ok');
      return result;
    })().finally(() => (this.running = undefined));
    return this.running;
  }

  /** Cancels a scheduled retry. */
  stop(): void {
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
  }

  /** Reads the counts the UI shows (after a local write, for instance). */
  refreshStatus(): Promise<SyncStatus> {
    return this.readStatus();
  }

  /** Records a run's outcome (when given) and reads the counts the UI shows, in one transaction. */
  private async readStatus(outcome?: Partial<Pick<SyncState, 'lastSuccessAt' | 'lastError'>>): Promise<SyncStatus> {
    const user = this.o.user();
    const db = this.o.db;
    const [state, pending, rejected, photosWaiting] = await db.transaction(outcome ? 'rw' : 'r', [db.syncState, db.outbox, db.attachments], async () => {
      if (outcome) await db.syncState.update('state', outcome);
      return Promise.all([
        db.syncState.get('state'),
        user ? countEntries(db, user.id, 'pending') : 0,
        user ? countEntries(db, user.id, 'rejected') : 0,
        waitingUploads(db).then((w) => w.length),
      ]);
    });
    Object.assign(this.status, { pending, rejected, photosWaiting });
    if (state?.userId === user?.id) this.status.lastSuccessAt = state?.lastSuccessAt ?? null;
    this.emit();
    return this.status;
  }

  /**
   * Wires the triggers of a page: start, `online`, visible again, every minute
   * while online. Answers a function that unwires them.
   */
  start(win: Pick<Window, 'addEventListener' | 'removeEventListener'>, doc?: Pick<Document, 'addEventListener' | 'removeEventListener' | 'visibilityState'>): () => void {
    const kick = () => void this.sync();
    const onVisible = () => doc?.visibilityState === 'visible' && kick();
    win.addEventListener('online', kick);
    doc?.addEventListener('visibilitychange', onVisible);
    const timer = setInterval(kick, PERIODIC_MS);
    kick();
    return () => {
      win.removeEventListener('online', kick);
      doc?.removeEventListener('visibilitychange', onVisible);
      clearInterval(timer);
      this.stop();
    };
  }

  private emit() {
    this.o.onStatus?.({ ...this.status, upload: this.status.upload && { ...this.status.upload } });
  }

  private setPhase(phase: SyncPhase) {
    this.status.phase = phase;
    this.emit();
  }

  private async runOnce(steps: SyncSteps): Promise<SyncResult> {
    const user = this.o.user();
    if (!user) return 'no-user';
    if (this.o.offline?.()) return 'offline';
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.status.nextRetryAt = null;
    let outcome: Partial<Pick<SyncState, 'lastSuccessAt' | 'lastError'>> | undefined;
    // The last pushed batch's bookkeeping, still under way while the pull starts.
    let settled: Promise<void> = Promise.resolve();
    try {
      await this.prepare(user);
      if (steps !== 'receive') {
        this.setPhase('uploading');
        await uploadWaiting(this.o.db, this.o.transport, (p) => {
          this.status.upload = p;
          this.emit();
        });
        this.status.upload = null;
        this.setPhase('pushing');
        ({ settled } = await this.pushAll(user));
        settled.catch(() => {});
      }
      if (steps !== 'send') {
        this.setPhase('pulling');
        await this.pullAll(user, settled);
        this.setPhase('downloading');
        await downloadWanted(this.o.db, this.o.transport, this.o.photoCacheBytes ?? DEFAULT_PHOTO_CACHE_BYTES, this.now());
      }
      await settled;
      const at = this.now().toISOString();
      outcome = { lastSuccessAt: at, lastError: null };
      this.failures = 0;
      Object.assign(this.status, { lastSuccessAt: at, lastError: null, upload: null });
      return 'ok';
    } catch (err) {
      // A run ends only when the outbox says what the server answered.
      await settled.catch(() => {});
      // The request client has told the session (its one 401 policy); the engine only stops.
      if (err instanceof ApiError && err.status === 401) {
        this.status.lastError = failureOf(err);
        return 'unauthenticated';
      }
      this.status.lastError = failureOf(err);
      outcome = { lastError: this.status.lastError };
      this.scheduleRetry();
      return 'retrying';
    } finally {
      this.status.phase = 'idle';
      await this.readStatus(outcome);
    }
  }

  private scheduleRetry() {
    this.failures++;
    const jitter = 0.5 + (this.o.random ?? Math.random)();
    const delay = Math.min(MAX_BACKOFF_MS, 1000 * 2 ** (this.failures - 1) * jitter);
    this.status.nextRetryAt = new Date(this.now().getTime() + delay).toISOString();
    this.retryTimer = setTimeout(() => void this.sync(), delay);
  }

  /** Another user's cached data on this phone is dropped (their outbox stays theirs). */
  private async prepare(user: LocalUser): Promise<SyncState> {
    const db = this.o.db;
    const state = await db.syncState.get('state');
    if (state?.userId === user.id) return state;
    const fresh: SyncState = { key: 'state', userId: user.id, cursor: null, lastSuccessAt: null, lastError: null, photosWanted: [] };
    await db.transaction('rw', [db.syncState, ...SERVER_TABLES.map((t) => db[t])], async () => {
      for (const t of SERVER_TABLES) await db[t].clear();
      await db.syncState.put(fresh);
    });
    return fresh;
  }

  /**
   * Pushes the outbox in order, one batch at a time. The phone's work overlaps
   * the server's: the next batch is read while a push is under way, and the
   * answered batch is settled while the next one is under way. Batches still
   * reach the server one after another, so the order of mutations holds.
   * Answers, once every batch is answered, the last one's settling.
   */
  private async pushAll(user: LocalUser): Promise<{ settled: Promise<void> }> {
    let settling: Promise<void> = Promise.resolve();
    try {
      let at = this.now().toISOString();
      let batch = await this.nextRequest(user, at);
      while (batch.length) {
        const sentAt = at;
        const answer = this.o.transport.push({ clientId: this.o.clientId, sentAt, mutations: batch.map(asMutation) });
        answer.catch(() => {});
        const last = batch.at(-1)!.seq;
        at = this.now().toISOString();
        const nextAt = at;
        const next = settling.then(() => this.nextRequest(user, nextAt, last));
        next.catch(() => {});
        const { results } = await answer;
        const sent = batch;
        const byId = new Map(results.map((r) => [r.id, r]));
        if (!sent.some((e) => byId.has(e.id))) throw new Error('the server answered none of the pushed mutations');
        settling = next.then(() => this.settle(user, sent, byId, sentAt));
        batch = await next;
      }
      return { settled: settling };
    } catch (err) {
      await settling.catch(() => {});
      throw err;
    }
  }

  /**
   * The next request's entries: up to a batch, as many as fit in a push
   * body. An entry too large to send even alone is set aside as refused, with
   * its reason, so the rest of the outbox still drains.
   */
  private async nextRequest(user: LocalUser, sentAt: string, afterSeq?: number): Promise<OutboxEntry[]> {
    const db = this.o.db;
    const envelope = { clientId: this.o.clientId, sentAt };
    for (let after = afterSeq; ; ) {
      const entries = await pendingEntries(db, user.id, this.o.pushBatch ?? PUSH_BATCH, after);
      const { fits, tooLarge } = fitRequest(entries, envelope, this.o.pushBytes ?? LIMITS.pushBytes);
      if (!tooLarge) return fits;
      await db.outbox.update(tooLarge.seq!, {
        status: 'rejected',
        error: { code: 'payload_too_large', message: `too large to send: a push is at most ${LIMITS.pushBytes / 1024 / 1024} MB` },
        rejectedAt: sentAt,
      });
      after = tooLarge.seq;
    }
  }

  /** Takes the answered entries out of the outbox; a refused one stays with its reason and its finding is re-read. */
  private async settle(user: LocalUser, batch: OutboxEntry[], byId: Map<string, MutationResult>, at: string): Promise<void> {
    const db = this.o.db;
    const refused: string[] = [];
    const done: number[] = [];
    await db.transaction('rw', db.outbox, async () => {
      for (const entry of batch) {
        const r = byId.get(entry.id);
        if (!r) continue;
        if (r.status !== 'rejected') {
          done.push(entry.seq!);
          continue;
        }
        await db.outbox.update(entry.seq!, { status: 'rejected', error: r.error, rejectedAt: at });
        const m = asMutation(entry);
        if (m.type !== 'inspection.submit') refused.push(m.payload.findingId);
      }
      // Usually the batch is a run of the outbox with nothing else in it: one range delete, not one per entry.
      const run = db.outbox.where(':id').between(batch[0]!.seq!, batch.at(-1)!.seq!, true, true);
      if (done.length === batch.length && (await run.count()) === done.length) await run.delete();
      else await db.outbox.bulkDelete(done);
    });
    // Undo what the refused mutations showed: the server's copy, with what is still pending over it.
    for (const id of new Set(refused)) await this.refreshFinding(user, id);
  }

  private async refreshFinding(user: LocalUser, id: string): Promise<void> {
    const db = this.o.db;
    let server;
    try {
      server = await this.o.transport.getFinding(id);
    } catch (err) {
      if (err instanceof ApiError && err.status === 404) return;
      throw err;
    }
    await db.transaction('rw', [db.outbox, ...SERVER_TABLES.map((t) => db[t])], async () => {
      await db.findingEvents.where('findingId').equals(id).filter((e) => e.pending === 1).delete();
      await db.findings.put(server.finding);
      // The creation entry of a history is derived, not stored (shared/history.ts).
      await db.findingEvents.bulkPut(server.events.filter((e) => e.type !== 'create'));
      await rebase(db, user, new Set([id]));
    });
  }

  /** Pulls until the server has nothing more; `before` finishes before the first page is written. */
  private async pullAll(user: LocalUser, before: Promise<void> = Promise.resolve()): Promise<void> {
    const db = this.o.db;
    const limit = this.o.pullLimit ?? PULL_LIMIT;
    let resets = 0;
    let rebaseAll = false;
    let next: Promise<PullResponse> | undefined;
    for (;;) {
      const state = (await db.syncState.get('state'))!;
      const page = await (next ?? this.o.transport.pull(state.cursor, limit));
      next = undefined;
      if (page.more && !page.reset) {
        // The server prepares the next page while this one is written here.
        next = this.o.transport.pull(page.cursor, limit);
        next.catch(() => {});
      }
      if (page.reset) {
        if (++resets > 2) throw new Error('the server keeps answering reset');
        // The scope changed: drop cached server data, never the outbox, and pull everything again.
        await db.transaction('rw', [db.syncState, ...SERVER_TABLES.map((t) => db[t])], async () => {
          for (const t of SERVER_TABLES) await db[t].clear();
          await db.syncState.update('state', { cursor: null });
        });
        rebaseAll = true;
        continue;
      }
      await before;
      await db.transaction('rw', [db.syncState, db.outbox, ...SERVER_TABLES.map((t) => db[t])], async () => {
        const { touched, photos } = await applyChanges(db, page.changes);
        await rebase(db, user, touched);
        const wanted = (await db.syncState.get('state'))!.photosWanted;
        await db.syncState.update('state', { cursor: page.cursor, photosWanted: [...new Set([...wanted, ...photos])] });
      });
      if (!page.more) break;
    }
    if (rebaseAll) {
      // Inspections made offline exist only here: bring them back over the fresh data.
      await db.transaction('rw', [db.outbox, ...SERVER_TABLES.map((t) => db[t])], () => rebase(db, user));
    }
  }
}

/**
 * Writes a pulled page. Answers the ids of the inspections and findings it
 * wrote (for rebase) and the photos of open findings it referenced (to have
 * them offline).
 */
async function applyChanges(db: ParkCheckDb, changes: Change[]): Promise<{ touched: Set<string>; photos: string[] }> {
  const puts = new Map<ServerTable, unknown[]>();
  const deletes = new Map<ServerTable, string[]>();
  const touched = new Set<string>();
  const add = <T>(m: Map<ServerTable, T[]>, table: ServerTable, value: T) => {
    const list = m.get(table);
    if (list) list.push(value);
    else m.set(table, [value]);
  };
  for (const c of changes) {
    const table = KINDS_TO_TABLES[c.kind];
    if (c.op === 'put') add(puts, table, c.data);
    else add(deletes, table, c.id);
    if (c.kind === 'finding' || c.kind === 'inspection') touched.add(c.id);
    if (c.kind === 'findingEvent') touched.add(c.op === 'put' ? (c.data as FindingEvent).findingId : c.id);
  }
  for (const [table, rows] of puts) await (db[table] as Table<unknown, string>).bulkPut(rows);
  for (const [table, ids] of deletes) await (db[table] as Table<unknown, string>).bulkDelete(ids);
  const photos: string[] = [];
  for (const f of (puts.get('findings') ?? []) as Finding[]) if (f.status !== 'closed') photos.push(...f.attachmentIds);
  const events = ((puts.get('findingEvents') ?? []) as FindingEvent[]).filter((e) => e.attachmentIds.length);
  if (events.length) {
    const open = new Set(
      (await db.findings.where('id').anyOf([...new Set(events.map((e) => e.findingId))]).toArray())
        .filter((f) => f.status !== 'closed')
        .map((f) => f.id),
    );
    for (const e of events) if (open.has(e.findingId)) photos.push(...e.attachmentIds);
  }
  return { touched, photos };
}

function failureOf(err: unknown): SyncFailure {
  if (err instanceof NetworkError) return { code: 'network', message: `${err.reason}: ${err.message}` };
  if (err instanceof ApiError) return { code: err.code, message: `${err.status} ${err.message}` };
  return { code: 'unknown', message: String((err as Error)?.message ?? err) };
}
