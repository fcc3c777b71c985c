/**
 * Login limits, counted in the database so that every process sees the same
 * count. An attempt takes a place in its key's window before the password is
 * checked — in one statement, so concurrent attempts queue on the row and
 * each sees the places the others took. A failure keeps its place for the
 * window; a success or an attempt that never got checked gives it back.
 */
import { sql } from 'drizzle-orm';
import { resultRows, type Executor } from '../db/client';
import { loginLimits } from '../db/schema';

export interface LimitWindow {
  /** Places taken after this instant count. */
  since: Date;
  /** How many places the window has. */
  places: number;
}

/** Takes a place for an attempt at `at`; false when the window is full (the attempt is refused). */
export async function takeLoginPlace(db: Executor, key: string, at: Date, w: LimitWindow): Promise<boolean> {
  const now = sql`${at.toISOString()}::timestamptz`;
  const since = sql`${w.since.toISOString()}::timestamptz`;
  const live = sql`ARRAY(SELECT a FROM unnest(l.attempts) a WHERE a > ${since} ORDER BY a)`;
  const result = await db.execute(sql`
    INSERT INTO ${loginLimits} AS l (key, attempts, admitted) VALUES (${key}, ARRAY[${now}], true)
    ON CONFLICT (key) DO UPDATE SET
      admitted = cardinality(${live}) < ${w.places},
      attempts = ${live} || CASE WHEN cardinality(${live}) < ${w.places} THEN ARRAY[${now}] ELSE '{}'::timestamptz[] END
    RETURNING admitted`);
  return resultRows<{ admitted: boolean }>(result)[0]!.admitted;
}

/** Gives back the place an attempt at `at` took. */
export async function giveBackLoginPlace(db: Executor, key: string, at: Date): Promise<void> {
  const t = sql`${at.toISOString()}::timestamptz`;
  await db.execute(sql`
    UPDATE ${loginLimits}
    SET attempts = attempts[:array_position(attempts, ${t}) - 1] || attempts[array_position(attempts, ${t}) + 1:]
    WHERE key = ${key} AND ${t} = ANY(attempts)`);
}
