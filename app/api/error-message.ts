/**
 * Turns whatever a request threw into one sentence a user can act on, in the
 * UI language. The server's own message is English and technical, so it is
 * shown only as a detail, for the codes where it says which field or state.
 */
import { LOGIN_RATE_LIMIT } from '../../shared/auth-rules';
import { ApiError, NetworkError } from './client';

export type Translate = (key: string, named?: Record<string, unknown>) => string;

const WITH_SERVER_DETAIL = new Set(['invalid_request', 'conflict', 'invalid_transition']);

export function errorMessage(error: unknown, t: Translate): string {
  if (error instanceof NetworkError) return t('error.network');
  if (!(error instanceof ApiError)) return t('error.unknown');

  const text = t(`error.${error.code}`, { minutes: LOGIN_RATE_LIMIT.windowMinutes });
  const detail = WITH_SERVER_DETAIL.has(error.code) ? fieldDetail(error.details) || error.message : '';
  return detail ? t('error.withDetail', { text, detail }) : text;
}

/** invalid_request names the bad fields (API.md): "username: Too small". */
function fieldDetail(details: unknown): string {
  if (!Array.isArray(details)) return '';
  return details
    .filter((issue): issue is { path: string; message: string } => typeof issue?.path === 'string')
    .map((issue) => `${issue.path}: ${issue.message}`)
    .join('; ');
}
