/**
 * Service worker registration and the update prompt, in one place.
 *
 * A new version is never applied by itself: the new worker waits until the user
 * taps "refresh" (updateSW(true) then activates it and reloads). The sync
 * engine tells us, through setUpdateGuard(), whether unsynced work exists; if
 * so the prompt says that it will be kept and asks once more before reloading.
 */
import { reactive, readonly } from 'vue';
import { registerSW } from 'virtual:pwa-register';

export type UpdateGuard = () => Promise<boolean>;

/** Phones keep the app open for days; look for a new version now and then. */
const UPDATE_CHECK_MS = 60 * 60 * 1000;
const OFFLINE_READY_MS = 8_000;

const state = reactive({
  needRefresh: false,
  pendingWork: false,
  confirming: false,
  updating: false,
  offlineReady: false,
});
export const pwa = readonly(state);

let guard: UpdateGuard = () => Promise.resolve(false);
let updateSW: ((reloadPage?: boolean) => Promise<void>) | null = null;

export function setUpdateGuard(fn: UpdateGuard): void {
  guard = fn;
  if (state.needRefresh) void checkPendingWork();
}

async function checkPendingWork(): Promise<boolean> {
  try {
    state.pendingWork = await guard();
  } catch {
    // If we cannot tell, assume there is work to keep: the user is asked once more, nothing is lost.
    state.pendingWork = true;
  }
  return state.pendingWork;
}

export function startPwa(): void {
  updateSW = registerSW({
    onNeedRefresh() {
      state.needRefresh = true;
      state.confirming = false;
      void checkPendingWork();
    },
    onOfflineReady() {
      state.offlineReady = true;
      setTimeout(dismissOfflineReady, OFFLINE_READY_MS);
    },
    onRegisteredSW(_url, registration) {
      if (!registration) return;
      setInterval(() => {
        if (navigator.onLine) void registration.update();
      }, UPDATE_CHECK_MS);
    },
  });
}

/** The user tapped "refresh". With unsynced work, the first tap only asks for confirmation. */
export async function applyUpdate(): Promise<void> {
  const pending = await checkPendingWork();
  if (pending && !state.confirming) {
    state.confirming = true;
    return;
  }
  state.updating = true;
  await updateSW?.(true);
}

export function dismissUpdate(): void {
  state.needRefresh = false;
  state.confirming = false;
}

export function dismissOfflineReady(): void {
  state.offlineReady = false;
}
