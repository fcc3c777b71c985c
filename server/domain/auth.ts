/** Log in and out. Failures are counted per username and per address in the database, so every process sees them. */
import { ADDRESS_LOGIN_FAILURES } from '../../shared/auth-rules';
import { LOGIN_RATE_LIMIT, TOKEN_LIFETIME_DAYS, type LoginRequest, type LoginResponse } from '../../shared/schemas/auth';
import { audit } from '../repo/audit';
import { toUser } from '../repo/mappers';
import { giveBackLoginPlace, takeLoginPlace, type LimitWindow } from '../repo/login-limits';
import { createSession, findUserByUsername, lastPasswordReset, revokeSession, type Actor } from '../repo/users';
import { ApiError } from './errors';
import { decoyHash, verifyPassword } from './passwords';
import type { Services } from './services';

export interface ClientInfo {
  ip: string | null;
  userAgent: string | null;
}

export async function login(s: Services, req: LoginRequest, client: ClientInfo): Promise<LoginResponse> {
  const now = s.now();
  const subject = req.username.toLowerCase();
  const window = new Date(now.getTime() - LOGIN_RATE_LIMIT.windowMinutes * 60_000);
  const minutes = LOGIN_RATE_LIMIT.windowMinutes;
  const taken: string[] = [];
  const giveBack = () => Promise.all(taken.map((key) => giveBackLoginPlace(s.db, key, now)));
  const take = async (key: string, w: LimitWindow, message: string) => {
    if (await takeLoginPlace(s.db, key, now, w)) return taken.push(key);
    await giveBack();
    await audit(s.db, { type: 'login.rate_limited', subject, ip: client.ip, at: now });
    throw new ApiError('rate_limited', message);
  };

  if (client.ip) {
    await take(`ip:${client.ip}`, { since: window, places: ADDRESS_LOGIN_FAILURES }, `too many failed logins from this address; try again within ${minutes} minutes`);
  }
  const user = await findUserByUsername(s.db, req.username);
  // An admin who sets a new password unlocks the account: earlier failures no longer count.
  const reset = user ? await lastPasswordReset(s.db, user.id) : null;
  const since = reset && reset > window ? reset : window;
  await take(`user:${subject}`, { since, places: LOGIN_RATE_LIMIT.failures }, `too many failed logins for this username; try again within ${minutes} minutes`);

  let passwordOk: boolean;
  try {
    passwordOk = await verifyPassword(req.password, user?.passwordHash ?? (await decoyHash()));
  } catch (err) {
    // Not checked (the hashing queue was full): not a failure either.
    await giveBack();
    throw err;
  }
  if (!user || !passwordOk || user.disabledAt) {
    await audit(s.db, {
      type: 'login.failure',
      subject,
      actorId: user?.id ?? null,
      ip: client.ip,
      at: now,
      details: { reason: !user ? 'unknown_user' : !passwordOk ? 'wrong_password' : 'disabled' },
    });
    throw new ApiError('invalid_credentials', 'wrong username or password');
  }
  await giveBack();
  const token = await createSession(s.db, user.id, {
    lifetimeMs: TOKEN_LIFETIME_DAYS * 86_400_000,
    now,
    ...client,
  });
  await audit(s.db, { type: 'login.success', subject, actorId: user.id, actorUsername: user.username, ip: client.ip, at: now });
  return { token, user: toUser(user), tz: s.tz };
}

export async function logout(s: Services, actor: Actor, client: ClientInfo): Promise<void> {
  const now = s.now();
  await revokeSession(s.db, actor.sessionId, now);
  await audit(s.db, { type: 'logout', subject: actor.username.toLowerCase(), actorId: actor.id, actorUsername: actor.username, ip: client.ip, at: now });
}
