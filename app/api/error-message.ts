/**
 * Turns whatever went wrong — a request that failed, a sync that did not
 * finish, or a change the server refused during a sync — into one sentence
 * a user can act on, in the UI language. The server's own message is English and technical, so it is
 * shown only as a detail, for the codes where it says which field or state.
 */
import { LOGIN_RATE_LIMIT } from '../../shared/auth-rules';
import type { MutationError } from '../../shared/schemas/sync';
import { ApiError, NetworkError, type FailureCode } from './client';

export type Translate = (key: string, named?: Record<string, unknown>) => string;

const WITH_SERVER_DETAIL = new Set(['invalid_request', 'conflict', 'invalid_transition']);
/** The reasons a pushed change can be refused for (API.md "Push"): each has its own sentence. */
const REFUSALS = new Set(['forbidden', 'not_found', 'invalid_request', 'invalid_transition', 'conflict']);

/**
 * A failure kept as data: a refused mutation as the outbox keeps it (the
 * server's {code, message}, no details), or the sync engine's last failure.
 */
function isKept(error: unknown): error is MutationError | { code: FailureCode; message: string } {
  const e = error as Partial<MutationError> | null;
  return !(error instanceof Error) && typeof e?.code === 'string' && typeof e.message === 'string';
}

/** What kind of failure this is, for screens that react to one (a wrong password empties the field). */
export function errorCode(error: unknown): FailureCode {
  if (error instanceof NetworkError) return 'network';
  if (error instanceof ApiError || isKept(error)) return error.code;
  return 'unknown';
}

export function errorMessage(error: unknown, t: Translate): string {
  if (error instanceof NetworkError) return t('error.network');
  if (isKept(error)) {
    const rule = 'details' in error ? ruleOf(error) : null;
    if (rule) return t(`sync.rule.${rule}`);
    return REFUSALS.has(error.code) ? t(`sync.why.${error.code}`) : t(`error.${error.code}`);
  }
  if (!(error instanceof ApiError)) return t('error.unknown');

  const text = t(`error.${error.code}`, { minutes: LOGIN_RATE_LIMIT.windowMinutes });
  const detail = WITH_SERVER_DETAIL.has(error.code) ? fieldDetail(error.details) || error.message : '';
  return detail ? t('error.withDetail', { text, detail }) : text;
}

const RULES = new Set<string>(['ownRectification', 'ownExtension', 'majorBySupervisor', 'pendingExtension', 'evidenceRequired', 'extensionDate', 'reopenDate', 'dueBeforeInspection', 'onSiteEvidence']);

/**
 * The integrity rule a refusal names (API.md "Integrity of the loop"): the
 * reason of a finding action, or the problem of an inspection's first bad finding.
 */
export function ruleOf(error: { details?: unknown }): string | null {
  const d = error.details as { reason?: unknown } | { problem?: unknown }[] | undefined;
  const named = Array.isArray(d) ? (d[0] as { problem?: unknown } | undefined)?.problem : d?.reason;
  return typeof named === 'string' && RULES.has(named) ? named : null;
}

/** invalid_request names the bad fields (API.md): "username: Too small". */
function fieldDetail(details: unknown): string {
  if (!Array.isArray(details)) return '';
  return details
    .filter((issue): issue is { path: string; message: string } => typeof issue?.path === 'string')
    .map((issue) => `${issue.path}: ${issue.message}`)
    .join('; ');
}
