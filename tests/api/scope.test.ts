/**
 * Scope: each role sees exactly its data, sub-regions included; anything
 * outside is 404, never 403 — its existence is not revealed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server';
import { buildWorld, type UserKey, type World } from '../support/world';

let t: TestServer;
let w: World;
let findingA1: string;
let findingA2: string;
let findingB1: string;
let inspectionB1: string;

beforeAll(async () => {
  t = await startTestServer();
  w = await buildWorld(t);
  findingA1 = (await w.seedFindings({ park: 'A1', enterprise: 'A1a', findings: [{}] })).findingIds[0]!;
  findingA2 = (await w.seedFindings({ park: 'A2', enterprise: 'A2a', findings: [{}] })).findingIds[0]!;
  const b = await w.seedFindings({ park: 'B1', enterprise: 'B1a', inspector: 'inspB', findings: [{}] });
  findingB1 = b.findingIds[0]!;
  inspectionB1 = b.inspectionId;
});
afterAll(() => t.close());

const ids = async (who: UserKey, path: string) => {
  const res = await t.call('GET', path, { token: w.tokens[who] });
  expect(res.status).toBe(200);
  return (res.body.items as { id: string }[]).map((x) => x.id).sort();
};
const sorted = (...xs: string[]) => [...xs].sort();

describe('parks', () => {
  it('admin and the city supervisor see every park', async () => {
    const all = sorted(w.parks.A1, w.parks.A2, w.parks.B1);
    expect(await ids('admin', '/api/parks')).toEqual(all);
    expect(await ids('supCity', '/api/parks')).toEqual(all);
  });

  it("a town's inspector and supervisor see the town's parks, those of its sub-regions included", async () => {
    expect(await ids('inspA', '/api/parks')).toEqual(sorted(w.parks.A1, w.parks.A2));
    expect(await ids('supA', '/api/parks')).toEqual(sorted(w.parks.A1, w.parks.A2));
    expect(await ids('inspB', '/api/parks')).toEqual([w.parks.B1]);
  });

  it('an operator sees only their park', async () => {
    expect(await ids('opA1', '/api/parks')).toEqual([w.parks.A1]);
    expect(await ids('opB1', '/api/parks')).toEqual([w.parks.B1]);
  });
});

describe('regions', () => {
  it('a town user sees the town, its sub-regions and the chain above it, not the other town', async () => {
    expect(await ids('inspA', '/api/regions')).toEqual(sorted(w.regions.city, w.regions.townA, w.regions.villageA));
  });

  it("an operator sees the regions their park lies in, not the town's other branches", async () => {
    expect(await ids('opB1', '/api/regions')).toEqual(sorted(w.regions.city, w.regions.townB));
  });
});

describe('enterprises', () => {
  it('are limited to parks in scope, whatever parkId is asked for', async () => {
    expect(await ids('opA1', '/api/enterprises')).toEqual(sorted(w.enterprises.A1a, w.enterprises.A1b));
    expect(await ids('opA1', `/api/enterprises?parkId=${w.parks.B1}`)).toEqual([]);
    expect(await ids('inspB', '/api/enterprises')).toEqual([w.enterprises.B1a]);
  });
});

describe('findings and inspections', () => {
  it('are listed only in scope', async () => {
    expect(await ids('opA1', '/api/findings')).toEqual([findingA1]);
    expect(await ids('inspA', '/api/findings')).toEqual(sorted(findingA1, findingA2));
    expect(await ids('supB', '/api/findings')).toEqual([findingB1]);
    expect(await ids('admin', '/api/findings')).toEqual(sorted(findingA1, findingA2, findingB1));
  });

  it('outside scope are 404 not_found, as if they did not exist', async () => {
    for (const [who, path] of [
      ['opA1', `/api/findings/${findingB1}`],
      ['opA1', `/api/findings/${findingA2}`],
      ['inspA', `/api/findings/${findingB1}`],
      ['supB', `/api/inspections/${(await t.call('GET', `/api/findings/${findingA1}`, { token: w.tokens.admin })).body.finding.inspectionId}`],
      ['inspA', `/api/inspections/${inspectionB1}`],
    ] as const) {
      const res = await t.call('GET', path, { token: w.tokens[who] });
      expect(res.status, `${who} ${path}`).toBe(404);
      expect(res.body.error.code).toBe('not_found');
    }
  });

  it('in scope are readable with their history', async () => {
    const res = await t.call('GET', `/api/findings/${findingB1}`, { token: w.tokens.opB1 });
    expect(res.status).toBe(200);
    expect(res.body.finding.id).toBe(findingB1);
    expect(res.body.events.map((e: { type: string }) => e.type)).toEqual(['create']);
    const insp = await t.call('GET', `/api/inspections/${inspectionB1}`, { token: w.tokens.inspB });
    expect(insp.status).toBe(200);
    expect(insp.body.findings.map((f: { id: string }) => f.id)).toEqual([findingB1]);
  });
});

describe('templates', () => {
  it('are the same for everyone: the three default checklists', async () => {
    for (const who of ['opA1', 'inspB', 'supCity'] as const) {
      expect(await ids(who, '/api/templates')).toEqual(sorted(w.templates.fire, w.templates.safety, w.templates.environment));
    }
  });
});
