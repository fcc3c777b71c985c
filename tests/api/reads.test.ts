import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Finding } from '../../shared/schemas/entities';
import { startTestServer, type TestServer } from '../support/server';
import { buildWorld, type World } from '../support/world';

let t: TestServer;
let w: World;

beforeAll(async () => {
  t = await startTestServer();
  w = await buildWorld(t);
  // "Today" is 2026-03-10 in Shanghai for every test here.
  t.clock.set('2026-03-10T04:00:00Z');
  await w.seedFindings({
    park: 'A1',
    enterprise: 'A1a',
    inspectedAt: '2026-03-01T09:00:00+08:00',
    findings: [
      { severity: 'major', dueDate: '2026-03-31', category: 'fire' },
      { severity: 'general', dueDate: '2026-03-09', category: 'safety' },
      { severity: 'general', dueDate: '2026-03-10', category: 'safety', status: 'submitted' },
      { severity: 'general', dueDate: '2026-03-05', category: 'environment', status: 'closed' },
    ],
  });
  await w.seedFindings({
    park: 'A2',
    enterprise: 'A2a',
    inspectedAt: '2026-03-01T00:10:00+08:00',
    findings: [{ dueDate: '2026-03-07' }],
  });
});
afterAll(() => t.close());

const list = async (query: string) => {
  const res = await t.call('GET', `/api/findings${query}`, { token: w.tokens.inspA });
  expect(res.status).toBe(200);
  return res.body as { items: Finding[]; nextCursor: string | null };
};

describe('GET /api/findings', () => {
  it('answers findings in the documented shape, timestamps with their offset', async () => {
    const { items } = await list('');
    expect(items).toHaveLength(5);
    for (const f of items) expect(Finding.safeParse(f).success).toBe(true);
    expect(items[0]!.observedAt).toBe('2026-03-01T09:00:00.000+08:00');
  });

  it('derives overdue from today in Shanghai: not closed and past the due date', async () => {
    const { items } = await list('');
    const byDue = Object.fromEntries(items.map((f) => [`${f.dueDate}/${f.status}`, f.overdue]));
    expect(byDue).toEqual({
      '2026-03-31/open': false,
      '2026-03-09/open': true,
      '2026-03-10/submitted': false,
      '2026-03-05/closed': false,
      '2026-03-07/open': true,
    });
    expect((await list('?overdue=true')).items.map((f) => f.dueDate).sort()).toEqual(['2026-03-07', '2026-03-09']);
    expect((await list('?overdue=false')).items).toHaveLength(3);
  });

  it('filters by park, enterprise, status, severity and category', async () => {
    expect((await list(`?parkId=${w.parks.A2}`)).items).toHaveLength(1);
    expect((await list(`?enterpriseId=${w.enterprises.A1a}`)).items).toHaveLength(4);
    expect((await list('?status=closed')).items.map((f) => f.category)).toEqual(['environment']);
    expect((await list('?severity=major')).items.map((f) => f.dueDate)).toEqual(['2026-03-31']);
    expect((await list('?category=safety')).items).toHaveLength(2);
  });

  it('filters by inspection date in Shanghai time: 00:10 on 1 March there is March, though still February in UTC', async () => {
    expect((await list('?from=2026-03-01&to=2026-03-31')).items).toHaveLength(5);
    expect((await list('?from=2026-02-01&to=2026-02-28')).items).toHaveLength(0);
    expect((await list('?from=2026-03-01&to=2026-03-01')).items).toHaveLength(5);
  });

  it('pages with an opaque cursor until nextCursor is null, each finding once', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page = await list(`?limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      seen.push(...page.items.map((f) => f.id));
      cursor = page.nextCursor;
      pages++;
    } while (cursor);
    expect(pages).toBe(3);
    expect(new Set(seen).size).toBe(5);
  });

  it('refuses a bad filter or a forged cursor with invalid_request naming it', async () => {
    for (const [query, field] of [
      ['?status=done', 'status'],
      ['?severity=huge', 'severity'],
      ['?overdue=maybe', 'overdue'],
      ['?from=2026-02-30', 'from'],
      ['?limit=0', 'limit'],
      ['?limit=501', 'limit'],
      ['?parkId=abc', 'parkId'],
      ['?cursor=not-a-cursor', 'cursor'],
    ] as const) {
      const res = await t.call('GET', `/api/findings${query}`, { token: w.tokens.inspA });
      expect(res.status, query).toBe(400);
      expect(res.body.error.code).toBe('invalid_request');
      expect(JSON.stringify(res.body.error.details)).toContain(field);
    }
  });
});

describe('GET /api/enterprises', () => {
  it('searches by name or credit-code prefix', async () => {
    const byName = await t.call('GET', `/api/enterprises?q=${encodeURIComponent('恒泰')}`, { token: w.tokens.inspA });
    expect(byName.body.items.map((e: { name: string }) => e.name)).toEqual(['宁波恒泰电器有限公司']);
    const code = byName.body.items[0].creditCode as string;
    const byCode = await t.call('GET', `/api/enterprises?q=${code.slice(0, 12)}`, { token: w.tokens.inspA });
    expect(byCode.body.items.map((e: { creditCode: string }) => e.creditCode)).toContain(code);
  });

  it('treats % and _ in a search as plain characters', async () => {
    const res = await t.call('GET', `/api/enterprises?q=${encodeURIComponent('%')}`, { token: w.tokens.admin });
    expect(res.body.items).toEqual([]);
  });

  it('pages with a cursor', async () => {
    const first = await t.call('GET', '/api/enterprises?limit=3', { token: w.tokens.admin });
    expect(first.body.items).toHaveLength(3);
    const second = await t.call('GET', `/api/enterprises?limit=3&cursor=${first.body.nextCursor}`, { token: w.tokens.admin });
    expect(second.body.items).toHaveLength(1);
    expect(second.body.nextCursor).toBeNull();
  });
});
