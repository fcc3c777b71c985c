/**
 * When each user last looked at their notifications, kept on this phone:
 * the latest server time among the notifications they saw (not the phone's
 * clock, which may be wrong). Reactive, so the navigation badge recounts the
 * moment the notification list is opened; shared across tabs through the
 * storage event.
 */
import { ref } from 'vue';
import { readPersisted, writePersisted } from '../stores/persisted';

const PREFIX = 'parkcheck.notifications.';
/** Where app versions before the rename kept the marker: read once, so an update does not show old news as new. */
const EARLIER_PREFIX = 'parkcheck.notices.';
const asTime = (value: unknown) => (typeof value === 'string' && !Number.isNaN(Date.parse(value)) ? value : undefined);

const cache = new Map<string, string | null>();
/** Bumped on every change, so readers of seenUpTo re-run. */
const version = ref(0);

if (typeof window !== 'undefined') {
  window.addEventListener('storage', (event) => {
    if (!event.key?.startsWith(PREFIX)) return;
    cache.delete(event.key.slice(PREFIX.length));
    version.value++;
  });
}

/** The user's marker, or null when they have never looked on this phone. */
export function seenUpTo(userId: string): string | null {
  void version.value;
  if (!cache.has(userId)) cache.set(userId, readPersisted(PREFIX + userId, asTime) ?? readPersisted(EARLIER_PREFIX + userId, asTime));
  return cache.get(userId) ?? null;
}

export function markSeen(userId: string, upTo: string | null): void {
  if (upTo === null || upTo === seenUpTo(userId)) return;
  writePersisted(PREFIX + userId, upTo);
  cache.set(userId, upTo);
  version.value++;
}
