/** The extension requests waiting for a decision, live from the phone (decided right there, offline too). */
import { today } from '../calendar';
import { useLiveQuery } from '../composables/live';
import { appDb } from '../db/database';
import { pendingExtensions } from './extensions';

export function useExtensionRequests() {
  return { requests: useLiveQuery(() => pendingExtensions(appDb())), today: today() };
}
