/**
 * A Dexie live query as a Vue ref: the view re-renders whenever the rows it
 * read change — after a local write or a pulled page — with no refresh logic
 * in the view. Stops with the component (or effect scope) that made it.
 */
import { liveQuery } from 'dexie';
import { getCurrentScope, onScopeDispose, shallowRef, watch, type Ref, type WatchSource } from 'vue';

export function useLiveQuery<T>(query: () => T | Promise<T>, deps: WatchSource[] = [], initial?: T): Readonly<Ref<T | undefined>> {
  const value = shallowRef<T | undefined>(initial);
  let subscription: { unsubscribe(): void } | undefined;
  const start = () => {
    subscription?.unsubscribe();
    subscription = liveQuery(query).subscribe({
      next: (v) => (value.value = v),
      error: (err) => console.error('live query failed', err),
    });
  };
  if (deps.length) watch(deps, start, { immediate: true });
  else start();
  if (getCurrentScope()) onScopeDispose(() => subscription?.unsubscribe());
  return value;
}
