import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server';
import { buildWorld, PASSWORD, type World } from '../support/world';

let t: TestServer;
let w: World;

beforeAll(async () => {
  t = await startTestServer();
  w = await buildWorld(t);
});
afterAll(() => t.close());

const login = (username: string, password: string) =>
  t.call('POST', '/api/auth/login', { body: { username, password } });

describe('login', () => {
  it('answers a token and the user, never a password hash', async () => {
    const res = await login('inspA', PASSWORD);
    expect(res.status).toBe(200);
    expect(res.body.token).toMatch(/^[A-Za-z0-9_-]{40,}$/);
    expect(res.body.user).toEqual({
      id: w.users.inspA,
      username: 'inspA',
      name: 'inspA',
      role: 'inspector',
      regionIds: [w.regions.townA],
      parkIds: [],
    });
    expect(res.text).not.toMatch(/scrypt|password/i);
  });

  it('accepts the username in any letter case', async () => {
    expect((await login('INSPA', PASSWORD)).status).toBe(200);
  });

  it('gives the same answer for a wrong password and an unknown user', async () => {
    const wrong = await login('supA', 'not-the-password');
    const unknown = await login('nobody-here', 'not-the-password');
    for (const res of [wrong, unknown]) {
      expect(res.status).toBe(401);
      expect(res.body.error.code).toBe('invalid_credentials');
    }
    expect(wrong.body.error.message).toBe(unknown.body.error.message);
  });

  it('refuses a login after 10 failures within 15 minutes, even with the right password, then allows it again', async () => {
    t.clock.set('2026-03-02T02:00:00Z');
    for (let i = 0; i < 10; i++) expect((await login('supB', `wrong-${i}`)).status).toBe(401);
    const limited = await login('supB', PASSWORD);
    expect(limited.status).toBe(429);
    expect(limited.body.error.code).toBe('rate_limited');
    // Other usernames are not affected.
    expect((await login('inspB', PASSWORD)).status).toBe(200);
    t.clock.advance(16 * 60_000);
    expect((await login('supB', PASSWORD)).status).toBe(200);
    t.clock.real();
  });

  it('lets a locked-out user in at once with the new password an admin sets', async () => {
    const created = await t.call('POST', '/api/admin/users', {
      token: w.tokens.admin,
      body: { username: 'forgetful', password: PASSWORD, name: '忘记密码的人', role: 'admin' },
    });
    expect(created.status).toBe(201);
    for (let i = 0; i < 10; i++) expect((await login('forgetful', `wrong-${i}`)).status).toBe(401);
    expect((await login('forgetful', PASSWORD)).status).toBe(429);
    const reset = await t.call('POST', `/api/admin/users/${created.body.id}/password`, { token: w.tokens.admin, body: { password: 'a-new-password' } });
    expect(reset.status).toBe(204);
    expect((await login('forgetful', 'a-new-password')).status).toBe(200);
    // The limit itself still holds for new failures.
    for (let i = 0; i < 10; i++) expect((await login('forgetful', `wrong-again-${i}`)).status).toBe(401);
    expect((await login('forgetful', 'a-new-password')).status).toBe(429);
  });

  it('stores only a slow salted hash of the password', async () => {
    const [row] = await t.services.db.query.users.findMany({ where: (u, { eq }) => eq(u.username, 'opA1') });
    expect(row!.passwordHash).toMatch(/^scrypt\$32768\$8\$1\$[A-Za-z0-9+/=]{20,}\$[A-Za-z0-9+/=]{40,}$/);
    expect(row!.passwordHash).not.toContain(PASSWORD);
  });
});

describe('tokens', () => {
  it('identify the user on GET /api/me', async () => {
    const res = await t.call('GET', '/api/me', { token: w.tokens.opA1 });
    expect(res.status).toBe(200);
    expect(res.body.user).toMatchObject({ username: 'opA1', role: 'operator', parkIds: [w.parks.A1] });
  });

  it('are required: none, malformed or unknown is 401 unauthenticated', async () => {
    for (const authorization of [undefined, 'Bearer', 'Basic abc', 'Bearer short', `Bearer ${'x'.repeat(43)}`]) {
      const res = await t.call('GET', '/api/me', { headers: authorization ? { authorization } : {} });
      expect(res.status).toBe(401);
      expect(res.body.error.code).toBe('unauthenticated');
    }
  });

  it('stop working at once on logout, and only that token', async () => {
    const a = (await login('supCity', PASSWORD)).body.token;
    const b = (await login('supCity', PASSWORD)).body.token;
    expect((await t.call('POST', '/api/auth/logout', { token: a })).status).toBe(204);
    expect((await t.call('GET', '/api/me', { token: a })).status).toBe(401);
    expect((await t.call('GET', '/api/parks', { token: a })).status).toBe(401);
    expect((await t.call('GET', '/api/me', { token: b })).status).toBe(200);
  });

  it('expire after 30 days', async () => {
    t.clock.set('2026-04-01T00:00:00Z');
    const token = (await login('supA', PASSWORD)).body.token;
    t.clock.set('2026-04-30T23:00:00Z');
    expect((await t.call('GET', '/api/me', { token })).status).toBe(200);
    t.clock.set('2026-05-01T00:00:01Z');
    expect((await t.call('GET', '/api/me', { token })).status).toBe(401);
    t.clock.real();
  });

  it('are stored hashed: the database holds no usable token', async () => {
    const token = (await login('opB1', PASSWORD)).body.token;
    const rows = await t.services.db.query.sessions.findMany();
    expect(rows.some((r) => r.tokenHash === token)).toBe(false);
  });
});

describe('the audit log', () => {
  it('records successful and failed logins with the attempted username', async () => {
    await login('inspB', 'wrong-password');
    await login('inspB', PASSWORD);
    const rows = await t.services.db.query.auditLog.findMany({ where: (a, { eq }) => eq(a.subject, 'inspb') });
    const types = rows.map((r) => r.type);
    expect(types).toContain('login.failure');
    expect(types).toContain('login.success');
  });
});
