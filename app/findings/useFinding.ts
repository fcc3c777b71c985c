/**
 * A finding's page, for every role in scope: the finding with its history
 * and the user's own changes to it (pending, or refused with the reason),
 * from the phone — else asked of the server (useOnPhone).
 */
import { computed } from 'vue';
import { daysBetween, isOverdue } from '../../shared/dates';
import { api } from '../api/client';
import { today } from '../calendar';
import { useOnPhone } from '../composables/on-phone';
import { appDb } from '../db/database';
import { useSessionStore } from '../stores/session';
import { fetchFinding, findingDetail } from './detail';

export function useFinding(id: () => string) {
  const session = useSessionStore();
  const { record: detail, lookup } = useOnPhone(
    () => findingDetail(appDb(), id(), session.user?.id ?? ''),
    () => fetchFinding(appDb(), api, id()),
    [id, () => session.user?.id],
  );
  const day = today();
  const finding = computed(() => detail.value?.finding);
  const overdueDays = computed(() => {
    const f = finding.value;
    return f && isOverdue(f.status, f.dueDate, day) ? daysBetween(f.dueDate, day) : 0;
  });
  /** The user's changes the server refused: each stays, with its reason, until retried or discarded. */
  const refused = computed(() => (detail.value?.outbox ?? []).filter((e) => e.status === 'rejected'));
  return { detail, finding, lookup, today: day, overdueDays, refused };
}
