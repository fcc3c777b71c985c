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
  /** A sync push: a day's inspections with long findings must fit in one request (API.md "Hardening"). */
  pushBytes: 8 * 1024 * 1024,
  attachmentBytes: 10 * 1024 * 1024,
} as const;

/** Any 8-4-4-4-12 hex id; phones generate v4, other systems may not. */
export const Id = z.guid().meta({ description: 'UUID' });
export type Id = z.infer<typeof Id>;

/** ISO 8601 instant with an offset (or Z), as API.md requires of every timestamp. */
export const Timestamp = z.iso.datetime({ offset: true }).meta({ description: 'ISO 8601 timestamp with offset' });

/**
 * A time from a phone's clock: any clock a phone could plausibly show, from
 * a reset battery to one set years ahead. Outside it (year 0, year 9999) the
 * value is refused; inside it the server clamps it (API.md "Hardening").
 */
const PHONE_TIME_RANGE = { from: Date.UTC(1000, 0, 1), to: Date.UTC(3000, 0, 1) };
export const PhoneTimestamp = Timestamp.refine((v) => {
  const t = Date.parse(v);
  return t >= PHONE_TIME_RANGE.from && t < PHONE_TIME_RANGE.to;
}, 'a time between the years 1000 and 2999');

/** A UTF-16 half without its other half: JSON can carry it, UTF-8 (and so the database) cannot. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Whether PostgreSQL can store this text: no NUL character, no lone surrogate. */
export const isStorableText = (s: string) => !s.includes('\0') && !LONE_SURROGATE.test(s);

/**
 * Where in a JSON value (its keys included) the first text PostgreSQL cannot
 * store is, or null. Walks without recursion: the value may be nested as
 * deep as a request body allows.
 */
export function unstorableTextAt(value: unknown): string | null {
  const stack: [unknown, string][] = [[value, '']];
  while (stack.length) {
    const [v, path] = stack.pop()!;
    if (typeof v === 'string') {
      if (!isStorableText(v)) return path || '(root)';
    } else if (v && typeof v === 'object') {
      for (const [k, child] of Object.entries(v)) {
        const at = path ? `${path}.${k}` : k;
        if (!isStorableText(k)) return path || '(root)';
        stack.push([child, at]);
      }
    }
  }
  return null;
}

export const DateOnly = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD')
  // Year 0 is no calendar date to PostgreSQL.
  .refine((v) => isValidDate(v) && !v.startsWith('0000'), 'not a calendar date')
  .meta({ description: 'calendar date, YYYY-MM-DD' });

const STORABLE = 'contains a NUL character or a lone surrogate';
export const Name = z.string().trim().min(1).max(LIMITS.name).refine(isStorableText, STORABLE);
export const Text = z.string().max(LIMITS.text).refine(isStorableText, STORABLE);
export const RequiredText = z.string().trim().min(1).max(LIMITS.text).refine(isStorableText, STORABLE);

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
