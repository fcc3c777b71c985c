/**
 * API.md "Hardening": login limits hold under concurrency, per username and
 * per client address, and a login flood waits in a short line of its own.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/http/app';
import { HASHING } from '../../server/domain/passwords';
import { startTestServer, type TestServer } from '../support/server';
import { buildWorld, PASSWORD } from '../support/world';

let t: TestServer;

beforeAll(async () => {
  t = await startTestServer();
  await buildWorld(t);
});
afterAll(() => t.close());
afterEach(() => t.clock.real());

const login = async (username: string, password: string, headers: Record<string, string> = {}, app = t.app): Promise<Response> =>
  app.request('/api/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ username, password }),
  });

/** Dozens of deliberately slow hashes: a loaded machine needs longer than the default. */
const SLOW = 120_000;

const count = (statuses: number[], status: number) => statuses.filter((s) => s === status).length;

describe('the per-username limit', () => {
  it('of 200 wrong passwords sent at once at most 10 are checked; the right one after them is refused with 429', async () => {
    t.clock.set('2026-03-02T02:00:00Z');
    const statuses = await Promise.all(Array.from({ length: 200 }, (_, i) => login('supB', `wrong-${i}`).then((r) => r.status)));
    expect(count(statuses, 401)).toBeLessThanOrEqual(10);
    expect(count(statuses, 401) + count(statuses, 429)).toBe(200);
    const right = await login('supB', PASSWORD);
    expect(right.status).toBe(429);
    expect((await right.json()).error.code).toBe('rate_limited');
  }, SLOW);

  it('40 wrong passwords at once: exactly 10 failures, 30 refused', async () => {
    t.clock.set('2026-03-03T02:00:00Z');
    const statuses = await Promise.all(Array.from({ length: 40 }, (_, i) => login('inspB', `wrong-${i}`).then((r) => r.status)));
    expect(count(statuses, 401)).toBe(10);
    expect(count(statuses, 429)).toBe(30);
  }, SLOW);
});

describe('the per-address limit', () => {
  it('more than 30 failed logins from one address (any usernames) → 429 for that address only, behind a trusted proxy', async () => {
    t.clock.set('2026-03-04T02:00:00Z');
    const proxied = createApp(t.services, { trustProxy: true });
    const from = (ip: string) => ({ 'x-forwarded-for': `${ip}, 10.0.0.1` });
    for (let batch = 0; batch < 3; batch++) {
      const statuses = await Promise.all(
        Array.from({ length: 10 }, (_, i) => login(`nobody-${batch}-${i}`, 'guess', from('203.0.113.7'), proxied).then((r) => r.status)),
      );
      expect(statuses).toEqual(Array(10).fill(401));
    }
    expect((await login('nobody-else', 'guess', from('203.0.113.7'), proxied)).status).toBe(429);
    expect((await login('opA1', PASSWORD, from('203.0.113.7'), proxied)).status).toBe(429);
    expect((await login('opA1', PASSWORD, from('198.51.100.2'), proxied)).status).toBe(200);
  }, SLOW);

  it('without a trusted proxy, X-Forwarded-For names no address', async () => {
    t.clock.set('2026-03-05T02:00:00Z');
    const direct = createApp(t.services, { trustProxy: false });
    const statuses = await Promise.all(
      Array.from({ length: 31 }, (_, i) => login(`stranger-${i}`, 'guess', { 'x-forwarded-for': '203.0.113.8' }, direct).then((r) => r.status)),
    );
    expect(statuses).toEqual(Array(31).fill(401));
  }, SLOW);
});

describe('password hashing', () => {
  it('runs in a bounded queue: a flood beyond it is refused with 429 at once, never a 500, and the queue then serves again', async () => {
    t.clock.set('2026-03-06T02:00:00Z');
    const flood = HASHING.concurrency + HASHING.queue + 40;
    const statuses = await Promise.all(Array.from({ length: flood }, (_, i) => login(`flood-${i}`, 'guess').then((r) => r.status)));
    expect(count(statuses, 401)).toBeGreaterThanOrEqual(HASHING.concurrency + HASHING.queue);
    expect(count(statuses, 429)).toBeGreaterThan(0);
    expect(count(statuses, 401) + count(statuses, 429)).toBe(flood);
    expect((await login('supA', PASSWORD)).status).toBe(200);
  }, SLOW);
});
