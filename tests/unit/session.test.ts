/**
 * The session on the phone: it keeps the deployment's time zone with the
 * login, so "today" and due dates are judged as the server judges them —
 * offline too — and it ends when the server refuses its token, whichever
 * request (the sync engine's included) hears it.
 */
import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { api } from '../../app/api/client';
import { today } from '../../app/calendar';
import { useSessionStore } from '../../app/stores/session';
import { httpTransport } from '../../app/sync/transport';
import { DEFAULT_TZ } from '../../shared/dates';

const KEY = 'parkcheck.session';
const user = {
  id: '6f1c2a52-8f1e-4b7e-9a35-0c2b7f1e9d11',
  username: 'inspector',
  name: '王磊',
  role: 'inspector',
  regionIds: ['0d7c1f52-1b7e-4c1e-8f35-2a2b7f1e9d22'],
  parkIds: [],
};

let stored: Map<string, string>;
/** The server: answers per path. */
let answers: Record<string, () => Response>;

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status });

beforeEach(() => {
  stored = new Map();
  answers = {};
  vi.stubGlobal('window', { addEventListener: () => undefined });
  vi.stubGlobal('localStorage', {
    getItem: (k: string) => stored.get(k) ?? null,
    setItem: (k: string, v: string) => void stored.set(k, v),
    removeItem: (k: string) => void stored.delete(k),
  });
  vi.stubGlobal('fetch', async (input: string) => {
    const answer = answers[new URL(input, 'https://parkcheck.test').pathname];
    return answer ? answer() : json(404, { error: { code: 'not_found', message: 'not found' } });
  });
  setActivePinia(createPinia());
});
afterEach(() => vi.unstubAllGlobals());

describe('the time zone', () => {
  it('of a session saved before it was kept is the default until /api/me says the deployment’s, which is then kept', async () => {
    stored.set(KEY, JSON.stringify({ token: 't1', user }));
    const session = useSessionStore();
    expect(session.isLoggedIn).toBe(true);
    expect(session.tz).toBe(DEFAULT_TZ);

    answers['/api/me'] = () => json(200, { user, tz: 'Europe/Berlin' });
    await session.refresh();
    expect(session.tz).toBe('Europe/Berlin');
    expect(JSON.parse(stored.get(KEY)!)).toMatchObject({ token: 't1', tz: 'Europe/Berlin' });

    // Started again offline: the zone is the saved one.
    setActivePinia(createPinia());
    expect(useSessionStore().tz).toBe('Europe/Berlin');
  });

  it('comes with the login', async () => {
    answers['/api/auth/login'] = () => json(200, { token: 't2', user, tz: 'America/New_York' });
    const session = useSessionStore();
    await session.login('inspector', 'demo1234');
    expect(session.tz).toBe('America/New_York');
    expect(JSON.parse(stored.get(KEY)!).tz).toBe('America/New_York');
  });

  it('decides what day it is: 23:30 in New York is already tomorrow in Shanghai', async () => {
    const instant = new Date('2026-11-21T04:30:00Z');
    answers['/api/auth/login'] = () => json(200, { token: 't3', user, tz: 'America/New_York' });
    await useSessionStore().login('inspector', 'demo1234');
    expect(today(instant)).toBe('2026-11-20');
    answers['/api/me'] = () => json(200, { user, tz: 'Asia/Shanghai' });
    await useSessionStore().refresh();
    expect(today(instant)).toBe('2026-11-21');
  });

  it('that is not a zone (a damaged saved session) is no session, not a broken start', () => {
    stored.set(KEY, JSON.stringify({ token: 't1', user, tz: 'Mars/Olympus_Mons' }));
    expect(useSessionStore().isLoggedIn).toBe(false);
  });
});

describe('a token the server refuses', () => {
  it('seen by the sync engine’s pull ends the session, and the login page says it expired', async () => {
    stored.set(KEY, JSON.stringify({ token: 't1', user, tz: 'Asia/Shanghai' }));
    const session = useSessionStore();
    answers['/api/sync/pull'] = () => json(401, { error: { code: 'unauthenticated', message: 'token revoked' } });
    await expect(httpTransport(api).pull(null, 500)).rejects.toMatchObject({ status: 401 });
    expect(session.isLoggedIn).toBe(false);
    expect(session.expired).toBe(true);
    expect(stored.has(KEY)).toBe(false);
  });

  it('answered after a newer login ends nothing: the refusal was about the older token', async () => {
    stored.set(KEY, JSON.stringify({ token: 't1', user, tz: 'Asia/Shanghai' }));
    const session = useSessionStore();
    let refuse!: () => void;
    answers['/api/sync/pull'] = () => json(401, { error: { code: 'unauthenticated', message: 'token revoked' } });
    const slow = new Promise<void>((r) => (refuse = r));
    vi.stubGlobal('fetch', async (input: string) => {
      const path = new URL(input, 'https://parkcheck.test').pathname;
      if (path === '/api/sync/pull') await slow;
      return answers[path]!();
    });
    const pulling = httpTransport(api).pull(null, 500).catch(() => undefined);
    answers['/api/auth/login'] = () => json(200, { token: 't2', user, tz: 'Asia/Shanghai' });
    await session.login('inspector', 'demo1234');
    refuse();
    await pulling;
    expect(session.token).toBe('t2');
    expect(session.expired).toBe(false);
  });
});
