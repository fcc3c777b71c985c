/**
 * The one way the app talks to the server (API.md "Conventions").
 *
 * - Sends and parses JSON, adds the session's bearer token.
 * - A non-2xx answer throws ApiError with the server's {code, message, details};
 *   no answer at all (offline, timeout) throws NetworkError, so callers can keep
 *   working from local data instead of showing a failure.
 * - With a zod schema, the answer is parsed; an answer that does not match is an
 *   ApiError 'unexpected_response' rather than bad data flowing into the UI.
 * - A 401 `unauthenticated` on a call that carried a token tells the session
 *   (revoked or expired token): see setAuth().
 *
 * No Vue in here: it is plain TypeScript, testable with a stubbed fetch.
 */
import type { z } from 'zod';
import { ERROR_STATUS, isErrorBody, type ErrorCode } from '../../shared/errors';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
export type ApiErrorCode = ErrorCode | 'unexpected_response';
export type QueryValue = string | number | boolean | null | undefined;

export class ApiError extends Error {
  override readonly name = 'ApiError';

  constructor(
    readonly status: number,
    readonly code: ApiErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

export class NetworkError extends Error {
  override readonly name = 'NetworkError';

  constructor(
    message: string,
    readonly reason: 'offline' | 'timeout',
  ) {
    super(message);
  }
}

export interface RequestOptions<T> {
  body?: unknown;
  query?: Record<string, QueryValue>;
  schema?: z.ZodType<T>;
  /** Send the session's token (default). Login sends none, so a stale token cannot interfere. */
  auth?: boolean;
  timeoutMs?: number;
  signal?: AbortSignal;
}

export interface AuthHooks {
  token(): string | null;
  /** Called with the token the server refused, so a newer login is not thrown away by a late answer. */
  onUnauthenticated(refusedToken: string): void;
}

const DEFAULT_TIMEOUT_MS = 30_000;

let auth: AuthHooks = { token: () => null, onUnauthenticated: () => undefined };

export function setAuth(hooks: AuthHooks): void {
  auth = hooks;
}

export function buildUrl(path: string, query?: Record<string, QueryValue>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null) params.append(key, String(value));
  }
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

export async function request<T = unknown>(
  method: HttpMethod,
  path: string,
  options: RequestOptions<T> = {},
): Promise<T> {
  const token = options.auth === false ? null : auth.token();
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (token) headers.Authorization = `Bearer ${token}`;
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';

  const timeout = AbortSignal.timeout(options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;

  let response: Response;
  try {
    response = await fetch(buildUrl(path, options.query), {
      method,
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal,
      credentials: 'same-origin',
    });
  } catch (error) {
    if (options.signal?.aborted) throw error;
    if (timeout.aborted) throw new NetworkError(`${method} ${path} timed out`, 'timeout');
    throw new NetworkError(`${method} ${path} failed: ${String(error)}`, 'offline');
  }

  const payload = await readJson(response);

  if (!response.ok) {
    const error = toApiError(response.status, payload);
    if (token && error.status === 401 && error.code === 'unauthenticated') auth.onUnauthenticated(token);
    throw error;
  }

  if (!options.schema) return payload as T;
  const parsed = options.schema.safeParse(payload);
  if (!parsed.success) {
    throw new ApiError(response.status, 'unexpected_response', `${method} ${path}: answer does not match`, parsed.error.issues);
  }
  return parsed.data;
}

async function readJson(response: Response): Promise<unknown> {
  if (response.status === 204) return undefined;
  const text = await response.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    // A proxy's HTML error page, for instance: the status still says what happened.
    return undefined;
  }
}

function toApiError(status: number, payload: unknown): ApiError {
  if (isErrorBody(payload)) {
    const { code, message, details } = payload.error;
    return new ApiError(status, code, message, details);
  }
  return new ApiError(status, codeForStatus(status), `HTTP ${status}`);
}

function codeForStatus(status: number): ApiErrorCode {
  const known = (Object.keys(ERROR_STATUS) as ErrorCode[]).find((code) => ERROR_STATUS[code] === status);
  return known ?? (status >= 500 ? 'internal' : 'unexpected_response');
}
