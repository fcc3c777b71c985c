/** Requests and answers of the administration API (role admin) beyond the shared entities. */
import { z } from 'zod';
import { isValidCreditCode } from '../credit-code';
import { IMPORT_ERROR_CODES, IMPORT_FIELDS } from '../import/enterprises';
import { CategorySchema, RoleSchema, SeveritySchema, User } from './entities';
import { DateOnly, Id, LocalizedText, MaybeLocalizedText, Name, PageQuery, Timestamp } from './common';

const OptionalName = Name.optional();

export const RegionCreate = z
  .strictObject({ id: Id.optional(), name: Name, parentId: Id.optional() })
  .meta({ id: 'RegionCreate' });
export type RegionCreate = z.infer<typeof RegionCreate>;

export const ParkCreate = z
  .strictObject({
    id: Id.optional(),
    name: Name,
    regionId: Id,
    address: OptionalName,
    starRating: z.number().int().min(0).max(5).optional(),
    areaMu: z.number().min(0).max(1e7).optional(),
    floorArea: z.number().min(0).max(1e9).optional(),
  })
  .meta({ id: 'ParkCreate' });
export type ParkCreate = z.infer<typeof ParkCreate>;

export const CreditCode = z
  .string()
  .trim()
  .toUpperCase()
  .refine(isValidCreditCode, '统一社会信用代码无效 (invalid unified social credit code: GB 32100-2015 check failed)');

export const EnterpriseCreate = z
  .strictObject({
    id: Id.optional(),
    parkId: Id,
    name: Name,
    creditCode: CreditCode.optional(),
    building: OptionalName,
    contactName: OptionalName,
    contactPhone: z.string().trim().max(40).optional(),
  })
  .meta({ id: 'EnterpriseCreate' });
export type EnterpriseCreate = z.infer<typeof EnterpriseCreate>;

export const Username = z
  .string()
  .trim()
  .min(2)
  .max(64)
  .regex(/^[A-Za-z0-9._@-]+$/, 'letters, digits and . _ @ - only');

export const Password = z.string().min(8, 'at least 8 characters').max(200);

export const UserCreate = z
  .strictObject({
    username: Username,
    password: Password,
    name: Name,
    role: RoleSchema,
    regionIds: z.array(Id).max(500).optional(),
    parkIds: z.array(Id).max(500).optional(),
  })
  .meta({ id: 'UserCreate' });
export type UserCreate = z.infer<typeof UserCreate>;

const ItemCode = z.string().trim().min(1).max(40);

export const TemplateItemInput = z.strictObject({
  code: ItemCode,
  text: LocalizedText,
  guidance: MaybeLocalizedText.optional(),
  legalBasis: MaybeLocalizedText.optional(),
  severity: SeveritySchema,
  photoRequired: z.boolean(),
  dueDays: z.number().int().min(0).max(3650).optional(),
});

export const TemplatePublish = z
  .strictObject({
    code: z.string().trim().regex(/^[A-Za-z0-9_-]{1,40}$/, 'letters, digits, _ and - (1–40)'),
    category: CategorySchema,
    title: LocalizedText,
    sections: z
      .array(z.strictObject({ title: LocalizedText, items: z.array(TemplateItemInput).min(1).max(500) }))
      .min(1)
      .max(100),
  })
  .superRefine((t, ctx) => {
    const seen = new Set<string>();
    t.sections.forEach((s, si) =>
      s.items.forEach((item, ii) => {
        if (seen.has(item.code)) {
          ctx.addIssue({
            code: 'custom',
            path: ['sections', si, 'items', ii, 'code'],
            message: `duplicate item code ${item.code}`,
          });
        }
        seen.add(item.code);
      }),
    );
  })
  .meta({ id: 'TemplatePublish' });
export type TemplatePublish = z.infer<typeof TemplatePublish>;

export const TemplatePublished = z.object({ id: Id, code: z.string(), version: z.number().int() });

// ── lists, updates, disable/enable (issue 7) ─────────────────────────────

const nonEmpty = (o: object) => Object.keys(o).length > 0;
const NOTHING_TO_CHANGE = 'give at least one field to change';

/** `true` also lists disabled rows (admin screens show them to re-enable them). */
const IncludeDisabled = z.enum(['true', 'false']).optional();
const Search = z.string().trim().max(100).optional();

export const ADMIN_DEFAULT_LIMIT = 50;

export const AdminRegionQuery = z.object({
  q: Search,
  parentId: Id.optional(),
  includeDisabled: IncludeDisabled,
  ...PageQuery,
});
export type AdminRegionQuery = z.infer<typeof AdminRegionQuery>;

export const AdminParkQuery = z.object({
  q: Search,
  /** Parks in this region or any of its sub-regions. */
  regionId: Id.optional(),
  includeDisabled: IncludeDisabled,
  ...PageQuery,
});
export type AdminParkQuery = z.infer<typeof AdminParkQuery>;

export const AdminEnterpriseQuery = z.object({
  q: Search,
  parkId: Id.optional(),
  regionId: Id.optional(),
  includeDisabled: IncludeDisabled,
  ...PageQuery,
});
export type AdminEnterpriseQuery = z.infer<typeof AdminEnterpriseQuery>;

export const AdminUserQuery = z.object({
  q: Search,
  role: RoleSchema.optional(),
  /** Users whose regionIds include this region. */
  regionId: Id.optional(),
  /** Users whose parkIds include this park. */
  parkId: Id.optional(),
  includeDisabled: IncludeDisabled,
  ...PageQuery,
});
export type AdminUserQuery = z.infer<typeof AdminUserQuery>;

/** `parentId: null` moves a region to the top of the tree. */
export const RegionUpdate = z
  .strictObject({ name: Name.optional(), parentId: Id.nullable().optional() })
  .refine(nonEmpty, NOTHING_TO_CHANGE)
  .meta({ id: 'RegionUpdate' });
export type RegionUpdate = z.infer<typeof RegionUpdate>;

/** Optional fields take `null` to clear them. */
export const ParkUpdate = z
  .strictObject({
    name: Name.optional(),
    regionId: Id.optional(),
    address: Name.nullable().optional(),
    starRating: z.number().int().min(0).max(5).nullable().optional(),
    areaMu: z.number().min(0).max(1e7).nullable().optional(),
    floorArea: z.number().min(0).max(1e9).nullable().optional(),
  })
  .refine(nonEmpty, NOTHING_TO_CHANGE)
  .meta({ id: 'ParkUpdate' });
export type ParkUpdate = z.infer<typeof ParkUpdate>;

export const EnterpriseUpdate = z
  .strictObject({
    parkId: Id.optional(),
    name: Name.optional(),
    creditCode: CreditCode.nullable().optional(),
    building: Name.nullable().optional(),
    contactName: Name.nullable().optional(),
    contactPhone: z.string().trim().max(40).nullable().optional(),
  })
  .refine(nonEmpty, NOTHING_TO_CHANGE)
  .meta({ id: 'EnterpriseUpdate' });
export type EnterpriseUpdate = z.infer<typeof EnterpriseUpdate>;

/**
 * The username is the login and the audit trail's name for a person, so it
 * does not change. A new role or scope is checked as on create; it makes the
 * user's next sync pull answer `reset`.
 */
export const UserUpdate = z
  .strictObject({
    name: Name.optional(),
    role: RoleSchema.optional(),
    regionIds: z.array(Id).max(500).optional(),
    parkIds: z.array(Id).max(500).optional(),
  })
  .refine(nonEmpty, NOTHING_TO_CHANGE)
  .meta({ id: 'UserUpdate' });
export type UserUpdate = z.infer<typeof UserUpdate>;

export const PasswordReset = z.strictObject({ password: Password }).meta({ id: 'PasswordReset' });
export type PasswordReset = z.infer<typeof PasswordReset>;

export const AdminUser = User.extend({
  disabled: z.boolean(),
  createdAt: Timestamp,
  /** The last successful login, if any. */
  lastLoginAt: Timestamp.nullable(),
}).meta({ id: 'AdminUser' });
export type AdminUser = z.infer<typeof AdminUser>;

// ── templates ─────────────────────────────────────────────────────────────

export const TemplateCodeParam = z.object({
  code: z.string().regex(/^[A-Za-z0-9_-]{1,40}$/, 'letters, digits, _ and - (1–40)'),
});

export const AdminTemplateQuery = z.object({ includeRetired: z.enum(['true', 'false']).optional() });

export const TemplateVersionInfo = z
  .object({
    id: Id,
    version: z.number().int(),
    publishedAt: Timestamp,
    publishedBy: z.string().nullable(),
    retired: z.boolean(),
    itemCount: z.number().int(),
  })
  .meta({ id: 'TemplateVersionInfo' });
export type TemplateVersionInfo = z.infer<typeof TemplateVersionInfo>;

/** One template code: its latest version's title and category, and every version, newest first. */
export const TemplateSummary = z
  .object({
    code: z.string(),
    category: z.string(),
    title: LocalizedText,
    /** Every version is retired: phones no longer offer it. Publishing the code again brings it back. */
    retired: z.boolean(),
    latest: TemplateVersionInfo,
    versions: z.array(TemplateVersionInfo),
  })
  .meta({ id: 'TemplateSummary' });
export type TemplateSummary = z.infer<typeof TemplateSummary>;

// ── enterprise import ─────────────────────────────────────────────────────

export const ImportMode = z.enum(['preview', 'valid', 'all']);
export type ImportMode = z.infer<typeof ImportMode>;

export const ImportQuery = z.object({
  /** preview: check only; valid: import the rows that pass; all: import every row, or none if any fails. */
  mode: ImportMode.default('preview'),
});

export const ImportTemplateQuery = z.object({ format: z.enum(['xlsx', 'csv']).default('xlsx') });

export const ImportRowError = z.object({
  field: z.enum(IMPORT_FIELDS),
  code: z.enum(IMPORT_ERROR_CODES),
  /** In English; `rows`, `holder` and `max` give the facts for a message in another language. */
  message: z.string(),
  rows: z.array(z.number().int()).optional(),
  holder: z.string().optional(),
  max: z.number().int().optional(),
});

export const ImportReport = z
  .object({
    mode: ImportMode,
    format: z.enum(['csv', 'xlsx']),
    /** How a CSV's bytes were read (null for xlsx). */
    encoding: z.enum(['utf-8', 'utf-16le', 'gb18030']).nullable(),
    /** Rows with anything in them, header excluded. */
    total: z.number().int(),
    valid: z.number().int(),
    /** Enterprises created by this request: 0 for a preview, and for `all` when any row is rejected. */
    imported: z.number().int(),
    rejected: z.array(z.object({ row: z.number().int(), errors: z.array(ImportRowError) })),
    /** The first valid rows as they will be imported, to check the columns were read right. */
    sample: z.array(
      z.object({
        row: z.number().int(),
        name: z.string(),
        creditCode: z.string().nullable(),
        parkId: Id,
        parkName: z.string(),
        building: z.string().nullable(),
        contactName: z.string().nullable(),
        contactPhone: z.string().nullable(),
      }),
    ),
  })
  .meta({ id: 'EnterpriseImportReport' });
export type ImportReport = z.infer<typeof ImportReport>;

// ── audit log ─────────────────────────────────────────────────────────────

export const AUDIT_DEFAULT_LIMIT = 100;

export const AuditQuery = z.object({
  actorId: Id.optional(),
  /** A type or a prefix of dotted types: `login` matches login.success and login.failure; `sync` every mutation. */
  type: z
    .string()
    .regex(/^[A-Za-z0-9_.]{1,100}$/, 'letters, digits, _ and .')
    .optional(),
  /** Dates inclusive, in PARKCHECK_TZ. */
  from: DateOnly.optional(),
  to: DateOnly.optional(),
  ...PageQuery,
});
export type AuditQuery = z.infer<typeof AuditQuery>;

export const AuditEntry = z
  .object({
    /** Unique across both sources: `a:<n>` for the audit log, `m:<uuid>` for a sync mutation. */
    id: z.string(),
    source: z.enum(['audit', 'sync']),
    at: Timestamp,
    /** login.success, login.failure, login.rate_limited, logout, admin.<entity>.<action>, sync.<mutation type>. */
    type: z.string(),
    actorId: Id.nullable(),
    actorUsername: z.string().nullable(),
    actorName: z.string().nullable(),
    /** The attempted username of a login, an entity id of an admin change, the mutation id of a sync. */
    subject: z.string().nullable(),
    ip: z.string().nullable(),
    /** Sync: how far the phone's clock was off, when beyond tolerance. */
    clockSkewMs: z.number().nullable(),
    /** Sync: applied or rejected. */
    status: z.enum(['applied', 'rejected']).nullable(),
    details: z.record(z.string(), z.unknown()).nullable(),
  })
  .meta({ id: 'AuditEntry' });
export type AuditEntry = z.infer<typeof AuditEntry>;

/** A region's DingTalk group robot for the daily digest: its webhook address and its signing secret (加签). */
export const RegionWebhookPut = z
  .strictObject({
    url: z.url({ protocol: /^https?$/ }).max(1000),
    secret: z.string().trim().min(1).max(200),
  })
  .meta({ id: 'RegionWebhookPut' });
export type RegionWebhookPut = z.infer<typeof RegionWebhookPut>;

export const RegionWebhook = z
  .object({
    regionId: Id,
    regionName: z.string(),
    url: z.string(),
    /** The last digest sent or tried: its day, outcome, attempts and last error. */
    lastDay: DateOnly.nullable(),
    lastStatus: z.enum(['sending', 'sent', 'failed']).nullable(),
    lastAttempts: z.number().int().nullable(),
    lastError: z.string().nullable(),
  })
  .meta({ id: 'RegionWebhook' });
export type RegionWebhook = z.infer<typeof RegionWebhook>;
