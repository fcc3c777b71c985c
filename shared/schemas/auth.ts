import { z } from 'zod';
import { User } from './entities';

export const LoginRequest = z
  .strictObject({
    username: z.string().trim().min(1).max(100),
    password: z.string().min(1).max(200),
  })
  .meta({ id: 'LoginRequest' });
export type LoginRequest = z.infer<typeof LoginRequest>;

/** The deployment's time zone (PARKCHECK_TZ): the phone judges "today" and due dates in it, never in its own zone. */
const Tz = z.string().min(1).meta({ description: 'IANA time zone of dates and deadlines (PARKCHECK_TZ)', example: 'Asia/Shanghai' });

export const LoginResponse = z.object({ token: z.string(), user: User, tz: Tz }).meta({ id: 'LoginResponse' });
export type LoginResponse = z.infer<typeof LoginResponse>;

export const MeResponse = z.object({ user: User, tz: Tz });

export { LOGIN_RATE_LIMIT, TOKEN_LIFETIME_DAYS } from '../auth-rules';
