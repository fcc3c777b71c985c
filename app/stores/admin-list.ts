/**
 * One admin list (parks, enterprises, users, the audit log): search text and
 * filters, the rows loaded so far, "load more" by cursor, and one readable
 * error. A newer search cancels the one in flight, so a slow answer never
 * overwrites a newer one. Rows changed on the screen are replaced in place.
 */
import { reactive, shallowRef, watch, type Reactive, type Ref } from 'vue';
import type { Page, Query } from './admin';

export interface AdminList<T extends { id: string }, F extends Query> {
  rows: Ref<T[]>;
  loading: Ref<boolean>;
  error: Ref<unknown>;
  nextCursor: Ref<string | null>;
  filters: Reactive<F>;
  reload(): Promise<void>;
  loadMore(): Promise<void>;
  replace(row: T): void;
}

export function useAdminList<T extends { id: string }, F extends Query>(
  fetchPage: (query: Query, signal: AbortSignal) => Promise<Page<T>>,
  initial: F,
  /** Search text waits this long after the last keystroke. */
  debounceMs = 300,
): AdminList<T, F> {
  const rows = shallowRef<T[]>([]);
  const loading = shallowRef(false);
  const error = shallowRef<unknown>(null);
  const nextCursor = shallowRef<string | null>(null);
  const filters = reactive({ ...initial });
  let inFlight: AbortController | undefined;

  async function fetch(cursor: string | null): Promise<void> {
    inFlight?.abort();
    const controller = new AbortController();
    inFlight = controller;
    loading.value = true;
    error.value = null;
    try {
      const query = Object.fromEntries(Object.entries(filters).filter(([, v]) => v !== '' && v !== false && v !== undefined));
      const page = await fetchPage({ ...query, cursor }, controller.signal);
      if (controller.signal.aborted) return;
      rows.value = cursor ? [...rows.value, ...page.items] : page.items;
      nextCursor.value = page.nextCursor;
    } catch (err) {
      if (!controller.signal.aborted) error.value = err;
    } finally {
      if (inFlight === controller) loading.value = false;
    }
  }

  let timer: ReturnType<typeof setTimeout> | undefined;
  watch(
    () => ({ ...filters }),
    (now, before) => {
      clearTimeout(timer);
      const typing = now.q !== before.q;
      timer = setTimeout(() => void fetch(null), typing ? debounceMs : 0);
    },
  );

  return {
    rows,
    loading,
    error,
    nextCursor,
    filters,
    reload: () => fetch(null),
    loadMore: () => (nextCursor.value ? fetch(nextCursor.value) : Promise.resolve()),
    replace(row: T) {
      rows.value = rows.value.some((r) => r.id === row.id) ? rows.value.map((r) => (r.id === row.id ? row : r)) : [row, ...rows.value];
    },
  };
}
