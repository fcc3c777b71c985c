/** Query strings and answers of the scoped reads (API.md "Reads"). */
import { z } from 'zod';
import { DateOnly, Id } from './common';
import { CategorySchema, Finding, FindingEvent, FindingStatusSchema, Inspection, SeveritySchema } from './entities';

export const FINDINGS_DEFAULT_LIMIT = 50;
export const FINDINGS_MAX_LIMIT = 500;

export const EnterpriseQuery = z.object({
  parkId: Id.optional(),
  q: z.string().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(2000).optional(),
  cursor: z.string().max(500).optional(),
});

export const FindingQuery = z.object({
  parkId: Id.optional(),
  enterpriseId: Id.optional(),
  status: FindingStatusSchema.optional(),
  severity: SeveritySchema.optional(),
  category: CategorySchema.optional(),
  overdue: z.enum(['true', 'false']).optional(),
  /** Inspection date range, inclusive, in PARKCHECK_TZ. */
  from: DateOnly.optional(),
  to: DateOnly.optional(),
  limit: z.coerce.number().int().min(1).max(FINDINGS_MAX_LIMIT).optional(),
  cursor: z.string().max(500).optional(),
});
export type FindingQuery = z.infer<typeof FindingQuery>;

export const IdParam = z.object({ id: Id });

/** `GET /api/findings/:id`: a finding and its history. */
export const FindingWithEvents = z.object({ finding: Finding, events: z.array(FindingEvent) });
export type FindingWithEvents = z.infer<typeof FindingWithEvents>;

/** `GET /api/inspections/:id`: an inspection and its findings. */
export const InspectionWithFindings = z.object({ inspection: Inspection, findings: z.array(Finding) });
export type InspectionWithFindings = z.infer<typeof InspectionWithFindings>;
