/**
 * "On this phone, else ask the server" — the one way a screen opens a record
 * the phone may not have (a link from a notification, a finding found by a
 * report, an inspection synced away): the phone's database first, live;
 * when the record is not there, the server is asked and its answer is kept
 * on the phone, where the live query then finds it. What the server
 * will not show (outside the user's scope, or gone) is "not found" — never
 * data; no answer at all is "offline", said as such.
 */
import { computed, ref, watch, type Ref, type WatchSource } from 'vue';
import { ApiError, NetworkError } from '../api/client';
import { useLiveQuery } from './live';

/** What the screen shows instead of the record while it is not on the phone. */
export type Lookup = 'checking' | 'notFound' | 'offline';

/**
 * Asks the server for a record missing on the phone and keeps it there
 * (`fetchAndKeep`); answers what the screen should say instead — nothing
 * once it is kept.
 */
async function askServer(fetchAndKeep: () => Promise<void>): Promise<Exclude<Lookup, 'checking'> | null> {
  try {
    await fetchAndKeep();
    return null;
  } catch (error) {
    // No answer, or one that is not about the record (the server failing): it may well exist.
    if (error instanceof NetworkError || (error instanceof ApiError && error.status >= 500)) return 'offline';
    if (error instanceof ApiError) return 'notFound';
    throw error;
  }
}

/**
 * `read` answers the record from the phone (null: not there); `fetchAndKeep`
 * brings it from the server into the phone's database. `deps` name what the
 * record depends on (its id). The server is asked each time the record is
 * missing: when the screen opens, for another id, or when a sync took it away.
 */
export function useOnPhone<T>(
  read: () => Promise<T | null>,
  fetchAndKeep: () => Promise<void>,
  deps: WatchSource[],
): { record: Readonly<Ref<T | null | undefined>>; lookup: Readonly<Ref<Lookup | null>> } {
  // Each reading is a new object, so a record missing for one id and then for the next is seen twice.
  const reading = useLiveQuery(async () => ({ found: await read() }), deps);
  const record = computed(() => reading.value?.found);
  const lookup = ref<Lookup | null>(null);
  let asked = false;
  let question = 0;
  watch(deps, () => {
    asked = false;
    question++;
    lookup.value = null;
  });
  watch(reading, async (r) => {
    if (!r) return;
    if (r.found !== null) {
      asked = false;
      lookup.value = null;
      return;
    }
    if (asked) return;
    asked = true;
    const mine = ++question;
    lookup.value = 'checking';
    const answer = await askServer(fetchAndKeep);
    // Another id was opened meanwhile: this answer is about another record.
    if (mine === question) lookup.value = answer;
  });
  return { record, lookup };
}
