/** Start-up configuration (API.md), parsed once; a bad value stops the start with a clear message. */
import path from 'node:path';
import { z } from 'zod';
import { DEFAULT_TZ } from '../shared/dates';

const flag = z
  .enum(['1', '0', 'true', 'false', 'yes', 'no'])
  .transform((v) => v === '1' || v === 'true' || v === 'yes');

const isTimeZone = (tz: string) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
};

const Env = z
  .object({
    PORT: z.coerce.number().int().min(0).max(65535).default(8787),
    HOST: z.string().min(1).default('127.0.0.1'),
    DATA_DIR: z.string().min(1).default('./data'),
    DATABASE_URL: z.string().url().optional(),
    PARKCHECK_DEMO: flag.default(true),
    PARKCHECK_ADMIN_USERNAME: z.string().min(2).default('admin'),
    PARKCHECK_ADMIN_PASSWORD: z.string().min(8, 'PARKCHECK_ADMIN_PASSWORD needs at least 8 characters').optional(),
    PARKCHECK_TZ: z.string().refine(isTimeZone, 'not an IANA time zone').default(DEFAULT_TZ),
    TLS_CERT_FILE: z.string().optional(),
    TLS_KEY_FILE: z.string().optional(),
    S3_ENDPOINT: z.string().url().optional(),
    S3_BUCKET: z.string().optional(),
    S3_ACCESS_KEY_ID: z.string().optional(),
    S3_SECRET_ACCESS_KEY: z.string().optional(),
    S3_REGION: z.string().default('us-east-1'),
    /** Behind a reverse proxy: take the client address from X-Forwarded-For (for the audit log). */
    PARKCHECK_TRUST_PROXY: flag.default(false),
    /** What one user may upload per day, in MB (API.md "Hardening"). */
    PARKCHECK_UPLOAD_QUOTA_MB: z.coerce.number().positive().default(2048),
    /** Where the built PWA is; the server serves it at `/`. */
    PARKCHECK_APP_DIR: z.string().default('dist/app'),
    /**
     * Start the server's clock at this instant and let it run from there:
     * training sessions and browser tests whose demo data must not move with
     * the calendar.
     */
    PARKCHECK_CLOCK: z.iso.datetime({ offset: true }).optional(),
  })
  .superRefine((e, ctx) => {
    if (Boolean(e.TLS_CERT_FILE) !== Boolean(e.TLS_KEY_FILE)) {
      ctx.addIssue({ code: 'custom', path: ['TLS_CERT_FILE'], message: 'set both TLS_CERT_FILE and TLS_KEY_FILE, or neither' });
    }
    const s3 = [e.S3_ENDPOINT, e.S3_BUCKET, e.S3_ACCESS_KEY_ID, e.S3_SECRET_ACCESS_KEY];
    if (s3.some(Boolean) && !s3.every(Boolean)) {
      ctx.addIssue({
        code: 'custom',
        path: ['S3_ENDPOINT'],
        message: 'set all of S3_ENDPOINT, S3_BUCKET, S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY, or none',
      });
    }
  });

export interface S3Config {
  endpoint: string;
  bucket: string;
  accessKeyId: string;
  secretAccessKey: string;
  region: string;
}

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  demo: boolean;
  adminUsername: string;
  adminPassword: string | undefined;
  tz: string;
  tls: { certFile: string; keyFile: string } | undefined;
  s3: S3Config | undefined;
  appDir: string;
  trustProxy: boolean;
  uploadQuotaBytes: number;
  /** PARKCHECK_CLOCK: where the server's clock starts, when not at the real time. */
  clockStart: Date | undefined;
}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = Env.safeParse(cleaned);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: path.resolve(e.DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    demo: e.PARKCHECK_DEMO,
    adminUsername: e.PARKCHECK_ADMIN_USERNAME,
    adminPassword: e.PARKCHECK_ADMIN_PASSWORD,
    tz: e.PARKCHECK_TZ,
    tls: e.TLS_CERT_FILE && e.TLS_KEY_FILE ? { certFile: e.TLS_CERT_FILE, keyFile: e.TLS_KEY_FILE } : undefined,
    s3:
      e.S3_ENDPOINT && e.S3_BUCKET && e.S3_ACCESS_KEY_ID && e.S3_SECRET_ACCESS_KEY
        ? {
            endpoint: e.S3_ENDPOINT,
            bucket: e.S3_BUCKET,
            accessKeyId: e.S3_ACCESS_KEY_ID,
            secretAccessKey: e.S3_SECRET_ACCESS_KEY,
            region: e.S3_REGION,
          }
        : undefined,
    appDir: path.resolve(e.PARKCHECK_APP_DIR),
    trustProxy: e.PARKCHECK_TRUST_PROXY,
    uploadQuotaBytes: Math.round(e.PARKCHECK_UPLOAD_QUOTA_MB * 1024 * 1024),
    clockStart: e.PARKCHECK_CLOCK ? new Date(e.PARKCHECK_CLOCK) : undefined,
  };
}

/** The server's clock: the real one, or one that started at `start` when the process did. */
export function serverClock(start: Date | undefined): () => Date {
  if (!start) return () => new Date();
  const offset = start.getTime() - Date.now();
  return () => new Date(Date.now() + offset);
}
