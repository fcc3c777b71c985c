/**
 * An in-process cache of bearer token → user, for the embedded database only.
 *
 * Looking a token up costs a query on every request; on PGlite that is most
 * of a small request's time. PGlite serves exactly one process (DATA_DIR is
 * locked), and every write that can end or change a session bumps the auth
 * epoch inside its transaction (repo/users.ts), so an entry made before such
 * a write is never served after it: revocation stays immediate. On
 * PostgreSQL other processes write too, so the server runs without it.
 */
import { authEpoch, type AuthenticatedActor } from '../repo/users';

const MAX_ENTRIES = 10_000;

interface Entry {
  actor: AuthenticatedActor;
  epoch: number;
}

export class AuthCache {
  private readonly entries = new Map<string, Entry>();

  async lookup(
    token: string,
    now: Date,
    load: () => Promise<AuthenticatedActor | undefined>,
  ): Promise<AuthenticatedActor | undefined> {
    const hit = this.entries.get(token);
    if (hit && hit.epoch === authEpoch() && hit.actor.expiresAt > now) return hit.actor;
    // The epoch is read before the query: an entry loaded across a revocation is born stale.
    const epoch = authEpoch();
    const actor = await load();
    if (hit) this.entries.delete(token);
    if (actor) {
      if (this.entries.size >= MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
      this.entries.set(token, { actor, epoch });
    }
    return actor;
  }
}
