/** What domain functions run against: the database, the clock and the deployment's settings. */
import { localDate } from '../../shared/dates';
import type { Db, DbKind } from '../db/client';
import type { AttachmentStore } from '../storage/store';
import type { AuthCache } from './auth-cache';
import type { PullCache } from './pull-cache';
import type { ReadCache } from './read-cache';

export interface Services {
  db: Db;
  dbKind: DbKind;
  /** PARKCHECK_TZ: the zone of "today", due dates and report periods. */
  tz: string;
  /** The server's clock; tests move it. */
  now: () => Date;
  version: string;
  attachments: AttachmentStore;
  /** Bytes one user may upload per day (PARKCHECK_UPLOAD_QUOTA_MB); 2 GB when unset. */
  uploadQuotaBytes?: number | undefined;
  /** Set only on the embedded database, where this is the only process (see auth-cache.ts). */
  authCache?: AuthCache | undefined;
  /** Likewise: memoised catalog reads (see read-cache.ts). */
  readCache?: ReadCache | undefined;
  /** Likewise: pull pages, built once for every phone of a scope (see pull-cache.ts). */
  pullCache?: PullCache | undefined;
}

export const today = (s: Pick<Services, 'now' | 'tz'>) => localDate(s.now(), s.tz);
export const mapContext = (s: Pick<Services, 'now' | 'tz'>) => ({ tz: s.tz, today: today(s) });
