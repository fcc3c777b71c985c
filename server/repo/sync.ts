/** Database access for sync: processed mutations, the rows they write, and the pull feed. */
import { and, asc, eq, getTableColumns, gt, sql, type AnyColumn, type Column, type InferSelectModel } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { ChangeKind, MutationError } from '../../shared/schemas/sync';
import type { Scope } from '../../shared/scope';
import { resultRows, type Executor, type Tx } from '../db/client';
import {
  attachmentRefs,
  changes,
  enterprises,
  findingEvents,
  findings,
  inspections,
  meta,
  mutations,
  parks,
  regions,
  templates,
} from '../db/schema';
import { parkIn, regionIn, uuidArray } from './scope';
import { bulkInsert } from './bulk';
import { SCOPE_EPOCH } from './meta';
import { planVisible, type PlanViewer } from './plans';

export type MutationRow = typeof mutations.$inferInsert;
export type InspectionRow = typeof inspections.$inferInsert;
export type FindingRow = typeof findings.$inferInsert;
export type FindingEventRow = typeof findingEvents.$inferInsert;

/** `column` is one of `ids`: a single array parameter, however many ids (a push checks hundreds). */
const oneOf = (column: AnyColumn, ids: string[]) => sql`${column} = ANY(${uuidArray(ids)})`;

/** This user's mutations of these ids, already processed. */
export async function processedMutations(db: Executor, userId: string, ids: string[]) {
  if (!ids.length) return [];
  return db.select().from(mutations).where(and(eq(mutations.userId, userId), oneOf(mutations.id, ids)));
}

/** Inserts mutation records; answers the ids it inserted (the others were recorded meanwhile). */
export async function recordMutations(tx: Executor, rows: MutationRow[]): Promise<Set<string>> {
  return new Set(await bulkInsert(tx, mutations, rows, { onConflictDoNothing: true, returningIds: true }));
}

export interface SubmitContext {
  templates: { id: string; category: string; itemCodes: string[] }[];
  /** Parks in scope, of those asked. */
  parks: string[];
  /** Enterprises in scope, of those asked, with their park. */
  enterprises: { id: string; parkId: string }[];
  takenInspections: string[];
  takenFindings: string[];
}

/**
 * What checking a run of inspection submissions needs, in one query: on
 * PGlite each statement costs a round through the protocol, and a phone's
 * sync of one inspection is mostly such rounds.
 */
export async function submitContext(
  db: Executor,
  scope: Scope,
  ids: { templates: string[]; parks: string[]; enterprises: string[]; inspections: string[]; findings: string[] },
): Promise<SubmitContext> {
  const result = await db.execute(sql`SELECT
    (SELECT coalesce(json_agg(json_build_object(
        'id', ${templates.id},
        'category', ${templates.category},
        'itemCodes', (SELECT coalesce(json_agg(i->>'code'), '[]') FROM jsonb_array_elements(${templates.sections}) s, jsonb_array_elements(s->'items') i)
      )), '[]') FROM ${templates} WHERE ${oneOf(templates.id, ids.templates)}) AS templates,
    (SELECT coalesce(json_agg(${parks.id}), '[]') FROM ${parks} WHERE ${oneOf(parks.id, ids.parks)} AND ${parkIn(scope, parks.id)}) AS parks,
    (SELECT coalesce(json_agg(json_build_object('id', ${enterprises.id}, 'parkId', ${enterprises.parkId})), '[]') FROM ${enterprises}
      WHERE ${oneOf(enterprises.id, ids.enterprises)} AND ${parkIn(scope, enterprises.parkId)}) AS enterprises,
    (SELECT coalesce(json_agg(${inspections.id}), '[]') FROM ${inspections} WHERE ${oneOf(inspections.id, ids.inspections)}) AS "takenInspections",
    (SELECT coalesce(json_agg(${findings.id}), '[]') FROM ${findings} WHERE ${oneOf(findings.id, ids.findings)}) AS "takenFindings"`);
  return resultRows<SubmitContext>(result)[0]!;
}

/** Whether a finding event with this id exists already. */
export async function eventTaken(db: Executor, id: string): Promise<boolean> {
  const rows = await db.select({ id: findingEvents.id }).from(findingEvents).where(eq(findingEvents.id, id)).limit(1);
  return rows.length > 0;
}

export async function insertInspections(tx: Tx, rows: InspectionRow[]) {
  await bulkInsert(tx, inspections, rows);
}

export async function insertFindings(tx: Tx, rows: FindingRow[]) {
  await bulkInsert(tx, findings, rows);
}

export async function insertFindingEvents(tx: Tx, rows: FindingEventRow[]) {
  await bulkInsert(tx, findingEvents, rows);
}

export async function insertAttachmentRefs(tx: Tx, rows: { attachmentId: string; parkId: string }[]) {
  await bulkInsert(tx, attachmentRefs, rows, { onConflictDoNothing: true });
}

/** The finding, locked until the transaction ends: concurrent decisions on it take turns. */
export async function lockFinding(tx: Tx, scope: Scope, id: string) {
  const [row] = await tx
    .select()
    .from(findings)
    .where(and(eq(findings.id, id), parkIn(scope, findings.parkId)))
    .for('update')
    .limit(1);
  return row;
}

/** A change to a finding. A new due date comes with its end (findings.ts `dueColumns`), never alone. */
export type FindingPatch = Omit<Partial<FindingRow>, 'dueDate' | 'dueEndAt'> &
  ({ dueDate?: undefined; dueEndAt?: undefined } | { dueDate: string; dueEndAt: Date });

export async function updateFinding(tx: Tx, id: string, patch: FindingPatch) {
  await tx.update(findings).set(patch).where(eq(findings.id, id));
}

export async function rejectMutation(tx: Tx, userId: string, id: string, error: MutationError) {
  await tx
    .update(mutations)
    .set({ status: 'rejected', error: { code: error.code, message: error.message, ...(error.details === undefined ? {} : { details: error.details }) } })
    .where(and(eq(mutations.userId, userId), eq(mutations.id, id)));
}

// ── pull ──────────────────────────────────────────────────────────────────

export interface ChangeRow {
  seq: number;
  kind: ChangeKind;
  entityId: string;
  op: 'put' | 'delete';
}

/**
 * The changes after `after` that the viewer may see, oldest first. Templates
 * are everyone's; park-owned rows follow the park; regions follow the region;
 * plans go to whoever sees them.
 */
export async function changesSince(
  db: Executor,
  viewer: PlanViewer,
  after: number,
  limit: number,
  includeDeletes: boolean,
): Promise<ChangeRow[]> {
  return db
    .select({ seq: changes.seq, kind: changes.kind, entityId: changes.entityId, op: changes.op })
    .from(changes)
    .where(
      and(
        gt(changes.seq, after),
        includeDeletes ? undefined : eq(changes.op, 'put'),
        sql`(${changes.kind} = 'template' OR ${parkIn(viewer.scope, changes.parkId)} OR ${regionIn(viewer.scope, changes.regionId)}
          OR (${changes.kind} = 'plan' AND ${planVisible(viewer, changes.entityId)}))`,
      ),
    )
    .orderBy(asc(changes.seq))
    .limit(limit);
}

/** The scope epoch (repo/meta.ts) and the last change number, read together. */
export async function feedHead(db: Executor): Promise<{ scopeEpoch: number; latestSeq: number }> {
  const result = await db.execute(sql`SELECT
    (SELECT ${meta.value} FROM ${meta} WHERE ${meta.key} = ${SCOPE_EPOCH}) AS epoch,
    (SELECT max(${changes.seq}) FROM ${changes}) AS seq`);
  const [row] = resultRows<{ epoch: unknown; seq: string | number | null }>(result);
  return { scopeEpoch: typeof row?.epoch === 'number' ? row.epoch : 0, latestSeq: Number(row?.seq ?? 0) };
}

/**
 * Rows by id, each fetched as one JSON value and mapped with the table's own
 * column types. A pull page reads thousands of findings: the database
 * driver's per-value decoding (one buffer copy and one string decode per
 * field) cost more than the query itself; one value per row costs one.
 */
async function rowsAsJson<T extends PgTable & { id: AnyColumn }>(db: Executor, table: T, ids: string[]): Promise<InferSelectModel<T>[]> {
  const columns = Object.entries(getTableColumns(table)) as [string, Column][];
  const result = await db.execute(sql`SELECT row_to_json(${table})::text AS r FROM ${table} WHERE ${oneOf(table.id, ids)}`);
  return resultRows<{ r: string }>(result).map(({ r }) => {
    const json = JSON.parse(r) as Record<string, unknown>;
    const row: Record<string, unknown> = {};
    for (const [key, column] of columns) {
      const value = json[column.name];
      row[key] = value === null || value === undefined ? null : column.mapFromDriverValue(value);
    }
    return row as InferSelectModel<T>;
  });
}

export async function rowsByIds<K extends ChangeKind>(db: Executor, kind: K, ids: string[]) {
  if (!ids.length) return [];
  switch (kind) {
    case 'region':
      return db.select().from(regions).where(oneOf(regions.id, ids));
    case 'park':
      return db.select().from(parks).where(oneOf(parks.id, ids));
    case 'enterprise':
      return db.select().from(enterprises).where(oneOf(enterprises.id, ids));
    case 'template':
      return db.select().from(templates).where(oneOf(templates.id, ids));
    case 'inspection':
      return rowsAsJson(db, inspections, ids);
    case 'finding':
      return rowsAsJson(db, findings, ids);
    case 'findingEvent':
      return rowsAsJson(db, findingEvents, ids);
    case 'plan':
      throw new Error('plans are read with their targets (domain/plans.ts planDetails)');
  }
  throw new Error(`unknown kind ${kind as string}`);
}
