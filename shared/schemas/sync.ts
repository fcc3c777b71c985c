/**
 * Sync push and pull (API.md "Sync"). The envelope is validated as a whole
 * (a bad envelope is a 400 and nothing is applied); each mutation's type and
 * payload are validated one by one, so one bad mutation is only that one
 * `rejected`.
 */
import { z } from 'zod';
import { DateOnly, ErrorCodeSchema, Id, LIMITS, Name, PhoneTimestamp, RequiredText, Text, Timestamp } from './common';
import { AnswerResultSchema, Enterprise, Finding, FindingEvent, Geo, Inspection, Park, Region, SeveritySchema, Template } from './entities';
import { PlanDetail } from './plans';

export const MAX_PUSH_MUTATIONS = 500;
export const PULL_DEFAULT_LIMIT = 500;
export const PULL_MAX_LIMIT = 2000;
/** A phone clock further off than this is recorded as skew on the mutation. */
export const CLOCK_SKEW_TOLERANCE_MS = 5 * 60 * 1000;

const AttachmentIds = z.array(Id).max(50);

export const FindingInput = z.strictObject({
  id: Id,
  itemCode: z.string().max(40).optional(),
  severity: SeveritySchema,
  description: RequiredText,
  location: z.string().max(LIMITS.name).optional(),
  requirement: Text.optional(),
  dueDate: DateOnly,
  rectifiedOnSite: z.boolean(),
  attachmentIds: AttachmentIds,
});
export type FindingInput = z.infer<typeof FindingInput>;

export const InspectionInput = z.strictObject({
  id: Id,
  templateId: Id,
  parkId: Id,
  enterpriseId: Id.optional(),
  inspectedAt: PhoneTimestamp,
  geo: Geo.optional(),
  signatureAttachmentId: Id.optional(),
  note: Text.optional(),
  answers: z
    .array(z.strictObject({ itemCode: z.string().min(1).max(40), result: AnswerResultSchema, note: Text.optional() }))
    .max(1000),
  findings: z.array(FindingInput).max(500),
});
export type InspectionInput = z.infer<typeof InspectionInput>;

export const MUTATION_PAYLOADS = {
  'inspection.submit': z.strictObject({ inspection: InspectionInput }),
  'finding.rectify': z.strictObject({ findingId: Id, eventId: Id, note: Text, attachmentIds: AttachmentIds }),
  'finding.verify': z.strictObject({ findingId: Id, eventId: Id, note: Text.optional() }),
  'finding.reject': z.strictObject({
    findingId: Id,
    eventId: Id,
    reason: RequiredText,
    attachmentIds: AttachmentIds.optional(),
    /** A new due date for the reopened finding (not before today). */
    newDueDate: DateOnly.optional(),
  }),
  'finding.requestExtension': z.strictObject({
    findingId: Id,
    eventId: Id,
    newDueDate: DateOnly,
    reason: RequiredText,
  }),
  'finding.decideExtension': z.strictObject({
    findingId: Id,
    eventId: Id,
    approve: z.boolean(),
    note: Text.optional(),
    /** When approving: grant this date instead of the requested one. */
    dueDate: DateOnly.optional(),
  }),
  'finding.comment': z.strictObject({
    findingId: Id,
    eventId: Id,
    note: RequiredText,
    attachmentIds: AttachmentIds.optional(),
  }),
} as const;

export type MutationType = keyof typeof MUTATION_PAYLOADS;
export const MUTATION_TYPES = Object.keys(MUTATION_PAYLOADS) as MutationType[];
export type MutationPayload<T extends MutationType> = z.infer<(typeof MUTATION_PAYLOADS)[T]>;

/** A mutation as the phone queues it; `payload` matches its `type`. */
export type Mutation = {
  [T in MutationType]: { id: string; type: T; payload: MutationPayload<T>; clientTime: string };
}[MutationType];

export const MutationEnvelope = z.object({
  id: Id,
  type: z.string().max(100),
  payload: z.unknown(),
  clientTime: z.unknown(),
});

export const PushRequest = z
  .object({
    clientId: Name,
    /**
     * The phone's clock when it sent the push. Mutations made offline carry
     * old clientTimes; only this tells a wrong clock from an old mutation.
     */
    sentAt: Timestamp.optional(),
    mutations: z.array(MutationEnvelope).min(1).max(MAX_PUSH_MUTATIONS),
  })
  .meta({ id: 'PushRequest' });

export const MutationStatus = z.enum(['applied', 'duplicate', 'rejected']);
export type MutationStatus = z.infer<typeof MutationStatus>;

export const MutationError = z.object({
  code: ErrorCodeSchema,
  message: z.string(),
  /** What exactly is wrong, e.g. which findings of an inspection (`[{findingId, problem}]`). */
  details: z.unknown().optional(),
});
export type MutationError = z.infer<typeof MutationError>;

export const MutationResult = z
  .object({ id: Id, status: MutationStatus, error: MutationError.optional() })
  .meta({ id: 'MutationResult' });
export type MutationResult = z.infer<typeof MutationResult>;

export const PushResponse = z.object({ results: z.array(MutationResult) }).meta({ id: 'PushResponse' });
export type PushResponse = z.infer<typeof PushResponse>;

export const CHANGE_KINDS = ['region', 'park', 'enterprise', 'template', 'inspection', 'finding', 'findingEvent', 'plan'] as const;
export const ChangeKind = z.enum(CHANGE_KINDS);
export type ChangeKind = z.infer<typeof ChangeKind>;

/** The whole object a `put` of each kind carries. */
const CHANGE_DATA: Record<ChangeKind, z.ZodType> = {
  region: Region,
  park: Park,
  enterprise: Enterprise,
  template: Template,
  inspection: Inspection,
  finding: Finding,
  findingEvent: FindingEvent,
  plan: PlanDetail,
};

/** One kind's changes: a put with its whole object, or a delete with the id alone. */
const changeOf = (kind: ChangeKind) =>
  z.discriminatedUnion('op', [
    z.object({ kind: z.literal(kind), op: z.literal('put'), id: Id, data: CHANGE_DATA[kind] }),
    z.object({ kind: z.literal(kind), op: z.literal('delete'), id: Id }),
  ]);

/**
 * A pulled change, checked by its kind: a `put`'s data must be that kind's
 * entity. The data's static type stays `unknown` (the schemas in
 * CHANGE_DATA are typed loosely), because the server builds a page from
 * rows of every kind at once; the parse, and the OpenAPI document, are by
 * kind all the same.
 */
export const Change = z
  .discriminatedUnion('kind', CHANGE_KINDS.map(changeOf) as [ReturnType<typeof changeOf>, ...ReturnType<typeof changeOf>[]])
  .meta({ id: 'Change' });
export type Change = z.infer<typeof Change>;

export const PullQuery = z.object({
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(PULL_MAX_LIMIT).optional(),
});

export const PullResponse = z
  .object({ cursor: z.string(), more: z.boolean(), reset: z.boolean(), changes: z.array(Change) })
  .meta({ id: 'PullResponse' });
export type PullResponse = z.infer<typeof PullResponse>;
