/**
 * The sync engine as the UI sees it: online or not, what is waiting to be
 * sent, upload progress, last success, refusals — and the one way views make
 * changes (`act`): the change is saved on the phone at once (optimistic,
 * with its outbox entry) and sent when there is a network.
 */
import { defineStore, storeToRefs } from 'pinia';
import { computed, ref, shallowRef, watch } from 'vue';
import { appDb } from '../db/database';
import type { SyncEngine, SyncStatus } from '../sync/engine';
import type { LocalUser } from '../sync/local';
import type { NewMutation } from '../sync/outbox';
import { useOnline } from '../composables/online';
import { whenIdle } from '../idle';
import { setUpdateGuard } from '../pwa';
import { useSessionStore } from './session';

// The outbox (and the local state machine it applies) loads after the first screen: it is only needed to change things.
const outbox = () => import('../sync/outbox');

const IDLE: SyncStatus = {
  phase: 'idle',
  pending: 0,
  rejected: 0,
  photosWaiting: 0,
  upload: null,
  lastSuccessAt: null,
  lastError: null,
  nextRetryAt: null,
};

export interface StorageInfo {
  usage: number;
  quota: number;
  persisted: boolean;
}

export const useSyncStore = defineStore('sync', () => {
  const session = useSessionStore();
  const { user } = storeToRefs(session);
  const online = useOnline();
  const status = ref<SyncStatus>({ ...IDLE });
  const engine = shallowRef<SyncEngine>();
  const storage = ref<StorageInfo | null>(null);
  let unwire: (() => void) | undefined;

  const localUser = computed<LocalUser | null>(() => (user.value ? { id: user.value.id, name: user.value.name, role: user.value.role, tz: session.tz } : null));
  /** Something on this phone the server does not have yet. */
  const unsent = computed(() => status.value.pending + status.value.photosWaiting);
  const busy = computed(() => status.value.phase !== 'idle');

  async function start(): Promise<void> {
    // The phone's own data shows first; the engine (and its requests) starts once the screen is up.
    await whenIdle();
    const { createEngine } = await import('../sync/runtime');
    const e = createEngine({ user: () => localUser.value, onStatus: (s) => (status.value = s) });
    engine.value = e;
    await e.refreshStatus();
    unwire = e.start(window, document);
    await keepStorage();
  }

  function stop(): void {
    unwire?.();
    unwire = undefined;
    engine.value = undefined;
    status.value = { ...IDLE };
  }

  // Serialised: a callback still forgetting the previous user must not finish after the next user's start.
  let switching = Promise.resolve();
  watch(
    () => user.value?.id,
    (id) => {
      // Stopped at once, and again in turn: a start still under way for the previous user may have made an engine since.
      stop();
      switching = switching.then(async () => {
        if (user.value?.id !== id) return;
        stop();
        // Another user's cached data must never show, not even for a moment after a login.
        await (await outbox()).forgetOtherUsers(appDb(), id ?? null);
        if (id && user.value?.id === id) await start();
      });
    },
    { immediate: true },
  );

  /** Asks the browser not to evict our data under storage pressure, and reads how much is used. */
  async function keepStorage(): Promise<void> {
    const s = navigator.storage;
    if (!s?.estimate) return;
    const persisted = (await s.persisted?.()) || (await s.persist?.()) || false;
    const { usage = 0, quota = 0 } = await s.estimate();
    storage.value = { usage, quota, persisted };
  }

  /** Saves a change on the phone (never waits for the network) and sends it when possible. */
  async function act(input: NewMutation, alongside?: () => Promise<void>): Promise<void> {
    if (!localUser.value) throw new Error('not logged in');
    await (await outbox()).enqueue(appDb(), localUser.value, input, new Date(), alongside);
    await engine.value?.refreshStatus();
    if (online.value) void engine.value?.sync();
  }

  /** Sends a refused change again, as a new one (the server answers a replay the same). */
  async function retry(seq: number): Promise<void> {
    if (!localUser.value) return;
    await (await outbox()).retry(appDb(), localUser.value, seq);
    await engine.value?.refreshStatus();
    if (online.value) void engine.value?.sync();
  }

  async function discard(seq: number): Promise<void> {
    await (await outbox()).discard(appDb(), seq);
    await engine.value?.refreshStatus();
  }

  async function syncNow(): Promise<void> {
    await engine.value?.sync();
    await keepStorage();
  }

  // A new app version may not reload over work the server has not received.
  setUpdateGuard(async () => (await appDb().outbox.count()) > 0 || (await appDb().attachments.where('uploaded').equals(0).count()) > 0);

  return { status, online, storage, unsent, busy, engine, localUser, act, retry, discard, syncNow, refreshStorage: keepStorage };
});
