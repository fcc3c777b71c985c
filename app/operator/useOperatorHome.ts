/**
 * The park operator's home: their parks' findings from the phone, by
 * urgency, under the filters kept in the address (so coming back from a
 * finding keeps them), and the enterprises the search matches.
 */
import { computed, ref, watch } from 'vue';
import { useRoute, useRouter, type LocationQueryValue } from 'vue-router';
import { SEVERITIES, type Severity } from '../../shared/finding-machine';
import { BUILTIN_CATEGORIES } from '../../shared/schemas/entities';
import { timeZone, today } from '../calendar';
import { useLiveQuery } from '../composables/live';
import { appDb } from '../db/database';
import { categoriesOf, GROUPS, groupFindings, recentlyClosed, searchEnterprises, type FindingFilter } from './groups';
import { operatorData } from './home';

type FilterKey = 'q' | 'category' | 'severity';

const one = (v: LocationQueryValue | LocationQueryValue[] | undefined) => (typeof v === 'string' && v ? v : null);

export function useOperatorHome() {
  const route = useRoute();
  const router = useRouter();
  const day = today();
  const data = useLiveQuery(() => operatorData(appDb()));

  const filter = computed<FindingFilter>(() => ({
    query: one(route.query.q) ?? '',
    category: one(route.query.category),
    severity: SEVERITIES.includes(route.query.severity as Severity) ? (route.query.severity as Severity) : null,
  }));
  function setFilter(patch: Partial<Record<FilterKey, string | null>>) {
    const query: Record<string, unknown> = { ...route.query, ...patch };
    for (const k of Object.keys(query)) if (!query[k]) delete query[k];
    void router.replace({ query: query as Record<string, string> });
  }
  // Typed into a field of its own: v-model waits for the end of a Chinese IME composition.
  const search = ref(filter.value.query);
  watch(search, (q) => setFilter({ q: q.trim() || null }));
  watch(
    () => filter.value.query,
    (q) => {
      if (q !== search.value.trim()) search.value = q;
    },
  );
  const filtered = computed(() => filter.value.query !== '' || filter.value.category !== null || filter.value.severity !== null);

  const groups = computed(() => (data.value ? groupFindings(data.value.rows, day, filter.value) : null));
  const visible = computed(() => GROUPS.filter((g) => (groups.value?.[g].length ?? 0) > 0));
  /** Findings the park still has to act on. */
  const toDo = computed(() => (groups.value ? groups.value.overdue.length + groups.value.dueSoon.length + groups.value.open.length : 0));
  const recentClosed = computed(() => (groups.value ? recentlyClosed(groups.value.closed, day, timeZone()) : 0));
  const categories = computed(() => categoriesOf(data.value?.rows ?? [], BUILTIN_CATEGORIES));
  const matches = computed(() => searchEnterprises(data.value?.enterprises ?? [], filter.value.query));

  return { data, today: day, filter, setFilter, search, filtered, groups, visible, toDo, recentClosed, categories, matches };
}
