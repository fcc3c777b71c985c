/**
 * What the inspector's day reads from the phone's database: every
 * enterprise in scope with its last inspection and open findings, and the
 * inspections still being filled in. Plain functions of the database
 * (useInspectToday wraps them in live queries), so the lists update by
 * themselves after a local change or a pulled page.
 */
import { isOverdue } from '../../shared/dates';
import { localized } from '../../shared/i18n-text';
import type { Enterprise, Park } from '../../shared/schemas/entities';
import type { ParkCheckDb } from '../db/database';
import { itemsOf, type Draft } from './draft';

export interface EnterpriseRow {
  enterprise: Enterprise;
  park: Park;
  lastInspectedAt: string | null;
  /** Findings not yet closed, and those of them past their due date. */
  open: number;
  overdue: number;
  visitedAt: string | null;
}

/** Every enterprise in scope with what an inspector planning the day wants to know. */
export async function enterpriseOverview(db: ParkCheckDb, userId: string, today: string): Promise<EnterpriseRow[]> {
  const [parks, enterprises, inspections, open, visits] = await Promise.all([
    db.parks.toArray(),
    db.enterprises.toArray(),
    db.inspections.toArray(),
    db.findings.where('status').anyOf('open', 'submitted').toArray(),
    db.visits.where('userId').equals(userId).toArray(),
  ]);
  const parkById = new Map(parks.map((p) => [p.id, p]));
  const last = new Map<string, string>();
  for (const i of inspections) {
    if (i.enterpriseId && (last.get(i.enterpriseId) ?? '') < i.inspectedAt) last.set(i.enterpriseId, i.inspectedAt);
  }
  const counts = new Map<string, { open: number; overdue: number }>();
  for (const f of open) {
    if (!f.enterpriseId) continue;
    const c = counts.get(f.enterpriseId) ?? { open: 0, overdue: 0 };
    c.open++;
    if (isOverdue(f.status, f.dueDate, today)) c.overdue++;
    counts.set(f.enterpriseId, c);
  }
  const visited = new Map(visits.map((v) => [v.enterpriseId, v.at]));
  return enterprises
    .filter((e) => !e.disabled && parkById.has(e.parkId))
    .map((e) => ({
      enterprise: e,
      park: parkById.get(e.parkId)!,
      lastInspectedAt: last.get(e.id) ?? null,
      open: counts.get(e.id)?.open ?? 0,
      overdue: counts.get(e.id)?.overdue ?? 0,
      visitedAt: visited.get(e.id) ?? null,
    }));
}

export interface DraftRow {
  draft: Draft;
  title: string;
  /** The enterprise, or the park for its common areas. */
  place: string;
  answered: number;
  total: number;
}

/** The user's inspections still being filled in, the latest touched first. */
export async function unfinishedDrafts(db: ParkCheckDb, userId: string, lang: 'zh' | 'en'): Promise<DraftRow[]> {
  const list = (await db.drafts.where('userId').equals(userId).toArray()) as Draft[];
  const [templates, enterprises, parks] = await Promise.all([db.templates.toArray(), db.enterprises.toArray(), db.parks.toArray()]);
  return list
    .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))
    .map((draft) => {
      const template = templates.find((x) => x.id === draft.templateId);
      return {
        draft,
        title: template ? localized(template.title, lang) : '',
        place: enterprises.find((e) => e.id === draft.enterpriseId)?.name ?? parks.find((p) => p.id === draft.parkId)?.name ?? '',
        answered: Object.keys(draft.state.answers).length,
        total: template ? itemsOf(template).length : 0,
      };
    });
}

/** How many rectifications wait for re-inspection. */
export const reinspectCount = (db: ParkCheckDb) => db.findings.where('status').equals('submitted').count();
