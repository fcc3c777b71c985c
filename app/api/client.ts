/**
 * The one way the phone talks to the server (API.md "Conventions"): the
 * stores, the screens' composables and the sync transport all go through a
 * client made here, so every request has the same timeouts, the same answer
 * to a refused token and the same errors.
 *
 * - Adds the bearer token; JSON requests are sent and parsed as JSON, and
 *   with a zod schema an answer that does not match is an ApiError
 *   'unexpected_response' rather than bad data flowing into the UI.
 * - A non-2xx answer throws ApiError with the server's {code, message,
 *   details}; no answer at all (offline, timeout, the connection breaking
 *   while the answer arrives) throws NetworkError, so callers can keep
 *   working from local data instead of showing a failure.
 * - A 401 `unauthenticated` on a request that carried a token reports that
 *   token (revoked or expired) to `onUnauthenticated`, whoever sent it.
 *
 * No Vue in here: fetch, base URL and token source are injected, so the sync
 * engine runs with it in Node tests against an in-process server.
 */
import type { z } from 'zod';
import { ERROR_STATUS, isErrorBody, type ErrorCode } from '../../shared/errors';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
export type ApiErrorCode = ErrorCode | 'unexpected_response';
/** What kind of failure something was: the server's answer, no answer at all, or anything else. */
export type FailureCode = ApiErrorCode | 'network' | 'unknown';
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

/**
 * How long a request may take, answer included, before it counts as no
 * answer. They differ by what a request moves: a question a person waits on
 * is answered in well under a second, so 30 s means the link is not
 * working; a sync page carries up to 2,000 changes or 200 mutations; a
 * file (a photo, a spreadsheet to import) is up to 10 MB, which on a weak
 * signal (a few tens of KB/s) takes minutes — and giving up early only
 * sends the same bytes again.
 */
export const TIMEOUT_MS = {
  answer: 30_000,
  sync: 60_000,
  file: 5 * 60_000,
} as const;
export type TimeoutKind = keyof typeof TIMEOUT_MS;

interface Common {
  query?: Record<string, QueryValue>;
  /** Send the token (default). Login sends none, so a stale token cannot interfere. */
  auth?: boolean;
  timeout?: TimeoutKind;
  signal?: AbortSignal;
}

export interface RequestOptions<T> extends Common {
  /** Sent as JSON; a Blob (a file to import) is sent as it is. */
  body?: unknown;
  schema?: z.ZodType<T>;
}

export interface SendOptions<T> extends Common {
  body?: BodyInit;
  headers?: Record<string, string>;
  /** Reads the answer (bytes, a file); a connection that breaks meanwhile is a NetworkError. */
  read: (response: Response) => Promise<T>;
}

export interface ApiClient {
  /** JSON in, JSON out. */
  request<T = unknown>(method: HttpMethod, path: string, options?: RequestOptions<T>): Promise<T>;
  /** Any body in, the answer read by `read` (photos, spreadsheets). */
  send<T>(method: HttpMethod, path: string, options: SendOptions<T>): Promise<T>;
}

export interface ClientOptions {
  token: () => string | null;
  /** Told the token the server refused, so a newer login is not thrown away by a late answer. */
  onUnauthenticated?: (refusedToken: string) => void;
  /** Prefixed to every path (the app uses its own origin: ''). */
  baseUrl?: string;
  fetch?: typeof fetch;
  /** Shorter limits, for tests that break the network on purpose. */
  timeouts?: Partial<Record<TimeoutKind, number>>;
}

/**
 * Request bodies go as Blobs: Chromium uploads a string or ArrayBuffer body
 * several times slower than the same bytes in a Blob (measured here: 100
 * photos of 300 KB in 1.5–1.9 s as ArrayBuffers, 0.3 s as Blobs; a 600 KB
 * push 16 ms against 5.5 ms).
 */
export const blobOf = (part: BlobPart, type: string) => new Blob([part], { type });

export function buildUrl(path: string, query?: Record<string, QueryValue>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null) params.append(key, String(value));
  }
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

export function createClient(o: ClientOptions): ApiClient {
  const base = o.baseUrl ?? '';
  const doFetch = o.fetch ?? ((input, init) => fetch(input, init));
  const limits = { ...TIMEOUT_MS, ...o.timeouts };

  async function send<T>(method: HttpMethod, path: string, s: SendOptions<T>): Promise<T> {
    const token = s.auth === false ? null : o.token();
    const headers = { ...s.headers };
    if (token) headers.Authorization = `Bearer ${token}`;
    const timeout = AbortSignal.timeout(limits[s.timeout ?? 'answer']);
    const signal = s.signal ? AbortSignal.any([s.signal, timeout]) : timeout;
    const noAnswer = (error: unknown) => {
      // The caller gave up (a newer search, a closed screen): theirs to handle, not a failure.
      if (s.signal?.aborted) return error;
      return timeout.aborted
        ? new NetworkError(`${method} ${path} timed out`, 'timeout')
        : new NetworkError(`${method} ${path} failed: ${String(error)}`, 'offline');
    };

    let response: Response;
    try {
      response = await doFetch(base + buildUrl(path, s.query), { method, headers, body: s.body, signal, credentials: 'same-origin' });
    } catch (error) {
      throw noAnswer(error);
    }
    if (!response.ok) {
      const error = toApiError(response.status, await readJson(response).catch(() => undefined));
      if (token && error.status === 401 && error.code === 'unauthenticated') o.onUnauthenticated?.(token);
      throw error;
    }
    try {
      return await s.read(response);
    } catch (error) {
      throw error instanceof ApiError ? error : noAnswer(error);
    }
  }

  function request<T>(method: HttpMethod, path: string, r: RequestOptions<T> = {}): Promise<T> {
    const body = r.body === undefined || r.body instanceof Blob ? r.body : blobOf(JSON.stringify(r.body), 'application/json');
    return send(method, path, {
      ...r,
      body,
      headers: { Accept: 'application/json', ...(body ? { 'Content-Type': body.type || 'application/octet-stream' } : {}) },
      read: async (response) => {
        const payload = await readJson(response);
        if (!r.schema) return payload as T;
        const parsed = r.schema.safeParse(payload);
        if (!parsed.success) {
          throw new ApiError(response.status, 'unexpected_response', `${method} ${path}: the answer does not match`, parsed.error.issues);
        }
        return parsed.data;
      },
    });
  }

  return { request, send };
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

/** The API's error shape (API.md) as an ApiError; an answer without it is named by its status. */
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

export interface AuthHooks {
  token(): string | null;
  onUnauthenticated(refusedToken: string): void;
}

let auth: AuthHooks = { token: () => null, onUnauthenticated: () => undefined };

/** The session tells the app's client which token to send and hears when the server refuses it. */
export function setAuth(hooks: AuthHooks): void {
  auth = hooks;
}

/** The app's client: this origin, the session's token — for the stores and the sync engine alike. */
export const api: ApiClient = createClient({
  token: () => auth.token(),
  onUnauthenticated: (refused) => auth.onUnauthenticated(refused),
});
