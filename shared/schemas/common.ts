/**
 * Building blocks of the HTTP contract (../../API.md "Conventions").
 * Request schemas are strict: an unknown field is a client bug, answered with
 * `invalid_request` naming it, rather than silently ignored.
 */
import { z } from 'zod';
import { isValidDate } from '../dates';
import { ERROR_STATUS, type ErrorCode } from '../errors';

export const LIMITS = {
  name: 200,
  text: 4000,
  bodyBytes: 2 * 1024 * 1024,
  attachmentBytes: 10 * 1024 * 1024,
} as const;

/** Any 8-4-4-4-12 hex id; phones generate v4, other systems may not. */
export const Id = z.guid().meta({ description: 'UUID' });
export type Id = z.infer<typeof Id>;

/** ISO 8601 instant with an offset (or Z), as API.md requires of every timestamp. */
export const Timestamp = z.iso.datetime({ offset: true }).meta({ description: 'ISO 8601 timestamp with offset' });

export const DateOnly = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD')
  .refine(isValidDate, 'not a calendar date')
  .meta({ description: 'calendar date, YYYY-MM-DD' });

export const Name = z.string().trim().min(1).max(LIMITS.name);
export const Text = z.string().max(LIMITS.text);
export const RequiredText = z.string().trim().min(1).max(LIMITS.text);

export const LocalizedText = z
  .strictObject({ zh: z.string().trim().min(1).max(LIMITS.text), en: z.string().max(LIMITS.text) })
  .meta({ id: 'LocalizedText', description: 'Chinese (required) and English text' });
export type LocalizedText = z.infer<typeof LocalizedText>;

/** Guidance and legal basis: plain text, or zh/en like every other UI text. */
export const MaybeLocalizedText = z.union([z.string().max(LIMITS.text), LocalizedText]);
export type MaybeLocalizedText = z.infer<typeof MaybeLocalizedText>;

export { ERROR_STATUS, type ErrorCode } from '../errors';
export const ErrorCodeSchema = z.enum(Object.keys(ERROR_STATUS) as [ErrorCode, ...ErrorCode[]]);

export const ErrorBody = z
  .object({
    error: z.object({
      code: ErrorCodeSchema,
      message: z.string(),
      details: z.unknown().optional(),
    }),
  })
  .meta({ id: 'Error' });
export type ErrorBody = z.infer<typeof ErrorBody>;

/** `details` of an invalid_request: one entry per bad field, path joined by dots. */
export interface FieldIssue {
  path: string;
  message: string;
}

export function fieldIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.map((issue) => ({
    path: issue.path.map(String).join('.') || (issue.code === 'unrecognized_keys' ? '' : '(root)'),
    message: issue.code === 'unrecognized_keys' ? `unknown field(s): ${issue.keys.join(', ')}` : issue.message,
  }));
}

export const ListOf = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item) });
export const PageOf = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.string().nullable() });

export const PageQuery = {
  limit: z.coerce.number().int().min(1).max(500).optional(),
  cursor: z.string().max(500).optional(),
};
