import type { Actor } from '../domain/scope';
import type { Services } from '../domain/services';

export interface AppEnv {
  Variables: {
    services: Services;
    clientIp: string | null;
    /** Set by requireAuth; present on every authenticated route. */
    actor: Actor;
  };
}
