/**
 * The notification list: what is new since the user last looked, then the
 * rest of the last 30 days. Opening the list is looking: the marker moves
 * (and the badge clears) at once, while this visit still shows which ones
 * were new. From pulled data, so it works offline after any sync.
 */
import { computed, watch } from 'vue';
import { timeZone } from '../calendar';
import { useLiveQuery } from '../composables/live';
import { appDb } from '../db/database';
import { waitingFindings } from '../findings/extensions';
import { useSessionStore } from '../stores/session';
import { daysBefore, FIRST_LOOK_DAYS, LIST_DAYS, lookedAt, notificationsFor, unseen } from './notifications';
import { markSeen, seenUpTo } from './seen';

export function useNotificationList() {
  const session = useSessionStore();
  const now = new Date();
  /** The last look before this visit: what came after it is new on this visit. */
  const newSince = (session.user && seenUpTo(session.user.id)) ?? daysBefore(now, FIRST_LOOK_DAYS);
  const month = daysBefore(now, LIST_DAYS);
  const since = Date.parse(newSince) < Date.parse(month) ? newSince : month;

  /** Inspectors and supervisors decide extension requests: the list links to those waiting. */
  const decides = computed(() => session.user?.role === 'inspector' || session.user?.role === 'supervisor');
  const extensions = useLiveQuery(async () => (decides.value ? (await waitingFindings(appDb())).length : 0), [() => session.user?.id], 0);
  const notifications = useLiveQuery(
    () => (session.user ? notificationsFor(appDb(), session.user, since, { now: new Date(), tz: timeZone() }) : []),
    [() => session.user?.id],
  );
  const fresh = computed(() => unseen(notifications.value ?? [], newSince));
  const earlier = computed(() => (notifications.value ?? []).filter((n) => !fresh.value.includes(n)));

  watch(
    notifications,
    (list) => {
      const user = session.user;
      if (list && user) markSeen(user.id, lookedAt(list, seenUpTo(user.id)));
    },
    { immediate: true },
  );

  return { notifications, fresh, earlier, decides, extensions };
}
