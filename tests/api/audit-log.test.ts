import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server';
import { buildWorld } from '../support/world';

let t: TestServer;

beforeAll(async () => {
  t = await startTestServer();
  await buildWorld(t);
});
afterAll(() => t.close());

describe('the audit log', () => {
  it('is append-only in the database: rows cannot be changed or removed', async () => {
    const before = (await t.services.db.execute(sql`SELECT count(*)::int AS n FROM audit_log`)) as unknown as { rows: { n: number }[] };
    expect(before.rows[0]!.n).toBeGreaterThan(0);
    await expect(t.services.db.execute(sql`UPDATE audit_log SET type = 'x'`)).rejects.toThrow();
    await expect(t.services.db.execute(sql`DELETE FROM audit_log`)).rejects.toThrow();
    await expect(t.services.db.execute(sql`TRUNCATE audit_log`)).rejects.toThrow();
    const after = (await t.services.db.execute(sql`SELECT count(*)::int AS n FROM audit_log`)) as unknown as { rows: { n: number }[] };
    expect(after.rows[0]!.n).toBe(before.rows[0]!.n);
  });
});
