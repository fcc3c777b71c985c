/**
 * What domain code throws when a request cannot be done: an error code of the
 * API (shared/errors.ts) with a message and, for bad input, the fields at
 * fault. Turning it into an HTTP answer (status and error body) is the
 * HTTP layer's job; nothing here knows about HTTP.
 */
import type { ErrorCode } from '../../shared/errors';

export class ApiError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

export const notFound = (what = 'not found') => new ApiError('not_found', what);
export const forbidden = (what = 'your role may not do this') => new ApiError('forbidden', what);
export const conflict = (what: string) => new ApiError('conflict', what);
export const invalid = (message: string, details?: unknown) => new ApiError('invalid_request', message, details);

/** The SQLSTATE of a database error, looking through drizzle's wrapper. */
export function sqlState(err: unknown): string | undefined {
  for (let e = err; e && typeof e === 'object'; e = (e as { cause?: unknown }).cause) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code;
  }
  return undefined;
}
