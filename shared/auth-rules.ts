/** Login rules the app shows and the server enforces (no zod: the first screen loads this). */
export const LOGIN_RATE_LIMIT = { failures: 10, windowMinutes: 15 } as const;
export const TOKEN_LIFETIME_DAYS = 30;
