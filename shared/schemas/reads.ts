/** Query strings of the scoped reads (API.md "Reads"). */
import { z } from 'zod';
import { DateOnly, Id } from './common';
import { CategorySchema, FindingStatusSchema, SeveritySchema } from './entities';

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
