/**
 * The monthly or quarterly report (月度/季度通报) of a region: its figures
 * against the previous period, every park, the longest-overdue findings and
 * the worst-ranked parks. Also the periods one can be printed for.
 */
import { computed, reactive, watch, type Ref } from 'vue';
import { likeForLike, monthPeriod, monthsOf, presetPeriod, previousPeriod, trailingMonths, worstFirst, type Period } from '../../../shared/rates';
import type { RectificationReport, ReportFindingPage } from '../../../shared/schemas/reports';
import { today } from '../../calendar';
import { useReportsStore } from '../../stores/reports';
import { apiLang, type ReportWhere } from './where';

const OVERDUE_SHOWN = 15;
const WORST_SHOWN = 5;

interface DocumentData {
  current: RectificationReport;
  previous: RectificationReport;
  overdue: ReportFindingPage;
}

export function useReportDocument(where: Ref<ReportWhere>) {
  const store = useReportsStore();
  const state = reactive({ status: 'loading' as 'loading' | 'ready' | 'error', error: null as unknown, data: null as DocumentData | null });
  let generation = 0;

  async function load(): Promise<void> {
    const mine = ++generation;
    state.status = 'loading';
    const w = where.value;
    const place = { regionId: w.regionId, parkId: w.parkId, lang: apiLang.value };
    const before = likeForLike(w.period, today()).previous;
    try {
      const [current, previous, overdue] = await Promise.all([
        store.report({ groupBy: 'park', ...place, ...w.period }),
        store.report({ groupBy: 'park', ...place, ...before }),
        store.findings({ measure: 'overdue', limit: OVERDUE_SHOWN, ...place, ...w.period }),
      ]);
      if (mine !== generation) return;
      Object.assign(state, { status: 'ready', data: { current, previous, overdue } });
    } catch (error) {
      if (mine !== generation) return;
      Object.assign(state, { status: 'error', error });
    }
  }
  watch([where, apiLang], load, { immediate: true });

  const worst = computed(() =>
    (state.data?.current.rows ?? [])
      .filter((r) => r.total > 0)
      .sort(worstFirst)
      .slice(0, WORST_SHOWN),
  );
  const parksByRegion = computed(() =>
    [...(state.data?.current.rows ?? [])].sort(
      (a, b) => (a.regionName ?? '').localeCompare(b.regionName ?? '', 'zh-CN') || a.label.localeCompare(b.label, 'zh-CN'),
    ),
  );

  return { state, worst, parksByRegion, reload: load };
}

/** The months (newest first, this one included) and quarters one may print a report for. */
export function printablePeriods(): { months: Period[]; quarters: Period[] } {
  const day = today();
  const months = monthsOf(trailingMonths(day, 12)).reverse().map(monthPeriod);
  const quarters: Period[] = [];
  for (let q = presetPeriod('thisQuarter', day); quarters.length < 8; q = previousPeriod(q)) quarters.push(q);
  return { months, quarters };
}
