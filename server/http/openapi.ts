/** Helpers for route declarations: the same zod schemas validate and document. */
import type { z } from 'zod';
import { ErrorBody } from '../../shared/schemas/common';

export const jsonBody = <T extends z.ZodType>(schema: T) => ({
  required: true,
  content: { 'application/json': { schema } },
});

export const json = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});

const ERROR_DESCRIPTIONS = {
  400: 'invalid_request: malformed JSON, wrong types, unknown or missing fields',
  401: 'unauthenticated: no, bad, expired or revoked token',
  403: 'forbidden: the role may not do this',
  404: 'not_found: no such thing, or outside the caller scope',
  409: 'conflict',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  422: 'invalid_transition',
  429: 'rate_limited',
} as const;

export function errors<S extends keyof typeof ERROR_DESCRIPTIONS>(...statuses: S[]) {
  return Object.fromEntries(statuses.map((s) => [s, json(ErrorBody, ERROR_DESCRIPTIONS[s])])) as Record<
    S,
    ReturnType<typeof json<typeof ErrorBody>>
  >;
}
