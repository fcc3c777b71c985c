/**
 * What this phone has not sent yet, as the sync page lists it: the user's
 * outbox entries (pending, or refused with the server's reason) in the
 * order they were made, and the photos waiting for upload. Live, so the
 * lists empty themselves as a sync goes through.
 */
import { computed } from 'vue';
import { appDb } from '../db/database';
import { useSessionStore } from '../stores/session';
import { useLiveQuery } from './live';

export function useOutbox() {
  const session = useSessionStore();
  const db = appDb();
  const entries = useLiveQuery(
    async () => (session.user ? db.outbox.where('userId').equals(session.user.id).sortBy('seq') : []),
    [() => session.user?.id],
  );
  const photos = useLiveQuery(() => db.attachments.where('uploaded').equals(0).toArray(), []);
  return {
    pending: computed(() => (entries.value ?? []).filter((e) => e.status === 'pending')),
    rejected: computed(() => (entries.value ?? []).filter((e) => e.status === 'rejected')),
    photoCount: computed(() => photos.value?.length ?? 0),
    photoBytes: computed(() => (photos.value ?? []).reduce((sum, p) => sum + p.size, 0)),
  };
}
