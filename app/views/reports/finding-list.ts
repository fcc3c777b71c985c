/**
 * The findings behind one report number, a page at a time. The address says
 * which (measure, period, region or park, category, severity), exactly as
 * the number's link gave it, so the list holds exactly what was counted.
 */
import { computed, onScopeDispose, reactive, shallowRef, watch } from 'vue';
import { useRoute, type LocationQuery } from 'vue-router';
import { isValidDate } from '../../../shared/dates';
import { MEASURES, type Measure, type ReportFinding } from '../../../shared/schemas/reports';
import { useReportsStore } from '../../stores/reports';
import { one } from './where';

export interface ListWhere {
  measure: Measure;
  from?: string | undefined;
  to?: string | undefined;
  regionId?: string | undefined;
  parkId?: string | undefined;
  category?: string | undefined;
  severity?: 'general' | 'major' | undefined;
}

const PAGE = 50;
const date = (v: LocationQuery[string] | undefined) => {
  const s = one(v);
  return s && isValidDate(s) ? s : undefined;
};

export function listWhereOf(q: LocationQuery): ListWhere {
  const measure = one(q.measure);
  const severity = one(q.severity);
  return {
    measure: MEASURES.includes(measure as Measure) ? (measure as Measure) : 'total',
    from: date(q.from),
    to: date(q.to),
    regionId: one(q.regionId),
    parkId: one(q.parkId),
    category: one(q.category),
    severity: severity === 'general' || severity === 'major' ? severity : undefined,
  };
}

export function useFindingList() {
  const route = useRoute();
  const store = useReportsStore();
  const where = computed(() => listWhereOf(route.query));
  const items = shallowRef<ReportFinding[]>([]);
  const state = reactive({
    status: 'loading' as 'loading' | 'ready' | 'error',
    error: null as unknown,
    total: 0,
    today: '',
    next: null as string | null,
    more: false,
  });
  let controller: AbortController | undefined;

  async function page(cursor?: string): Promise<void> {
    controller?.abort();
    const ctl = (controller = new AbortController());
    try {
      const answer = await store.findings({ ...where.value, limit: PAGE, cursor }, ctl.signal);
      if (ctl.signal.aborted) return;
      items.value = cursor ? [...items.value, ...answer.items] : answer.items;
      Object.assign(state, { status: 'ready', total: answer.total, today: answer.today, next: answer.nextCursor });
    } catch (error) {
      if (ctl.signal.aborted) return;
      Object.assign(state, { status: 'error', error });
    } finally {
      if (!ctl.signal.aborted) state.more = false;
    }
  }

  function reload(): Promise<void> {
    state.status = 'loading';
    items.value = [];
    return page();
  }

  function loadMore(): void {
    if (!state.next || state.more) return;
    state.more = true;
    void page(state.next);
  }

  watch(where, reload, { immediate: true });
  void store.loadPlaces().catch(() => undefined);
  onScopeDispose(() => controller?.abort());

  return { where, items, state, reload, loadMore };
}
