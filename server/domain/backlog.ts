/**
 * The backlog (存量, API.md "Backlog"): what is still not closed today, in
 * the caller's scope, whatever its inspection date. Overdue findings are aged
 * by whole days past their due date (1–7, 8–30, 31+), judged against today in
 * PARKCHECK_TZ. Park and region tables are rolled up from per-park counts the
 * same way as the rectification table, so their rows add up to the totals.
 */
import { addDays } from '../../shared/dates';
import { SEVERITIES, type Severity } from '../../shared/finding-machine';
import {
  addBacklog,
  AGEING,
  NO_BACKLOG,
  type BacklogQuery,
  type BacklogReport,
  type BacklogRow,
  type BacklogTotals,
} from '../../shared/schemas/backlog';
import { backlogCounts, reportParks, type BacklogFilter } from '../repo/reports';
import type { Actor } from '../repo/users';
import { byLabel, categoryGroups, groupKeys, resolveWhere, rollUpRegions, type ParkRow, type Rollup } from './reports';
import type { Services } from './services';

/** The due dates each ageing band spans on `today`. */
export function ageingBands(today: string): BacklogFilter['bands'] {
  return AGEING.map((b) => ({ key: b.key, from: b.to === null ? null : addDays(today, -b.to), to: addDays(today, -b.from) }));
}

const counts = (t: BacklogTotals): BacklogTotals => ({ ...NO_BACKLOG, ...t });

const BACKLOG_ROLLUP: Rollup<BacklogTotals, BacklogRow> = {
  zero: NO_BACKLOG,
  add: addBacklog,
  empty: (t) => t.open + t.submitted === 0,
  park: ({ park, tally }) => ({ key: park.id, label: park.name, kind: 'park', ...counts(tally) }),
  region: (region, tally) => ({ key: region.id, label: region.name, kind: 'region', ...counts(tally) }),
};

const pick = ({ key: _key, ...t }: BacklogTotals & { key: string }): BacklogTotals => t;

export async function backlogReport(s: Services, actor: Actor, q: BacklogQuery): Promise<BacklogReport> {
  const w = await resolveWhere(s, actor, q);
  const today = w.filter.today;
  const f: BacklogFilter = { regionId: q.regionId, parkId: q.parkId, today, bands: ageingBands(today) };
  let rows: BacklogRow[];
  if (q.groupBy === 'park' || q.groupBy === 'region') {
    const [parks, perPark] = await Promise.all([reportParks(s.db, w.scope, f), backlogCounts(s.db, w.scope, f, 'park')]);
    const byPark = new Map(perPark.map((r) => [r.key, pick(r)]));
    // Disabled parks keep a row only while something of theirs is still open.
    const tallies = parks
      .map((park: ParkRow) => ({ park, tally: byPark.get(park.id) ?? NO_BACKLOG }))
      .filter((t) => t.park.disabledAt === null || !BACKLOG_ROLLUP.empty(t.tally));
    rows = q.groupBy === 'park' ? tallies.map(BACKLOG_ROLLUP.park).sort(byLabel) : rollUpRegions(tallies, w, q.regionId, BACKLOG_ROLLUP);
  } else {
    const found = new Map((await backlogCounts(s.db, w.scope, f, q.groupBy)).map((r) => [r.key, pick(r)]));
    const groups =
      q.groupBy === 'severity'
        ? { keys: SEVERITIES, label: (k: string) => w.labels.severity[k as Severity] }
        : await categoryGroups(s, w, q.lang ?? 'zh');
    rows = groupKeys(found.keys(), groups.keys).map((k) => ({ key: k, label: groups.label(k), ...(found.get(k) ?? NO_BACKLOG) }));
  }
  return {
    asOf: today,
    rows,
    totals: rows.reduce((sum, r) => addBacklog(sum, counts(r)), NO_BACKLOG),
    groupBy: q.groupBy,
    scope: w.scopeLabel,
  };
}
