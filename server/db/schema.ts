/**
 * The one schema, for PGlite and PostgreSQL alike. Migrations are generated
 * from this file (`npm run db:generate`) and run at start.
 *
 * Conventions: ids are uuids (phones make them for what they create);
 * timestamps are timestamptz; a due date is a `date` judged in PARKCHECK_TZ;
 * nothing a user created is deleted — it is disabled (regions, parks,
 * enterprises, users) or retired (templates), and history is append-only.
 */
import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  boolean,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgSequence,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { Answer, PendingExtension, TemplateSection } from '../../shared/schemas/entities';
import type { LocalizedText } from '../../shared/schemas/common';
import type { MutationError } from '../../shared/schemas/sync';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const created = () => ts('created_at').notNull().defaultNow();
const updated = () => ts('updated_at').notNull().defaultNow();

export const regions = pgTable(
  'regions',
  {
    id: uuid('id').primaryKey(),
    name: text('name').notNull(),
    parentId: uuid('parent_id'),
    /** Ids from the root down to this region, itself included: subtree = `path && ids`. */
    path: uuid('path').array().notNull(),
    disabledAt: ts('disabled_at'),
    createdAt: created(),
    updatedAt: updated(),
  },
  (t) => [index('regions_parent_idx').on(t.parentId), index('regions_path_gin').using('gin', t.path)],
);

export const parks = pgTable(
  'parks',
  {
    id: uuid('id').primaryKey(),
    regionId: uuid('region_id')
      .notNull()
      .references(() => regions.id),
    name: text('name').notNull(),
    address: text('address'),
    starRating: smallint('star_rating'),
    areaMu: doublePrecision('area_mu'),
    floorArea: doublePrecision('floor_area'),
    disabledAt: ts('disabled_at'),
    createdAt: created(),
    updatedAt: updated(),
  },
  (t) => [index('parks_region_idx').on(t.regionId)],
);

export const enterprises = pgTable(
  'enterprises',
  {
    id: uuid('id').primaryKey(),
    parkId: uuid('park_id')
      .notNull()
      .references(() => parks.id),
    name: text('name').notNull(),
    creditCode: text('credit_code'),
    building: text('building'),
    contactName: text('contact_name'),
    contactPhone: text('contact_phone'),
    disabledAt: ts('disabled_at'),
    createdAt: created(),
    updatedAt: updated(),
  },
  (t) => [
    index('enterprises_park_idx').on(t.parkId, t.name),
    uniqueIndex('enterprises_credit_code_uq').on(t.creditCode),
  ],
);

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey(),
    username: text('username').notNull(),
    name: text('name').notNull(),
    role: text('role', { enum: ['admin', 'supervisor', 'inspector', 'operator'] }).notNull(),
    passwordHash: text('password_hash').notNull(),
    regionIds: uuid('region_ids').array().notNull().default(sql`'{}'`),
    parkIds: uuid('park_ids').array().notNull().default(sql`'{}'`),
    /** Bumped whenever the scope changes; a pull cursor from another version answers `reset`. */
    scopeVersion: integer('scope_version').notNull().default(1),
    disabledAt: ts('disabled_at'),
    createdAt: created(),
    updatedAt: updated(),
  },
  (t) => [uniqueIndex('users_username_uq').on(sql`lower(${t.username})`)],
);

export const sessions = pgTable(
  'sessions',
  {
    id: uuid('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    /** sha256 of the bearer token: a database leak does not leak usable tokens. */
    tokenHash: text('token_hash').notNull(),
    createdAt: created(),
    expiresAt: ts('expires_at').notNull(),
    revokedAt: ts('revoked_at'),
    ip: text('ip'),
    userAgent: text('user_agent'),
  },
  (t) => [uniqueIndex('sessions_token_hash_uq').on(t.tokenHash), index('sessions_user_idx').on(t.userId)],
);

export const templates = pgTable(
  'templates',
  {
    /** One row per published version; a row is never updated except to retire it. */
    id: uuid('id').primaryKey(),
    code: text('code').notNull(),
    version: integer('version').notNull(),
    category: text('category').notNull(),
    title: jsonb('title').$type<LocalizedText>().notNull(),
    sections: jsonb('sections').$type<TemplateSection[]>().notNull(),
    publishedAt: ts('published_at').notNull().defaultNow(),
    publishedBy: uuid('published_by').references(() => users.id),
    retiredAt: ts('retired_at'),
  },
  (t) => [uniqueIndex('templates_code_version_uq').on(t.code, t.version)],
);

export const inspections = pgTable(
  'inspections',
  {
    id: uuid('id').primaryKey(),
    templateId: uuid('template_id')
      .notNull()
      .references(() => templates.id),
    parkId: uuid('park_id')
      .notNull()
      .references(() => parks.id),
    enterpriseId: uuid('enterprise_id').references(() => enterprises.id),
    inspectorId: uuid('inspector_id')
      .notNull()
      .references(() => users.id),
    inspectorName: text('inspector_name').notNull(),
    /** The phone's time, clamped to no later than receivedAt. */
    inspectedAt: ts('inspected_at').notNull(),
    /** The phone's time as sent, kept for the record. */
    clientInspectedAt: ts('client_inspected_at').notNull(),
    receivedAt: ts('received_at').notNull(),
    geo: jsonb('geo').$type<{ lat: number; lng: number; accuracy: number }>(),
    signatureAttachmentId: uuid('signature_attachment_id'),
    note: text('note'),
    answers: jsonb('answers').$type<Answer[]>().notNull(),
    mutationId: uuid('mutation_id'),
  },
  (t) => [
    index('inspections_park_time_idx').on(t.parkId, t.inspectedAt),
    index('inspections_enterprise_time_idx').on(t.enterpriseId, t.inspectedAt),
    // Report coverage: which enterprises were inspected in a period, from the index alone.
    index('inspections_report_time_idx').on(t.inspectedAt, t.enterpriseId, t.parkId),
  ],
);

export const findings = pgTable(
  'findings',
  {
    id: uuid('id').primaryKey(),
    inspectionId: uuid('inspection_id')
      .notNull()
      .references(() => inspections.id),
    // Park, enterprise and template are the inspection's, copied so that reports and scope
    // checks need no join; the inspection's foreign keys hold them. Checking them again for
    // every finding was a fifth of the time a sync push spent writing findings.
    parkId: uuid('park_id').notNull(),
    enterpriseId: uuid('enterprise_id'),
    templateId: uuid('template_id'),
    itemCode: text('item_code'),
    /** Copied from the template at creation so reports need no join. */
    category: text('category').notNull(),
    severity: text('severity', { enum: ['general', 'major'] }).notNull(),
    description: text('description').notNull(),
    location: text('location'),
    requirement: text('requirement'),
    dueDate: date('due_date', { mode: 'string' }).notNull(),
    /**
     * When the due date ends: the first instant of the next day in PARKCHECK_TZ, written
     * with every due date (repo/findings.ts `dueColumns`). Reports judge "on time" against
     * it, so no query converts dates through the time-zone database.
     */
    dueEndAt: ts('due_end_at').notNull(),
    status: text('status', { enum: ['open', 'submitted', 'closed'] }).notNull(),
    rectifiedOnSite: boolean('rectified_on_site').notNull().default(false),
    attachmentIds: uuid('attachment_ids').array().notNull().default(sql`'{}'`),
    /** The inspection's inspectedAt (periods in reports are by this). */
    observedAt: ts('observed_at').notNull(),
    /** clientTime of the rectification awaiting verification; becomes rectifiedAt when verified. */
    submittedAt: ts('submitted_at'),
    /**
     * Who submitted that rectification: they may not also verify or reject it.
     * Null when nothing awaits re-inspection (or the enterprise sent it through its link).
     */
    submittedBy: uuid('submitted_by'),
    rectifiedAt: ts('rectified_at'),
    closedAt: ts('closed_at'),
    pendingExtension: jsonb('pending_extension').$type<PendingExtension>(),
    createdAt: created(),
    updatedAt: updated(),
  },
  (t) => [
    index('findings_enterprise_idx').on(t.enterpriseId, t.observedAt),
    index('findings_inspection_idx').on(t.inspectionId),
    // Reports (server/repo/reports.ts) read only these columns, so these answer them from the index
    // alone: a period across the province, a period of a few parks, and the not-closed findings by due date.
    // They also serve every read by park and period, or by period alone (their leading columns).
    index('findings_report_time_idx').on(t.observedAt, t.parkId, t.status, t.severity, t.category, t.dueDate, t.dueEndAt, t.rectifiedAt, t.id),
    index('findings_report_park_idx').on(t.parkId, t.observedAt, t.status, t.severity, t.category, t.dueDate, t.dueEndAt, t.rectifiedAt, t.id),
    index('findings_report_open_idx')
      .on(t.dueDate, t.observedAt, t.parkId, t.severity, t.category, t.id)
      .where(sql`${t.status} <> 'closed'`),
  ],
);

export const findingEvents = pgTable(
  'finding_events',
  {
    id: uuid('id').primaryKey(),
    findingId: uuid('finding_id')
      .notNull()
      .references(() => findings.id),
    parkId: uuid('park_id').notNull(),
    type: text('type', {
      enum: ['create', 'rectify', 'verify', 'reject', 'requestExtension', 'decideExtension', 'comment'],
    }).notNull(),
    actorId: uuid('actor_id')
      .notNull()
      .references(() => users.id),
    actorName: text('actor_name').notNull(),
    actorRole: text('actor_role', { enum: ['admin', 'supervisor', 'inspector', 'operator'] }).notNull(),
    at: ts('at').notNull(),
    clientTime: ts('client_time').notNull(),
    note: text('note'),
    attachmentIds: uuid('attachment_ids').array().notNull().default(sql`'{}'`),
    newDueDate: date('new_due_date', { mode: 'string' }),
    approve: boolean('approve'),
    mutationId: uuid('mutation_id'),
    /** Order of recording: mutations of one push share a receipt time, their events keep their order. */
    ordinal: bigserial('ordinal', { mode: 'number' }).notNull(),
  },
  (t) => [index('finding_events_finding_idx').on(t.findingId, t.ordinal)],
);

export const attachments = pgTable(
  'attachments',
  {
    id: uuid('id').primaryKey(),
    sha256: text('sha256').notNull(),
    contentType: text('content_type').notNull(),
    size: integer('size').notNull(),
    uploadedBy: uuid('uploaded_by')
      .notNull()
      .references(() => users.id),
    uploadedAt: ts('uploaded_at').notNull().defaultNow(),
  },
  (t) => [
    // A user's uploads of the day (the quota), and old uploads nothing references (the sweep).
    index('attachments_uploader_idx').on(t.uploadedBy, t.uploadedAt),
    index('attachments_uploaded_idx').on(t.uploadedAt),
  ],
);

/**
 * An attachment id referenced before its bytes arrived: it belongs to the
 * user whose mutation referenced it first, and only they may upload it.
 */
export const attachmentReservations = pgTable('attachment_reservations', {
  attachmentId: uuid('attachment_id').primaryKey(),
  userId: uuid('user_id')
    .notNull()
    .references(() => users.id),
  reservedAt: ts('reserved_at').notNull(),
});

/**
 * Which park's data references an attachment. Written by the mutation that
 * references it (possibly before the bytes arrive), read to decide who may
 * download it: whoever may see that park.
 */
export const attachmentRefs = pgTable(
  'attachment_refs',
  {
    attachmentId: uuid('attachment_id').notNull(),
    parkId: uuid('park_id').notNull(),
  },
  (t) => [primaryKey({ columns: [t.attachmentId, t.parkId] })],
);

/**
 * Every processed sync mutation with its outcome: a replay answers from here.
 * Keyed by user and id: a mutation id someone else used is no concern of
 * the caller's (nor a way to learn that it was used).
 */
export const mutations = pgTable(
  'mutations',
  {
    id: uuid('id').notNull(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    clientId: text('client_id').notNull(),
    type: text('type').notNull(),
    status: text('status', { enum: ['applied', 'rejected'] }).notNull(),
    error: jsonb('error').$type<MutationError>(),
    clientTime: ts('client_time'),
    receivedAt: ts('received_at').notNull(),
    /** clientTime − receivedAt when beyond the tolerance; never used for ordering. */
    clockSkewMs: bigint('clock_skew_ms', { mode: 'number' }),
    /** Where the push came from: with actor and time, this table is the audit trail of sync. */
    ip: text('ip'),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.id] }),
    index('mutations_user_idx').on(t.userId, t.receivedAt),
    index('mutations_received_idx').on(t.receivedAt),
  ],
);

/**
 * Plans (检查计划): a window, the checklists (by template code, any version
 * counts) and optional inspectors. `startsAt`/`endsAt` are the window's
 * instants in PARKCHECK_TZ, written with its dates (domain/plans.ts), so
 * coverage queries compare timestamps and never convert zones; closing a
 * plan early pulls `endsAt` back to the end of the day it was closed.
 */
export const plans = pgTable('plans', {
  id: uuid('id').primaryKey(),
  name: text('name').notNull(),
  templateCodes: text('template_codes').array().notNull(),
  startDate: date('start_date', { mode: 'string' }).notNull(),
  endDate: date('end_date', { mode: 'string' }).notNull(),
  startsAt: ts('starts_at').notNull(),
  endsAt: ts('ends_at').notNull(),
  inspectorIds: uuid('inspector_ids').array().notNull().default(sql`'{}'`),
  createdBy: uuid('created_by')
    .notNull()
    .references(() => users.id),
  closedAt: ts('closed_at'),
  createdAt: created(),
  updatedAt: updated(),
});

/** A plan's targets, fixed at creation: one enterprise each, with its park (for scope and grouping). */
export const planTargets = pgTable(
  'plan_targets',
  {
    planId: uuid('plan_id')
      .notNull()
      .references(() => plans.id),
    enterpriseId: uuid('enterprise_id')
      .notNull()
      .references(() => enterprises.id),
    parkId: uuid('park_id').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.planId, t.enterpriseId] }),
    index('plan_targets_enterprise_idx').on(t.enterpriseId),
    index('plan_targets_park_idx').on(t.parkId, t.planId),
  ],
);

/** A region's DingTalk group robot (钉钉群机器人) for the daily digest, set by an admin. The secret is never sent back. */
export const regionWebhooks = pgTable('region_webhooks', {
  regionId: uuid('region_id')
    .primaryKey()
    .references(() => regions.id),
  url: text('url').notNull(),
  secret: text('secret').notNull(),
  updatedBy: uuid('updated_by').references(() => users.id),
  updatedAt: updated(),
});

/**
 * One row per region and day of digest: claimed (status `sending`) before
 * anything is sent, so two server processes never send the same day twice;
 * then `sent` or `failed`, with the attempts made and the last error.
 */
export const digestDeliveries = pgTable(
  'digest_deliveries',
  {
    regionId: uuid('region_id')
      .notNull()
      .references(() => regions.id),
    day: date('day', { mode: 'string' }).notNull(),
    status: text('status', { enum: ['sending', 'sent', 'failed'] }).notNull(),
    attempts: integer('attempts').notNull().default(0),
    error: text('error'),
    at: ts('at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.regionId, t.day] })],
);

export const changeSeq = pgSequence('change_seq', { startWith: 1 });

/**
 * The pull feed: one row per entity, renumbered on every change. `seq` is
 * taken under a transaction-level advisory lock just before commit, so seqs
 * become visible in increasing order and a cursor never skips a late commit.
 */
export const changes = pgTable(
  'changes',
  {
    kind: text('kind', {
      enum: ['region', 'park', 'enterprise', 'template', 'inspection', 'finding', 'findingEvent', 'plan'],
    }).notNull(),
    entityId: uuid('entity_id').notNull(),
    seq: bigint('seq', { mode: 'number' }).notNull(),
    op: text('op', { enum: ['put', 'delete'] }).notNull(),
    /** Scope keys: park-owned data carries parkId, regions regionId, templates neither (everyone). */
    parkId: uuid('park_id'),
    regionId: uuid('region_id'),
  },
  (t) => [
    primaryKey({ columns: [t.kind, t.entityId] }),
    uniqueIndex('changes_seq_uq').on(t.seq),
    // A small scope in a big database pulls along its parks' own changes.
    index('changes_park_seq_idx').on(t.parkId, t.seq),
  ],
);

export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: ts('at').notNull().defaultNow(),
    actorId: uuid('actor_id'),
    actorUsername: text('actor_username'),
    /** e.g. login.success, login.failure, admin.park.create, sync.mutation */
    type: text('type').notNull(),
    /** What the entry is about: the attempted username for logins, an entity id otherwise. */
    subject: text('subject'),
    ip: text('ip'),
    clockSkewMs: bigint('clock_skew_ms', { mode: 'number' }),
    details: jsonb('details').$type<Record<string, unknown>>(),
  },
  (t) => [
    index('audit_type_subject_at_idx').on(t.type, t.subject, t.at),
    index('audit_actor_at_idx').on(t.actorId, t.at),
    index('audit_at_idx').on(t.at),
  ],
);

/**
 * Login attempts still counting against a limit, per key (`user:<username>`
 * or `ip:<address>`): the failures of the window and the attempts being
 * checked right now. Taken and counted in one statement, so concurrent
 * attempts — in any process — cannot all pass the check (repo/users.ts).
 */
export const loginLimits = pgTable('login_limits', {
  key: text('key').primaryKey(),
  attempts: ts('attempts').array().notNull(),
  /** Whether the last attempt was let through: what the claiming statement answers. */
  admitted: boolean('admitted').notNull(),
});

/** Small named settings: the global scope epoch, when demo data was loaded. */
export const meta = pgTable('meta', {
  key: text('key').primaryKey(),
  value: jsonb('value').notNull(),
});
