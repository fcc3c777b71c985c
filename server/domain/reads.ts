/** Scoped reads (API.md "Reads"): what a user asks for, limited to what they may see. */
import { z } from 'zod';
import { creationEvent, history } from '../../shared/history';
import { endOfDate, startOfDate } from '../../shared/dates';
import type { Enterprise, Finding, FindingEvent, Inspection, Park, Region, Template } from '../../shared/schemas/entities';
import { FINDINGS_DEFAULT_LIMIT, type FindingQuery } from '../../shared/schemas/reads';
import { scopeKey, scopeOf } from '../../shared/scope';
import { getEnterprise, listEnterprises, listLatestTemplates, listParks, listRegions } from '../repo/catalog';
import { getFinding, getInspection, listFindingEvents, listFindings, listInspectionFindings } from '../repo/findings';
import { toEnterprise, toFinding, toFindingEvent, toInspection, toPark, toRegion, toTemplate } from '../repo/mappers';
import type { Actor } from '../repo/users';
import { decodeCursor, encodeCursor } from './cursor';
import { notFound } from './errors';
import { mapContext, today, type Services } from './services';

/** Catalog reads go through the memo when the server has one (embedded database). */
function memo<T>(s: Services, key: string, load: () => Promise<T>): Promise<T> {
  return s.readCache ? s.readCache.get(key, load) : load();
}

export async function regionsFor(s: Services, actor: Actor): Promise<Region[]> {
  const scope = scopeOf(actor);
  return memo(s, `regions:${scopeKey(scope)}`, async () => (await listRegions(s.db, scope)).map(toRegion));
}

export async function parksFor(s: Services, actor: Actor): Promise<Park[]> {
  const scope = scopeOf(actor);
  return memo(s, `parks:${scopeKey(scope)}`, async () => (await listParks(s.db, scope)).map(toPark));
}

export async function templatesFor(s: Services): Promise<Template[]> {
  return memo(s, 'templates', async () => (await listLatestTemplates(s.db)).map((t) => toTemplate(t, s.tz)));
}

const ENTERPRISE_DEFAULT_LIMIT = 500;
const EnterpriseCursor = z.object({ after: z.guid() });

export async function enterprisesFor(
  s: Services,
  actor: Actor,
  q: { parkId?: string | undefined; q?: string | undefined; limit?: number | undefined; cursor?: string | undefined },
): Promise<{ items: Enterprise[]; nextCursor: string | null }> {
  const limit = q.limit ?? ENTERPRISE_DEFAULT_LIMIT;
  const after = q.cursor ? decodeCursor(q.cursor, EnterpriseCursor).after : undefined;
  const rows = await listEnterprises(s.db, scopeOf(actor), { parkId: q.parkId, q: q.q, limit, after });
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    items: page.map(toEnterprise),
    nextCursor: rows.length > limit && last ? encodeCursor({ after: last.id }) : null,
  };
}

export async function enterpriseFor(s: Services, actor: Actor, id: string): Promise<Enterprise> {
  const row = await getEnterprise(s.db, scopeOf(actor), id);
  if (!row) throw notFound('no such enterprise');
  return toEnterprise(row);
}

const FindingCursor = z.object({ t: z.iso.datetime({ offset: true }), id: z.guid() });

export async function findingsFor(
  s: Services,
  actor: Actor,
  q: FindingQuery,
): Promise<{ items: Finding[]; nextCursor: string | null }> {
  const limit = q.limit ?? FINDINGS_DEFAULT_LIMIT;
  const after = q.cursor ? decodeCursor(q.cursor, FindingCursor) : undefined;
  const rows = await listFindings(
    s.db,
    scopeOf(actor),
    {
      parkId: q.parkId,
      enterpriseId: q.enterpriseId,
      status: q.status,
      severity: q.severity,
      category: q.category,
      overdue: q.overdue === undefined ? undefined : q.overdue === 'true',
      from: q.from ? startOfDate(q.from, s.tz) : undefined,
      to: q.to ? endOfDate(q.to, s.tz) : undefined,
      today: today(s),
    },
    { limit, after: after ? { observedAt: new Date(after.t), id: after.id } : undefined },
  );
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  const ctx = mapContext(s);
  return {
    items: page.map((f) => toFinding(f, ctx)),
    nextCursor:
      rows.length > limit && last ? encodeCursor({ t: last.observedAt.toISOString(), id: last.id }) : null,
  };
}

export async function findingFor(
  s: Services,
  actor: Actor,
  id: string,
): Promise<{ finding: Finding; events: FindingEvent[] }> {
  const row = await getFinding(s.db, scopeOf(actor), id);
  if (!row) throw notFound('no such finding');
  const [events, inspection] = await Promise.all([listFindingEvents(s.db, id), getInspection(s.db, { kind: 'all' }, row.inspectionId)]);
  const finding = toFinding(row, mapContext(s));
  const creation = creationEvent(finding, inspection && toInspection(inspection, s.tz));
  return { finding, events: history(creation, events.map((e) => toFindingEvent(e, s.tz))) };
}

export async function inspectionFor(
  s: Services,
  actor: Actor,
  id: string,
): Promise<{ inspection: Inspection; findings: Finding[] }> {
  const row = await getInspection(s.db, scopeOf(actor), id);
  if (!row) throw notFound('no such inspection');
  const ctx = mapContext(s);
  const findings = await listInspectionFindings(s.db, id);
  return { inspection: toInspection(row, s.tz), findings: findings.map((f) => toFinding(f, ctx)) };
}
