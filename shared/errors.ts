/** The API's error codes and their HTTP statuses (API.md Conventions). No zod here: the app's first screen loads it. */
export const ERROR_STATUS = {
  invalid_request: 400,
  unauthenticated: 401,
  invalid_credentials: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  invalid_transition: 422,
  rate_limited: 429,
  internal: 500,
} as const;
export type ErrorCode = keyof typeof ERROR_STATUS;

export interface ErrorBodyShape {
  error: { code: ErrorCode; message: string; details?: unknown };
}

/** Whether a parsed answer is the API's error shape. */
export function isErrorBody(value: unknown): value is ErrorBodyShape {
  const e = (value as { error?: { code?: unknown; message?: unknown } } | null)?.error;
  return typeof e?.code === 'string' && e.code in ERROR_STATUS && typeof e.message === 'string';
}
