/**
 * The phone's database (IndexedDB through Dexie). It holds:
 *   - server data in the user's scope, as last pulled, with the user's own
 *     pending changes applied over it (so the UI never waits on the network);
 *   - the outbox: mutations in creation order, until the server has answered;
 *   - attachments as ArrayBuffer + sha256 + type (Safari loses Blobs stored
 *     in IndexedDB in some versions; ArrayBuffers are safe), the bytes in a
 *     table of their own so listing and summing photos never loads them;
 *   - sync state: the pull cursor, last success, last error.
 *
 * Schema versions are only ever appended, never edited: a phone may skip
 * app versions and must upgrade from any of them without losing its outbox.
 */
import Dexie, { type EntityTable } from 'dexie';
import type {
  Enterprise,
  Finding,
  FindingEvent,
  Inspection,
  Park,
  Region,
  Template,
} from '../../shared/schemas/entities';
import type { PlanDetail } from '../../shared/schemas/plans';
import type { Mutation, MutationError } from '../../shared/schemas/sync';

/** Marks a row that carries changes the server has not confirmed yet. */
export interface PendingMark {
  /** Set while a mutation in the outbox changes this row. */
  pending?: 1;
}

export type LocalFinding = Finding & PendingMark;
export type LocalFindingEvent = FindingEvent & PendingMark;
export type LocalInspection = Inspection & PendingMark;

export interface OutboxEntry {
  /** Creation order (auto-increment): the order mutations are pushed in. */
  seq?: number;
  id: string;
  userId: string;
  type: Mutation['type'];
  payload: Mutation['payload'];
  clientTime: string;
  status: 'pending' | 'rejected';
  error?: MutationError;
  rejectedAt?: string;
}

/** What the phone knows of a photo; its bytes are in `attachmentBytes`, so lists and sums stay light. */
export interface LocalAttachment {
  id: string;
  sha256: string;
  type: 'image/jpeg' | 'image/png' | 'image/webp';
  size: number;
  /** 0: taken on this phone and not on the server yet (never evicted); 1: on the server. */
  uploaded: 0 | 1;
  /** An upload the server refused for good (a 4xx other than a conflict we can heal). */
  error?: string;
  /**
   * 0: taken on this phone but not yet referenced by a queued change (still in
   * a form or a draft), so not sent: a photo the user discards never costs
   * mobile data, and the server holds only photos something references.
   * Absent on photos stored before this field existed: sent as they were.
   */
  queued?: 0 | 1;
  createdAt: string;
  lastUsedAt: string;
}

export interface AttachmentBytes {
  id: string;
  bytes: ArrayBuffer;
}

export interface SyncState {
  key: 'state';
  /** Whose data this is: another user on the same phone starts over. */
  userId: string;
  cursor: string | null;
  lastSuccessAt: string | null;
  /** Kept for diagnosis only (a string, from app versions before the failure had a code). */
  lastError: { code: string; message: string } | string | null;
  /** Photos open findings need offline that are not on the phone yet. */
  photosWanted: string[];
}

/** An inspection being filled in: saved on every tap, so nothing is lost if the phone dies. */
export interface InspectionDraft {
  id: string;
  userId: string;
  parkId: string;
  enterpriseId: string | null;
  templateId: string;
  startedAt: string;
  updatedAt: string;
  /** Everything the runner needs to resume exactly where the inspector was. */
  state: unknown;
}

export interface Visit {
  userId: string;
  enterpriseId: string;
  at: string;
}

export class ParkCheckDb extends Dexie {
  regions!: EntityTable<Region, 'id'>;
  parks!: EntityTable<Park, 'id'>;
  enterprises!: EntityTable<Enterprise, 'id'>;
  templates!: EntityTable<Template, 'id'>;
  inspections!: EntityTable<LocalInspection, 'id'>;
  findings!: EntityTable<LocalFinding, 'id'>;
  findingEvents!: EntityTable<LocalFindingEvent, 'id'>;
  outbox!: EntityTable<OutboxEntry, 'seq'>;
  attachments!: EntityTable<LocalAttachment, 'id'>;
  attachmentBytes!: EntityTable<AttachmentBytes, 'id'>;
  syncState!: EntityTable<SyncState, 'key'>;
  drafts!: EntityTable<InspectionDraft, 'id'>;
  visits!: Dexie.Table<Visit, [string, string]>;
  /** Plans as pulled (the plan with its targets), keyed by the plan's id. */
  plans!: Dexie.Table<PlanDetail, string>;

  constructor(name = 'parkcheck', options?: ConstructorParameters<typeof Dexie>[1]) {
    super(name, options);
    this.version(1).stores({
      regions: 'id, parentId',
      parks: 'id, regionId',
      enterprises: 'id, parkId, creditCode',
      templates: 'id, code, category',
      // Few indexes on purpose: every one costs each of the tens of thousands of rows a first pull writes.
      inspections: 'id, parkId, enterpriseId',
      findings: 'id, parkId, enterpriseId, status',
      findingEvents: 'id, findingId',
      outbox: '++seq, &id, userId, [userId+status+seq]',
      attachments: 'id, uploaded, lastUsedAt',
      attachmentBytes: 'id',
      syncState: 'key',
    });
    this.version(2).stores({
      drafts: 'id, userId, updatedAt',
      visits: '[userId+enterpriseId], userId, at',
    });
    this.version(3).stores({ plans: 'plan.id' });
  }
}

/** Tables of server data: dropped on a pull `reset`; the outbox, photos and drafts are kept. */
export const SERVER_TABLES = ['regions', 'parks', 'enterprises', 'templates', 'inspections', 'findings', 'findingEvents', 'plans'] as const;
export type ServerTable = (typeof SERVER_TABLES)[number];

let instance: ParkCheckDb | undefined;

/** The app's database (one per origin). Tests make their own with `new ParkCheckDb(name, {indexedDB, IDBKeyRange})`. */
export function appDb(): ParkCheckDb {
  instance ??= new ParkCheckDb();
  return instance;
}
