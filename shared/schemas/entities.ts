/**
 * The objects the server answers with, and that sync pull delivers as `data`.
 * The app parses with the same schemas, so a change here shows up in both.
 */
import { z } from 'zod';
import { FINDING_STATUSES, ROLES, SEVERITIES } from '../finding-machine';
import { DateOnly, Id, LocalizedText, MaybeLocalizedText, Timestamp } from './common';

export const RoleSchema = z.enum(ROLES);
export const SeveritySchema = z.enum(SEVERITIES);
export const FindingStatusSchema = z.enum(FINDING_STATUSES);
export const AnswerResultSchema = z.enum(['pass', 'fail', 'na']);
export type AnswerResult = z.infer<typeof AnswerResultSchema>;

/** Built-in categories; admins may publish templates under others (特种设备 …). */
export const BUILTIN_CATEGORIES = ['fire', 'safety', 'environment'] as const;
export const CategorySchema = z
  .string()
  .regex(/^[a-z][a-z0-9_]{0,39}$/, 'lower-case letters, digits and _; starts with a letter');

export const User = z
  .object({
    id: Id,
    username: z.string(),
    name: z.string(),
    role: RoleSchema,
    regionIds: z.array(Id),
    parkIds: z.array(Id),
  })
  .meta({ id: 'User' });
export type User = z.infer<typeof User>;

export const Region = z
  .object({
    id: Id,
    name: z.string(),
    parentId: Id.nullable(),
    /** Ids from the root down to this region, itself included. */
    path: z.array(Id),
    disabled: z.boolean(),
  })
  .meta({ id: 'Region' });
export type Region = z.infer<typeof Region>;

export const Park = z
  .object({
    id: Id,
    name: z.string(),
    regionId: Id,
    address: z.string().nullable(),
    starRating: z.number().int().min(0).max(5).nullable(),
    areaMu: z.number().nullable(),
    floorArea: z.number().nullable(),
    disabled: z.boolean(),
  })
  .meta({ id: 'Park' });
export type Park = z.infer<typeof Park>;

export const Enterprise = z
  .object({
    id: Id,
    parkId: Id,
    name: z.string(),
    creditCode: z.string().nullable(),
    building: z.string().nullable(),
    contactName: z.string().nullable(),
    contactPhone: z.string().nullable(),
    disabled: z.boolean(),
  })
  .meta({ id: 'Enterprise' });
export type Enterprise = z.infer<typeof Enterprise>;

export const TemplateItem = z
  .object({
    code: z.string(),
    text: LocalizedText,
    guidance: MaybeLocalizedText.optional(),
    legalBasis: MaybeLocalizedText.optional(),
    severity: SeveritySchema,
    photoRequired: z.boolean(),
    dueDays: z.number().int().optional(),
  })
  .meta({ id: 'TemplateItem' });
export type TemplateItem = z.infer<typeof TemplateItem>;

export const TemplateSection = z
  .object({ title: LocalizedText, items: z.array(TemplateItem) })
  .meta({ id: 'TemplateSection' });
export type TemplateSection = z.infer<typeof TemplateSection>;

export const Template = z
  .object({
    id: Id,
    code: z.string(),
    version: z.number().int(),
    category: z.string(),
    title: LocalizedText,
    sections: z.array(TemplateSection),
    publishedAt: Timestamp,
    retired: z.boolean(),
  })
  .meta({ id: 'Template' });
export type Template = z.infer<typeof Template>;

export const Geo = z
  .strictObject({
    lat: z.number().min(-90).max(90),
    lng: z.number().min(-180).max(180),
    accuracy: z.number().min(0).max(1e6),
  })
  .meta({ id: 'Geo' });

export const Answer = z.object({
  itemCode: z.string(),
  result: AnswerResultSchema,
  note: z.string().optional(),
});
export type Answer = z.infer<typeof Answer>;

export const Inspection = z
  .object({
    id: Id,
    templateId: Id,
    parkId: Id,
    enterpriseId: Id.nullable(),
    inspectorId: Id,
    inspectorName: z.string(),
    /** The phone's time, clamped to no later than the server's receipt. */
    inspectedAt: Timestamp,
    receivedAt: Timestamp,
    geo: Geo.nullable(),
    signatureAttachmentId: Id.nullable(),
    note: z.string().nullable(),
    answers: z.array(Answer),
  })
  .meta({ id: 'Inspection' });
export type Inspection = z.infer<typeof Inspection>;

export const PendingExtension = z.object({
  eventId: Id,
  newDueDate: DateOnly,
  reason: z.string(),
  requestedBy: Id,
  requestedAt: Timestamp,
});
export type PendingExtension = z.infer<typeof PendingExtension>;

export const Finding = z
  .object({
    id: Id,
    inspectionId: Id,
    parkId: Id,
    enterpriseId: Id.nullable(),
    templateId: Id.nullable(),
    itemCode: z.string().nullable(),
    category: z.string(),
    severity: SeveritySchema,
    description: z.string(),
    location: z.string().nullable(),
    requirement: z.string().nullable(),
    dueDate: DateOnly,
    status: FindingStatusSchema,
    rectifiedOnSite: z.boolean(),
    attachmentIds: z.array(Id),
    /** The inspection's inspectedAt: when the finding was observed. */
    observedAt: Timestamp,
    rectifiedAt: Timestamp.nullable(),
    closedAt: Timestamp.nullable(),
    /** Derived at read time: not closed and today (PARKCHECK_TZ) is after dueDate. */
    overdue: z.boolean(),
    pendingExtension: PendingExtension.nullable(),
    /** Who submitted the rectification awaiting re-inspection: they may not decide it themselves. */
    submittedBy: Id.nullable(),
    updatedAt: Timestamp,
  })
  .meta({ id: 'Finding' });
export type Finding = z.infer<typeof Finding>;

export const FINDING_EVENT_TYPES = [
  'create',
  'rectify',
  'verify',
  'reject',
  'requestExtension',
  'decideExtension',
  'comment',
] as const;
export const FindingEventType = z.enum(FINDING_EVENT_TYPES);
export type FindingEventType = z.infer<typeof FindingEventType>;

export const FindingEvent = z
  .object({
    id: Id,
    findingId: Id,
    parkId: Id,
    type: FindingEventType,
    actorId: Id,
    actorName: z.string(),
    actorRole: RoleSchema,
    /** Server time the event was recorded. */
    at: Timestamp,
    /** The order of the history: increases with every event the server records. */
    ordinal: z.number().int(),
    /** The phone's time of the action, clamped to `at`. */
    clientTime: Timestamp,
    note: z.string().nullable(),
    attachmentIds: z.array(Id),
    /** requestExtension: newDueDate; decideExtension: approve, newDueDate. */
    newDueDate: DateOnly.nullable(),
    approve: z.boolean().nullable(),
  })
  .meta({ id: 'FindingEvent' });
export type FindingEvent = z.infer<typeof FindingEvent>;
