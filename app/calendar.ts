/**
 * The calendar the app judges dates by: the deployment's time zone
 * (PARKCHECK_TZ), as the server says it at login and in /api/me and the
 * session keeps it (so it holds offline) — never the phone's own zone. Due
 * dates, "overdue" and the day an inspection counts for are judged here
 * exactly as the server judges them.
 */
import { localDate } from '../shared/dates';
import { useSessionStore } from './stores/session';

export const timeZone = (): string => useSessionStore().tz;

/** Today's date (YYYY-MM-DD) in the deployment's zone. */
export const today = (now = new Date()): string => localDate(now, timeZone());
