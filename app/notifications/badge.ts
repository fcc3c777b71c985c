/**
 * The navigation badge of the notifications entry: how many notifications
 * the user has not seen. Loaded lazily by the navigation bar (off the first
 * screen); one live count for the app's lifetime, following the logged-in
 * user and their marker, recounted whenever a sync or a local change lands.
 */
import { effectScope, type Ref } from 'vue';
import { timeZone } from '../calendar';
import { useLiveQuery } from '../composables/live';
import { appDb } from '../db/database';
import { useSessionStore } from '../stores/session';
import { daysBefore, FIRST_LOOK_DAYS, notificationsFor } from './notifications';
import { seenUpTo } from './seen';

let count: Readonly<Ref<number | undefined>> | undefined;

export function unseenNotificationCount(): Readonly<Ref<number | undefined>> {
  count ??= effectScope(true).run(() => {
    const session = useSessionStore();
    const marker = () => (session.user ? seenUpTo(session.user.id) : null);
    return useLiveQuery(
      async () => {
        const user = session.user;
        if (!user) return undefined;
        const now = new Date();
        return (await notificationsFor(appDb(), user, marker() ?? daysBefore(now, FIRST_LOOK_DAYS), { now, tz: timeZone() })).length;
      },
      [() => session.user?.id, marker],
      undefined,
    );
  })!;
  return count;
}
