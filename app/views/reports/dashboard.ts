/**
 * The dashboard's data: one request per section, all at once, each section
 * showing its own loading and failure, so a slow or failed part never hides
 * the others. A newer where (period, region, park, language) abandons the
 * answers of the older one.
 */
import { computed, onScopeDispose, reactive, watch, type Ref } from 'vue';
import { likeForLike, monthsOf, trailingMonths } from '../../../shared/rates';
import { today } from '../../calendar';
import type { BacklogReport } from '../../../shared/schemas/backlog';
import type { GroupBy, RectificationReport, ReportFindingPage } from '../../../shared/schemas/reports';
import { useReportsStore } from '../../stores/reports';
import { apiLang, type ReportWhere } from './where';

export interface Section<T> {
  status: 'loading' | 'ready' | 'error';
  data: T | null;
  error: unknown;
}

const TREND_MONTHS = 12;
const LIST_LIMIT = 8;

function section<T>(): Section<T> {
  return reactive({ status: 'loading', data: null, error: null }) as Section<T>;
}

export function useDashboard(where: Ref<ReportWhere>) {
  const store = useReportsStore();
  const s = {
    parks: section<RectificationReport>(),
    regions: section<RectificationReport>(),
    previous: section<RectificationReport>(),
    trend: section<RectificationReport>(),
    categories: section<RectificationReport>(),
    severities: section<RectificationReport>(),
    overdue: section<ReportFindingPage>(),
    openMajor: section<ReportFindingPage>(),
    backlog: section<BacklogReport>(),
  };
  const atPark = computed(() => Boolean(where.value.parkId));
  let controller: AbortController | undefined;

  function fill<T>(target: Section<T>, load: () => Promise<T>, signal: AbortSignal): Promise<void> {
    target.status = 'loading';
    target.error = null;
    return load().then(
      (data) => {
        if (signal.aborted) return;
        target.data = data;
        target.status = 'ready';
      },
      (error: unknown) => {
        if (signal.aborted) return;
        target.error = error;
        target.status = 'error';
      },
    );
  }

  async function load(): Promise<void> {
    controller?.abort();
    const ctl = (controller = new AbortController());
    const signal = ctl.signal;
    const w = where.value;
    const place = { regionId: w.regionId, parkId: w.parkId, lang: apiLang.value };
    const period = { from: w.period.from, to: w.period.to };
    const report = (groupBy: GroupBy, p = period) => () => store.report({ groupBy, ...place, ...p }, signal);
    // 比上期, like for like: a running period up to today against the same span before it.
    const before = likeForLike(w.period, today()).previous;
    // The trend is the twelve months up to the period's end, or the whole period when it is longer.
    const trend = monthsOf(w.period).length > TREND_MONTHS ? w.period : trailingMonths(w.period.to, TREND_MONTHS);
    const list = (measure: 'overdue' | 'openMajor') => () => store.findings({ measure, limit: LIST_LIMIT, ...place, ...period }, signal);
    await Promise.all([
      store.loadPlaces().catch(() => undefined),
      fill(s.parks, report('park'), signal),
      atPark.value ? Promise.resolve(settle(s.regions)) : fill(s.regions, report('region'), signal),
      fill(s.previous, report('park', { from: before.from, to: before.to }), signal),
      fill(s.trend, report('month', trend), signal),
      fill(s.categories, report('category'), signal),
      fill(s.severities, report('severity'), signal),
      fill(s.overdue, list('overdue'), signal),
      fill(s.openMajor, list('openMajor'), signal),
      // Not of the period: everything still open today, by town (or by severity inside a park).
      fill(s.backlog, () => store.backlog({ groupBy: atPark.value ? 'severity' : 'region', ...place }, signal), signal),
    ]);
  }

  /** A section this level does not show (regions, inside a park). */
  function settle<T>(target: Section<T>): void {
    target.status = 'ready';
    target.data = null;
  }

  watch([where, apiLang], load, { immediate: true });
  onScopeDispose(() => controller?.abort());

  /** What the headline's changes compare: this span against that one. */
  const compared = computed(() => likeForLike(where.value.period, today()));
  const ready = computed(() => Object.values(s).every((x) => x.status !== 'loading'));
  return { ...s, atPark, compared, ready, reload: load };
}
