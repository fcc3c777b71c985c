/** Log in and out. Failures are counted per username in the audit log, so every process sees them. */
import { LOGIN_RATE_LIMIT, TOKEN_LIFETIME_DAYS, type LoginRequest, type LoginResponse } from '../../shared/schemas/auth';
import { audit } from '../repo/audit';
import { toUser } from '../repo/mappers';
import { countLoginFailures, createSession, findUserByUsername, lastPasswordReset, revokeSession, type Actor } from '../repo/users';
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
  const user = await findUserByUsername(s.db, req.username);
  // An admin who sets a new password unlocks the account: earlier failures no longer count.
  const window = new Date(now.getTime() - LOGIN_RATE_LIMIT.windowMinutes * 60_000);
  const reset = user ? await lastPasswordReset(s.db, user.id) : null;
  const since = reset && reset > window ? reset : window;
  if ((await countLoginFailures(s.db, subject, since)) >= LOGIN_RATE_LIMIT.failures) {
    await audit(s.db, { type: 'login.rate_limited', subject, ip: client.ip, at: now });
    throw new ApiError(
      'rate_limited',
      `too many failed logins for this username; try again within ${LOGIN_RATE_LIMIT.windowMinutes} minutes`,
    );
  }
  const passwordOk = await verifyPassword(req.password, user?.passwordHash ?? (await decoyHash()));
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
