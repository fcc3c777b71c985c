/** Login rules the app shows and the server enforces (no zod: the first screen loads this). */
export const LOGIN_RATE_LIMIT = { failures: 10, windowMinutes: 15 } as const;
/** Failed logins from one client address (any usernames) within the same window. */
export const ADDRESS_LOGIN_FAILURES = 30;
export const TOKEN_LIFETIME_DAYS = 30;
