/**
 * One error shape (API.md Conventions), produced here and nowhere else:
 * domain code throws ApiError (server/domain/errors.ts); the app's error
 * handler turns it, and every framework and database error, into
 * `{"error": {code, message, details?}}` with the code's HTTP status.
 */
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { ZodError } from 'zod';
import { ERROR_STATUS, fieldIssues, type ErrorBody, type ErrorCode } from '../../shared/schemas/common';
import { ApiError, invalid, sqlState } from '../domain/errors';

export function errorBody(code: ErrorCode, message: string, details?: unknown): ErrorBody {
  return { error: details === undefined ? { code, message } : { code, message, details } };
}

export function respondError(c: Context, err: ApiError) {
  return c.json(errorBody(err.code, err.message, err.details), ERROR_STATUS[err.code] as ContentfulStatusCode);
}

const HTTP_CODES: Partial<Record<number, ErrorCode>> = {
  400: 'invalid_request',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not_found',
  409: 'conflict',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  429: 'rate_limited',
};

/**
 * Database refusals that are the request's fault, not the server's: input the
 * schemas let through but PostgreSQL will not store (a NUL character, a
 * number out of range), and uniqueness lost to a concurrent writer.
 */
function fromDatabase(state: string): ApiError | undefined {
  if (state === '23505') return new ApiError('conflict', 'this conflicts with a concurrent change; try again');
  if (state.startsWith('22')) return invalid('a value cannot be stored (unsupported characters or out of range)');
  return undefined;
}

/** Turns anything thrown into an ApiError; unknown errors are logged and answered 500. */
export function toApiError(err: unknown): ApiError {
  if (err instanceof ApiError) return err;
  const state = sqlState(err);
  const db = state ? fromDatabase(state) : undefined;
  if (db) return db;
  if (err instanceof ZodError) return invalid('invalid request', fieldIssues(err));
  if (err instanceof HTTPException) {
    const code = HTTP_CODES[err.status] ?? 'invalid_request';
    const message =
      err.status === 400 && /JSON/i.test(err.message) ? 'malformed JSON in request body' : err.message || code;
    return new ApiError(code, message);
  }
  if (err instanceof SyntaxError) return invalid('malformed JSON in request body');
  console.error(err);
  return new ApiError('internal', 'internal error');
}
