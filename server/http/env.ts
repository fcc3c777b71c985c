import type { Actor } from '../repo/users';
import type { Services } from '../domain/services';

export interface AppEnv {
  Variables: {
    services: Services;
    clientIp: string | null;
    /** Set by requireAuth; present on every authenticated route. */
    actor: Actor;
  };
}
