/**
 * Who is logged in, and the deployment's time zone. Both are kept on the
 * device so the app starts, stays logged in and judges dates without a
 * network: the server is asked again (/api/me) when it can be reached, and
 * only its 401 ends the session — whichever request, the sync engine's
 * included, receives it (the request client's one 401 policy).
 */
import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import { DEFAULT_TZ } from '../../shared/dates';
import { ROLES, type Role } from '../../shared/finding-machine';
import type { User } from '../../shared/schemas/entities';
import { api, NetworkError, setAuth } from '../api/client';
import { readPersisted, removePersisted, writePersisted } from './persisted';

const STORAGE_KEY = 'parkcheck.session';

interface SavedSession {
  token: string;
  user: User;
  /** Absent in a session saved by an app version that did not keep it. */
  tz?: string;
}

function isTimeZone(value: unknown): value is string {
  if (typeof value !== 'string' || !value) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

/**
 * What was saved on this device, checked by hand: the schemas (zod) load
 * only when the server is asked, so the first screen stays light.
 */
const SavedSession = {
  parse(value: unknown): SavedSession | undefined {
    const v = value as Partial<SavedSession> | null;
    const u = v?.user as Partial<User> | undefined;
    const ok =
      typeof v?.token === 'string' &&
      v.token.length > 0 &&
      typeof u?.id === 'string' &&
      typeof u.username === 'string' &&
      typeof u.name === 'string' &&
      ROLES.includes(u.role as Role) &&
      Array.isArray(u.regionIds) &&
      Array.isArray(u.parkIds) &&
      (v.tz === undefined || isTimeZone(v.tz));
    return ok ? (v as SavedSession) : undefined;
  },
};

const schemas = () => import('../../shared/schemas/auth');

export const useSessionStore = defineStore('session', () => {
  const saved = readPersisted(STORAGE_KEY, SavedSession.parse);
  const token = ref<string | null>(saved?.token ?? null);
  const user = ref<User | null>(saved?.user ?? null);
  /** The zone of "today" and of due dates (PARKCHECK_TZ), as the server said it; the default until it has. */
  const tz = ref(saved?.tz ?? DEFAULT_TZ);
  /** The server refused the token (revoked, expired): the login page says so. */
  const expired = ref(false);

  const isLoggedIn = computed(() => token.value !== null && user.value !== null);
  const role = computed<Role | null>(() => user.value?.role ?? null);

  function start(session: Required<SavedSession>): void {
    token.value = session.token;
    user.value = session.user;
    tz.value = session.tz;
    expired.value = false;
    writePersisted(STORAGE_KEY, session);
  }

  function clear(): void {
    token.value = null;
    user.value = null;
    removePersisted(STORAGE_KEY);
  }

  setAuth({
    token: () => token.value,
    onUnauthenticated: (refused) => {
      if (refused !== token.value) return;
      clear();
      expired.value = true;
    },
  });

  // Another tab logged in or out.
  window.addEventListener('storage', (event) => {
    if (event.key !== STORAGE_KEY) return;
    const other = readPersisted(STORAGE_KEY, SavedSession.parse);
    token.value = other?.token ?? null;
    user.value = other?.user ?? null;
    if (other?.tz) tz.value = other.tz;
  });

  async function login(username: string, password: string): Promise<void> {
    const { LoginResponse } = await schemas();
    const answer = await api.request('POST', '/api/auth/login', {
      body: { username, password },
      schema: LoginResponse,
      auth: false,
    });
    start(answer);
  }

  /**
   * Ends the session on this device at once, reachable server or not. The
   * server is told in the background: the request has taken the token when
   * it was made, and offline it simply fails.
   */
  function logout(): void {
    if (token.value) void api.request('POST', '/api/auth/logout').catch(() => undefined);
    clear();
    expired.value = false;
  }

  /** Picks up role, scope or time zone changes. Offline keeps what was saved; a 401 has already logged out. */
  async function refresh(): Promise<void> {
    const current = token.value;
    if (!current) return;
    try {
      const { MeResponse } = await schemas();
      const answer = await api.request('GET', '/api/me', { schema: MeResponse });
      if (token.value === current) start({ token: current, user: answer.user, tz: answer.tz });
    } catch (error) {
      if (error instanceof NetworkError || !isLoggedIn.value) return;
      throw error;
    }
  }

  return { token, user, tz, expired, isLoggedIn, role, login, logout, refresh };
});
