/**
 * Who is logged in. The token and user are kept on the device so the app
 * starts, and stays logged in, without a network: the server is asked again
 * (/api/me) when it can be reached, and only its 401 ends the session.
 */
import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import { ROLES, type Role } from '../../shared/finding-machine';
import type { User } from '../../shared/schemas/entities';
import { NetworkError, request, setAuth } from '../api/client';
import { readPersisted, removePersisted, writePersisted } from './persisted';

const STORAGE_KEY = 'parkcheck.session';
const LOGOUT_TIMEOUT_MS = 5_000;

interface SavedSession {
  token: string;
  user: User;
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
      Array.isArray(u.parkIds);
    return ok ? (v as SavedSession) : undefined;
  },
};

const schemas = () => import('../../shared/schemas/auth');

export const useSessionStore = defineStore('session', () => {
  const saved = readPersisted(STORAGE_KEY, SavedSession.parse);
  const token = ref<string | null>(saved?.token ?? null);
  const user = ref<User | null>(saved?.user ?? null);
  /** The server refused the token (revoked, expired): the login page says so. */
  const expired = ref(false);

  const isLoggedIn = computed(() => token.value !== null && user.value !== null);
  const role = computed<Role | null>(() => user.value?.role ?? null);

  function start(session: SavedSession): void {
    token.value = session.token;
    user.value = session.user;
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
  });

  async function login(username: string, password: string): Promise<void> {
    const { LoginResponse } = await schemas();
    const answer = await request('POST', '/api/auth/login', {
      body: { username, password },
      schema: LoginResponse,
      auth: false,
    });
    start(answer);
  }

  /** Ends the session on this device even when the server cannot be told (offline). */
  async function logout(): Promise<void> {
    try {
      if (token.value) await request('POST', '/api/auth/logout', { timeoutMs: LOGOUT_TIMEOUT_MS });
    } catch {
      // Offline or already revoked: the token is forgotten here either way.
    } finally {
      clear();
      expired.value = false;
    }
  }

  /** Picks up role or scope changes. Offline keeps the saved user; a 401 has already logged out. */
  async function refresh(): Promise<void> {
    const current = token.value;
    if (!current) return;
    try {
      const { MeResponse } = await schemas();
      const answer = await request('GET', '/api/me', { schema: MeResponse });
      if (token.value === current) start({ token: current, user: answer.user });
    } catch (error) {
      if (error instanceof NetworkError || !isLoggedIn.value) return;
      throw error;
    }
  }

  return { token, user, expired, isLoggedIn, role, login, logout, refresh };
});
