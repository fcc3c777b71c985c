/** Opaque cursors: base64url JSON the client hands back unchanged. A tampered cursor is a 400. */
import type { z } from 'zod';
import { invalid } from './errors';

export function encodeCursor(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

export function decodeCursor<T>(cursor: string, schema: z.ZodType<T>): T {
  let raw: unknown;
  try {
    raw = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalid('invalid cursor', [{ path: 'cursor', message: 'not a cursor this server made' }]);
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw invalid('invalid cursor', [{ path: 'cursor', message: 'not a cursor this server made' }]);
  return parsed.data;
}
