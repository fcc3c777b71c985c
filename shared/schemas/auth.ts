import { z } from 'zod';
import { User } from './entities';

export const LoginRequest = z
  .strictObject({
    username: z.string().trim().min(1).max(100),
    password: z.string().min(1).max(200),
  })
  .meta({ id: 'LoginRequest' });
export type LoginRequest = z.infer<typeof LoginRequest>;

export const LoginResponse = z.object({ token: z.string(), user: User }).meta({ id: 'LoginResponse' });
export type LoginResponse = z.infer<typeof LoginResponse>;

export const MeResponse = z.object({ user: User });

export { LOGIN_RATE_LIMIT, TOKEN_LIFETIME_DAYS } from '../auth-rules';
