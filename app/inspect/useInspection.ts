/**
 * An inspection as its page and its printed record show it: from the phone,
 * else asked of the server (useOnPhone) — one outside the user's scope is
 * "not found", never data.
 */
import { computed } from 'vue';
import { api } from '../api/client';
import { today } from '../calendar';
import { useLiveQuery } from '../composables/live';
import { useOnPhone } from '../composables/on-phone';
import { appDb } from '../db/database';
import { useSessionStore } from '../stores/session';
import { fetchInspection, inspectionRecord, rectificationNotice } from './records';

export function useInspection(id: () => string) {
  const session = useSessionStore();
  const { record, lookup } = useOnPhone(
    () => inspectionRecord(appDb(), id()),
    () => fetchInspection(appDb(), api, id()),
    [id],
  );
  /** Still in the outbox: the server has not received it yet. */
  const pending = computed(() => (record.value?.inspection as { pending?: 1 } | undefined)?.pending === 1);
  const mine = computed(() => record.value?.inspection.inspectorId === session.user?.id);
  return { record, lookup, pending, mine, today: today() };
}

/** The rectification notice (整改通知书) of an enterprise, from the phone: it prints offline, in the workshop. */
export function useRectificationNotice(enterpriseId: () => string) {
  return useLiveQuery(() => rectificationNotice(appDb(), enterpriseId()), [enterpriseId]);
}
