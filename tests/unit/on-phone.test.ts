/**
 * Opening a finding or an inspection: from the phone when it is there (no
 * request at all), else asked of the server and kept on the phone; what the
 * server will not show is "not found" and never data; no answer is said to
 * be offline. The app's real database (fake-indexeddb), live queries and
 * request client, against a stubbed server.
 */
import { randomUUID } from 'node:crypto';
import Dexie from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { effectScope, nextTick, ref, type EffectScope, type Ref } from 'vue';
import { createClient, type ApiClient } from '../../app/api/client';
import { useOnPhone } from '../../app/composables/on-phone';
import { ParkCheckDb } from '../../app/db/database';
import { fetchFinding, findingDetail } from '../../app/findings/detail';
import { fetchInspection, inspectionRecord } from '../../app/inspect/records';
import type { Finding, FindingEvent, Inspection } from '../../shared/schemas/entities';

// Live queries run only where Dexie found an IndexedDB when it loaded (a browser); Node has none.
Object.assign(Dexie.dependencies, { indexedDB: new IDBFactory(), IDBKeyRange });

const USER = randomUUID();
const PARK = randomUUID();

let db: ParkCheckDb;
let scope: EffectScope;
/** What the stubbed server holds, by path; anything else is a 404. */
let server: Map<string, unknown>;
let network: 'up' | 'down' | 'failing';
let asked: string[];
/** Requests for this path wait until it is released. */
let held: { path: string; release: Promise<void> } | undefined;

const client: ApiClient = createClient({
  baseUrl: 'https://parkcheck.test',
  token: () => 'token',
  fetch: async (input) => {
    const path = new URL(String(input)).pathname;
    asked.push(path);
    if (held?.path === path) await held.release;
    if (network === 'down') throw new TypeError('fetch failed');
    if (network === 'failing') return new Response(JSON.stringify({ error: { code: 'internal', message: 'boom' } }), { status: 500 });
    const body = server.get(path);
    return body === undefined
      ? new Response(JSON.stringify({ error: { code: 'not_found', message: 'not found' } }), { status: 404 })
      : new Response(JSON.stringify(body), { status: 200 });
  },
});

beforeEach(() => {
  db = new ParkCheckDb(`on-phone-${randomUUID()}`, { indexedDB: new IDBFactory(), IDBKeyRange });
  scope = effectScope();
  server = new Map();
  network = 'up';
  asked = [];
  held = undefined;
});
afterEach(() => {
  scope.stop();
  db.close();
});

const NOW = '2026-11-20T10:00:00.000+08:00';

function inspection(): Inspection {
  return {
    id: randomUUID(),
    templateId: randomUUID(),
    parkId: PARK,
    enterpriseId: null,
    inspectorId: randomUUID(),
    inspectorName: '王磊',
    inspectedAt: NOW,
    receivedAt: NOW,
    geo: null,
    signatureAttachmentId: null,
    note: null,
    answers: [],
  };
}

function finding(inspectionId: string, description: string): Finding {
  return {
    id: randomUUID(),
    inspectionId,
    parkId: PARK,
    enterpriseId: null,
    templateId: null,
    itemCode: null,
    category: 'fire',
    severity: 'general',
    description,
    location: null,
    requirement: null,
    dueDate: '2026-11-27',
    status: 'open',
    rectifiedOnSite: false,
    attachmentIds: [],
    observedAt: NOW,
    rectifiedAt: null,
    closedAt: null,
    overdue: false,
    pendingExtension: null,
    submittedBy: null,
    updatedAt: NOW,
  };
}

function event(f: Finding, type: FindingEvent['type'], ordinal: number): FindingEvent {
  return {
    id: randomUUID(),
    findingId: f.id,
    parkId: PARK,
    type,
    actorId: randomUUID(),
    actorName: '赵敏',
    actorRole: 'operator',
    at: NOW,
    ordinal,
    clientTime: NOW,
    note: type === 'comment' ? '明天处理' : null,
    attachmentIds: [],
    newDueDate: null,
    approve: null,
  };
}

/** The finding page's data, as useFinding wires it, for the finding `id` names. */
function openFinding(id: Ref<string>) {
  return scope.run(() =>
    useOnPhone(
      () => findingDetail(db, id.value, USER),
      () => fetchFinding(db, client, id.value),
      [id],
    ),
  )!;
}

/** Waits until `check` holds (live queries and requests answer on their own time). */
async function until(check: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 5));
  await nextTick();
  expect(check()).toBe(true);
}

describe('a finding', () => {
  it('on the phone shows from the phone, and the server is not asked', async () => {
    const f = finding(randomUUID(), '疏散通道堆放杂物');
    await db.findings.put(f);
    const { record, lookup } = openFinding(ref(f.id));
    await until(() => Boolean(record.value));
    expect(record.value!.finding.description).toBe('疏散通道堆放杂物');
    expect(lookup.value).toBeNull();
    expect(asked).toEqual([]);
  });

  it('not on the phone is asked of the server, kept on the phone with its history, and shown', async () => {
    const f = finding(randomUUID(), '灭火器过期');
    server.set(`/api/findings/${f.id}`, { finding: f, events: [event(f, 'create', 1), event(f, 'comment', 2)] });
    const { record, lookup } = openFinding(ref(f.id));
    await until(() => Boolean(record.value));
    expect(record.value!.finding.description).toBe('灭火器过期');
    expect(record.value!.history.map((e) => e.type)).toEqual(['create', 'comment']);
    expect(lookup.value).toBeNull();
    // Kept: offline next time. The creation entry is derived, never stored.
    expect(await db.findings.get(f.id)).toMatchObject({ description: '灭火器过期' });
    expect((await db.findingEvents.where('findingId').equals(f.id).toArray()).map((e) => e.type)).toEqual(['comment']);
    expect(asked).toEqual([`/api/findings/${f.id}`]);
  });

  it('the server will not show (404: outside the scope, or gone) is "not found", and nothing is kept', async () => {
    const id = randomUUID();
    const { record, lookup } = openFinding(ref(id));
    await until(() => lookup.value === 'notFound');
    expect(record.value).toBeNull();
    expect(await db.findings.count()).toBe(0);
  });

  it('without a network, or with the server failing, is said to be unreachable rather than not found', async () => {
    network = 'down';
    const offline = openFinding(ref(randomUUID()));
    await until(() => offline.lookup.value === 'offline');
    network = 'failing';
    const failing = openFinding(ref(randomUUID()));
    await until(() => failing.lookup.value === 'offline');
  });

  it('opened after another that was not found is asked of the server in its turn', async () => {
    const id = ref<string>(randomUUID());
    const { record, lookup } = openFinding(id);
    await until(() => lookup.value === 'notFound');
    const next = finding(randomUUID(), '配电箱前堆放可燃物');
    server.set(`/api/findings/${next.id}`, { finding: next, events: [] });
    id.value = next.id;
    await until(() => record.value?.finding.id === next.id);
    expect(lookup.value).toBeNull();
    expect(asked).toHaveLength(2);
  });

  it('opened while the server is still answering about the previous one is not told that one is "not found"', async () => {
    const gone = randomUUID();
    let release!: () => void;
    held = { path: `/api/findings/${gone}`, release: new Promise((r) => (release = r)) };
    const id = ref<string>(gone);
    const { record, lookup } = openFinding(id);
    await until(() => lookup.value === 'checking');
    const next = finding(randomUUID(), '配电箱前堆放可燃物');
    await db.findings.put(next);
    id.value = next.id;
    await until(() => record.value?.finding.id === next.id);
    release();
    await until(() => asked.length === 1);
    await new Promise((r) => setTimeout(r, 50));
    expect(lookup.value).toBeNull();
    expect(record.value?.finding.id).toBe(next.id);
  });

  it('taken away by a sync (a scope change) is asked of the server again', async () => {
    const f = finding(randomUUID(), '消防通道被占用');
    await db.findings.put(f);
    const { record, lookup } = openFinding(ref(f.id));
    await until(() => Boolean(record.value));
    await db.findings.delete(f.id);
    await until(() => lookup.value === 'notFound');
    expect(asked).toEqual([`/api/findings/${f.id}`]);
  });
});

describe('an inspection', () => {
  it('not on the phone is asked of the server and kept with its findings, by the same mechanism', async () => {
    const i = inspection();
    const found = [finding(i.id, '二楼仓库未设置喷淋'), finding(i.id, '危废间无防渗漏措施')];
    server.set(`/api/inspections/${i.id}`, { inspection: i, findings: found });
    const { record, lookup } = scope.run(() =>
      useOnPhone(
        () => inspectionRecord(db, i.id),
        () => fetchInspection(db, client, i.id),
        [],
      ),
    )!;
    await until(() => Boolean(record.value));
    expect(record.value!.findings.map((f) => f.description).sort()).toEqual(['二楼仓库未设置喷淋', '危废间无防渗漏措施'].sort());
    expect(lookup.value).toBeNull();
    expect(await db.inspections.get(i.id)).toMatchObject({ inspectorName: '王磊' });
  });
});
