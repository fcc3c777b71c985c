/**
 * The pull cursor never skips a change committed late by a concurrent
 * transaction — proven on real PostgreSQL, where transactions overlap.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { regions } from '../../server/db/schema';
import { ChangeSet, flushChanges } from '../../server/repo/write';
import { startTestServer, type TestServer } from '../support/server';
import { buildWorld, type World } from '../support/world';
import { pushAs, submit } from '../support/mutations';

let t: TestServer;
let w: World;

beforeAll(async () => {
  t = await startTestServer();
  w = await buildWorld(t);
});
afterAll(() => t.close());

async function pullSince(cursor: string | undefined, token: string) {
  const seen: string[] = [];
  for (;;) {
    const res = await t.call('GET', `/api/sync/pull?limit=2000${cursor ? `&cursor=${cursor}` : ''}`, { token });
    if (res.status !== 200 || res.body.reset) throw new Error(`pull: ${res.status} ${res.text}`);
    seen.push(...res.body.changes.map((c: { kind: string; id: string }) => `${c.kind}:${c.id}`));
    cursor = res.body.cursor;
    if (!res.body.more) return { seen, cursor: cursor! };
  }
}

describe('change numbering', () => {
  it('makes a transaction that numbers its changes wait for an earlier one to commit', async () => {
    const { cursor } = await pullSince(undefined, w.tokens.admin);
    const a = randomUUID();
    const b = randomUUID();
    let releaseA!: () => void;
    let aNumbered!: () => void;
    const aHeld = new Promise<void>((r) => (aNumbered = r));
    const txA = t.services.db.transaction(async (tx) => {
      await tx.insert(regions).values({ id: a, name: '甲', path: [a] });
      const set = new ChangeSet();
      set.region(a);
      await flushChanges(tx, set);
      aNumbered();
      await new Promise<void>((r) => (releaseA = r));
    });
    await aHeld;
    let bCommitted = false;
    const txB = t.services.db
      .transaction(async (tx) => {
        await tx.insert(regions).values({ id: b, name: '乙', path: [b] });
        const set = new ChangeSet();
        set.region(b);
        await flushChanges(tx, set);
      })
      .then(() => (bCommitted = true));
    await new Promise((r) => setTimeout(r, 300));
    // B cannot take a number while A, which took a lower one, is still open…
    expect(bCommitted).toBe(false);
    const during = await pullSince(cursor, w.tokens.admin);
    expect(during.seen).toEqual([]);
    releaseA();
    await Promise.all([txA, txB]);
    // …so a pull that returns B's change has A's too, in order.
    const after = await pullSince(during.cursor, w.tokens.admin);
    expect(after.seen).toEqual([`region:${a}`, `region:${b}`]);
  });
});

describe('50 phones pushing while another pulls', () => {
  it('the puller ends with every finding, each delivered, none skipped', async () => {
    let { cursor } = await pullSince(undefined, w.tokens.supCity);
    const delivered = new Set<string>();
    let pushing = true;
    const puller = (async () => {
      while (pushing) {
        const page = await pullSince(cursor, w.tokens.supCity);
        page.seen.forEach((s) => delivered.add(s));
        cursor = page.cursor;
      }
    })();
    const created: string[] = [];
    await Promise.all(
      Array.from({ length: 50 }, async (_, phone) => {
        for (let i = 0; i < 6; i++) {
          const batch = [submit(w, { park: phone % 2 ? 'A1' : 'A2', findings: [{}, {}] }), submit(w, { park: 'B1', findings: [{}] })];
          const who = phone % 3 === 0 ? 'admin' : 'inspA';
          const mutations = who === 'admin' ? batch : batch.slice(0, 1);
          const res = await pushAs(t, w, who, mutations, `phone-${phone}`);
          expect(res.status).toBe(200);
          for (const m of mutations) created.push(...m.payload.inspection.findings.map((f) => `finding:${f.id}`));
        }
      }),
    );
    pushing = false;
    await puller;
    const final = await pullSince(cursor, w.tokens.supCity);
    final.seen.forEach((s) => delivered.add(s));
    const missing = created.filter((id) => !delivered.has(id));
    expect(missing).toEqual([]);
    expect(created.length).toBeGreaterThan(400);
  });
});
