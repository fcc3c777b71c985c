/**
 * The enterprise file (一企一档), from the phone's database: the enterprise,
 * every inspection of it, every finding with its status, and its record
 * over the last twelve months — counted the way the reports count (by the
 * month the finding was observed, in PARKCHECK_TZ).
 */
import { isOverdue, localDate } from '../../shared/dates';
import type { Enterprise, Finding, Inspection, Park, Template } from '../../shared/schemas/entities';
import type { LocalFinding, ParkCheckDb } from '../db/database';

export interface InspectionEntry {
  inspection: Inspection & { pending?: 1 };
  template: Template | undefined;
  findings: number;
}

export interface EnterpriseFile {
  enterprise: Enterprise;
  park: Park | undefined;
  /** Newest first. */
  inspections: InspectionEntry[];
  /** Not closed first (soonest due first), then closed (latest first). */
  findings: LocalFinding[];
}

/** null when the enterprise is not on this phone (so not in the user's scope once the phone has synced). */
export async function enterpriseFile(db: ParkCheckDb, id: string): Promise<EnterpriseFile | null> {
  const enterprise = await db.enterprises.get(id);
  if (!enterprise) return null;
  const [park, inspections, findings] = await Promise.all([
    db.parks.get(enterprise.parkId),
    db.inspections.where('enterpriseId').equals(id).toArray(),
    db.findings.where('enterpriseId').equals(id).toArray(),
  ]);
  const templates = await db.templates.bulkGet([...new Set(inspections.map((i) => i.templateId))]);
  const templateById = new Map(templates.filter((x) => x !== undefined).map((x) => [x.id, x]));
  const perInspection = new Map<string, number>();
  for (const f of findings) perInspection.set(f.inspectionId, (perInspection.get(f.inspectionId) ?? 0) + 1);
  return {
    enterprise,
    park,
    inspections: inspections
      .sort((a, b) => Date.parse(b.inspectedAt) - Date.parse(a.inspectedAt))
      .map((inspection) => ({ inspection, template: templateById.get(inspection.templateId), findings: perInspection.get(inspection.id) ?? 0 })),
    findings: findings.sort(
      (a, b) =>
        Number(a.status === 'closed') - Number(b.status === 'closed') ||
        (a.status === 'closed' ? Date.parse(b.closedAt ?? b.updatedAt) - Date.parse(a.closedAt ?? a.updatedAt) : a.dueDate.localeCompare(b.dueDate)),
    ),
  };
}

export interface MonthCount {
  /** YYYY-MM */
  month: string;
  found: number;
  /** Of those found that month, how many are closed now. */
  closed: number;
}

export interface YearRecord {
  months: MonthCount[];
  total: number;
  byStatus: { open: number; submitted: number; closed: number; overdue: number };
  /** Categories with findings, the most found first. */
  byCategory: { category: string; found: number; closed: number }[];
}

/** The twelve calendar months up to today's, oldest first. */
export function lastTwelveMonths(today: string): string[] {
  const [y, m] = today.split('-').map(Number) as [number, number];
  return Array.from({ length: 12 }, (_, i) => {
    const k = y * 12 + (m - 1) - (11 - i);
    return `${Math.floor(k / 12)}-${String((k % 12) + 1).padStart(2, '0')}`;
  });
}

/**
 * The findings observed in the last twelve months (this month included),
 * counted by month, status and category; `today` and the months are in `tz`.
 */
export function yearRecord(findings: Pick<Finding, 'status' | 'dueDate' | 'category' | 'observedAt'>[], today: string, tz: string): YearRecord {
  const months = lastTwelveMonths(today).map((month) => ({ month, found: 0, closed: 0 }));
  const byMonth = new Map(months.map((m) => [m.month, m]));
  const byStatus = { open: 0, submitted: 0, closed: 0, overdue: 0 };
  const byCategory = new Map<string, { category: string; found: number; closed: number }>();
  let total = 0;
  for (const f of findings) {
    const month = byMonth.get(localDate(new Date(f.observedAt), tz).slice(0, 7));
    if (!month) continue;
    total++;
    const closed = f.status === 'closed';
    month.found++;
    if (closed) month.closed++;
    byStatus[f.status]++;
    if (isOverdue(f.status, f.dueDate, today)) byStatus.overdue++;
    const c = byCategory.get(f.category) ?? { category: f.category, found: 0, closed: 0 };
    c.found++;
    if (closed) c.closed++;
    byCategory.set(f.category, c);
  }
  return { months, total, byStatus, byCategory: [...byCategory.values()].sort((a, b) => b.found - a.found || a.category.localeCompare(b.category)) };
}

/** The first day the year record counts from. */
export const yearStart = (today: string) => `${lastTwelveMonths(today)[0]}-01`;
