/**
 * The demo server as the browser tests reach it directly: the other
 * people's phones (an inspector sending an inspection, a mutation pushed
 * as someone) and the server's own record of a finding, to check what the
 * browsers did against what the server stored.
 */
import fs from 'node:fs';
import { createHash, randomUUID } from 'node:crypto';
import { addDays } from '../../../shared/dates';
import type { Enterprise, Finding, FindingEvent, Park, Template } from '../../../shared/schemas/entities';
import { DEMO_PASSWORD } from '../../../server/demo/accounts';
import { e2eNow, e2eToday } from '../../support/clock';
import { loginAt } from '../../support/process';

export const PHOTO = 'tests/fixtures/photos/distribution-box.jpg';
export const ROTATED_PHOTO = 'tests/fixtures/photos/exit-rotated.jpg';
/** Today on the tests' calendar, the same day the demo server and the phones see. */
export const today = e2eToday;

export class Demo {
  private readonly tokens = new Map<string, string>();

  constructor(readonly url: string) {}

  async token(username: string): Promise<string> {
    let token = this.tokens.get(username);
    if (!token) this.tokens.set(username, (token = await loginAt(this.url, username, DEMO_PASSWORD)));
    return token;
  }

  async call<T = any>(username: string, method: string, path: string, body?: unknown): Promise<{ status: number; body: T }> {
    const res = await fetch(`${this.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${await this.token(username)}`, ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : undefined };
  }

  async get<T = any>(username: string, path: string): Promise<T> {
    const { status, body } = await this.call<T>(username, 'GET', path);
    if (status !== 200) throw new Error(`GET ${path} as ${username}: ${status} ${JSON.stringify(body)}`);
    return body;
  }

  /** Pushes mutations as `username`'s phone would; answers the per-mutation results. */
  async push(username: string, mutations: unknown[]): Promise<{ id: string; status: string; error?: unknown }[]> {
    const { status, body } = await this.call(username, 'POST', '/api/sync/push', { clientId: `test-${username}`, mutations });
    if (status !== 200) throw new Error(`push as ${username}: ${status} ${JSON.stringify(body)}`);
    return body.results;
  }

  /** A rectification with an evidence photo, as `username`'s phone sends it. */
  async rectify(username: string, findingId: string, note: string): Promise<void> {
    await this.pushOne(username, 'finding.rectify', { findingId, eventId: randomUUID(), note, attachmentIds: [await this.uploadPhoto(username)] });
  }

  async pushOne(username: string, type: string, payload: Record<string, unknown>): Promise<void> {
    const [result] = await this.push(username, [{ id: randomUUID(), type, payload, clientTime: e2eNow().toISOString() }]);
    if (result?.status !== 'applied') throw new Error(`${type} as ${username}: ${JSON.stringify(result)}`);
  }

  async park(username: string, name: string): Promise<Park> {
    const { items } = await this.get<{ items: Park[] }>(username, '/api/parks');
    const park = items.find((p) => p.name === name);
    if (!park) throw new Error(`no park ${name} for ${username}`);
    return park;
  }

  async enterprises(username: string, parkId: string): Promise<Enterprise[]> {
    return (await this.get<{ items: Enterprise[] }>(username, `/api/enterprises?parkId=${parkId}&limit=2000`)).items;
  }

  async uploadPhoto(username: string, file = PHOTO): Promise<string> {
    const bytes = fs.readFileSync(file);
    const id = randomUUID();
    const res = await fetch(`${this.url}/api/attachments/${id}`, {
      method: 'PUT',
      headers: {
        authorization: `Bearer ${await this.token(username)}`,
        'content-type': 'image/jpeg',
        'x-content-sha256': createHash('sha256').update(bytes).digest('hex'),
      },
      body: bytes,
    });
    if (res.status !== 201) throw new Error(`photo upload: ${res.status}`);
    return id;
  }

  /**
   * The inspector's phone sends a fire inspection of `enterprise` with one
   * finding per description (each with an original photo), due in `dueInDays`.
   */
  async inspect(
    enterprise: Enterprise,
    descriptions: string[],
    o: { dueInDays?: number; inspector?: string; severity?: Finding['severity'] } = {},
  ): Promise<Finding[]> {
    // A finding already overdue was found earlier: a due date is never before its inspection (API.md).
    // Found a week before it fell due, then.
    const dueIn = o.dueInDays ?? 7;
    const inspectedAt = new Date(e2eNow().getTime() - (dueIn < 0 ? 7 - dueIn : 0) * 86_400_000);
    const inspector = o.inspector ?? 'inspector';
    const { items: templates } = await this.get<{ items: Template[] }>(inspector, '/api/templates');
    const fire = templates.find((t) => t.code === 'FIRE')!;
    const items = fire.sections.flatMap((s) => s.items);
    const inspectionId = randomUUID();
    const findings = [];
    for (const [i, description] of descriptions.entries()) {
      findings.push({
        id: randomUUID(),
        itemCode: items[i]!.code,
        severity: o.severity ?? items[i]!.severity,
        description,
        location: `${i + 1}号楼1层`,
        requirement: '立即整改，保持畅通',
        dueDate: addDays(today(), o.dueInDays ?? 7),
        rectifiedOnSite: false,
        attachmentIds: [await this.uploadPhoto(inspector)],
      });
    }
    const [result] = await this.push(inspector, [
      {
        id: randomUUID(),
        type: 'inspection.submit',
        clientTime: e2eNow().toISOString(),
        payload: {
          inspection: {
            id: inspectionId,
            templateId: fire.id,
            parkId: enterprise.parkId,
            enterpriseId: enterprise.id,
            inspectedAt: inspectedAt.toISOString(),
            answers: findings.map((f) => ({ itemCode: f.itemCode, result: 'fail' })),
            findings,
          },
        },
      },
    ]);
    if (result?.status !== 'applied') throw new Error(`inspection: ${JSON.stringify(result)}`);
    const { findings: stored } = await this.get<{ findings: Finding[] }>(inspector, `/api/inspections/${inspectionId}`);
    return descriptions.map((d) => stored.find((f) => f.description === d)!);
  }

  /** The server's record of a finding and its whole history (as an admin sees it). */
  finding(id: string): Promise<{ finding: Finding; events: FindingEvent[] }> {
    return this.get('admin', `/api/findings/${id}`);
  }

  /** A stored photo as `username` may fetch it, with its pixel size when it is a JPEG. */
  async photo(username: string, id: string): Promise<{ status: number; type: string | null; width?: number; height?: number }> {
    const res = await fetch(`${this.url}/api/attachments/${id}`, { headers: { authorization: `Bearer ${await this.token(username)}` } });
    const bytes = new Uint8Array(await res.arrayBuffer());
    return { status: res.status, type: res.headers.get('content-type'), ...jpegSize(bytes) };
  }
}

/** Width and height from a JPEG's start-of-frame marker. */
function jpegSize(b: Uint8Array): { width?: number; height?: number } {
  let i = 2;
  while (i + 9 < b.length && b[i] === 0xff) {
    const marker = b[i + 1]!;
    const length = (b[i + 2]! << 8) | b[i + 3]!;
    if (marker >= 0xc0 && marker <= 0xc3) return { height: (b[i + 5]! << 8) | b[i + 6]!, width: (b[i + 7]! << 8) | b[i + 8]! };
    i += 2 + length;
  }
  return {};
}
