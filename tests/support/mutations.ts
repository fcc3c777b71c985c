/** Builders for sync mutations, shaped as the phone sends them. */
import { randomUUID } from 'node:crypto';
import { addDays, localDate } from '../../shared/dates';
import type { FindingInput, Mutation } from '../../shared/schemas/sync';
import type { TestServer } from './server';
import type { UserKey, World } from './world';

export const nowIso = () => new Date().toISOString();

export interface SubmitOptions {
  park?: keyof World['parks'];
  enterprise?: keyof World['enterprises'] | null;
  template?: keyof World['templates'];
  inspectedAt?: string;
  findings?: Partial<FindingInput>[];
  clientTime?: string;
  signatureAttachmentId?: string;
}

export function submit(w: World, o: SubmitOptions = {}): Mutation & { type: 'inspection.submit' } {
  const inspectedAt = o.inspectedAt ?? nowIso();
  const due = addDays(localDate(new Date(inspectedAt), 'Asia/Shanghai'), 7);
  const park = o.park ?? 'A1';
  const enterprise = o.enterprise === undefined ? (park === 'B1' ? 'B1a' : park === 'A2' ? 'A2a' : 'A1a') : o.enterprise;
  return {
    id: randomUUID(),
    type: 'inspection.submit',
    clientTime: o.clientTime ?? inspectedAt,
    payload: {
      inspection: {
        id: randomUUID(),
        templateId: w.templates[o.template ?? 'fire'],
        parkId: w.parks[park],
        ...(enterprise ? { enterpriseId: w.enterprises[enterprise] } : {}),
        inspectedAt,
        ...(o.signatureAttachmentId ? { signatureAttachmentId: o.signatureAttachmentId } : {}),
        answers: [
          { itemCode: 'F-01', result: 'fail' },
          { itemCode: 'F-02', result: 'pass' },
          { itemCode: 'F-03', result: 'na' },
        ],
        findings: (o.findings ?? [{}]).map((f) => ({
          id: randomUUID(),
          itemCode: 'F-01',
          severity: 'general',
          description: '疏散通道堆放纸箱',
          location: '3号楼2层',
          requirement: '立即清理，保持畅通',
          dueDate: due,
          rectifiedOnSite: false,
          // A fix on the spot carries its photo (API.md); an id not uploaded yet may be referenced.
          attachmentIds: f.rectifiedOnSite ? [randomUUID()] : [],
          ...f,
        })),
      },
    },
  } as Mutation & { type: 'inspection.submit' };
}

type FindingType = Exclude<Mutation['type'], 'inspection.submit'>;

export function findingMutation<T extends FindingType>(
  type: T,
  findingId: string,
  extra: Record<string, unknown> = {},
  clientTime = nowIso(),
): Mutation {
  const defaults: Record<FindingType, Record<string, unknown>> = {
    // Evidence is required (API.md); an id not uploaded yet may be referenced.
    'finding.rectify': { note: '已整改', attachmentIds: [randomUUID()] },
    'finding.verify': {},
    'finding.reject': { reason: '整改不到位' },
    'finding.requestExtension': { newDueDate: '2099-12-31', reason: '设备到货周期长' },
    'finding.decideExtension': { approve: true },
    'finding.comment': { note: '已电话督促' },
  };
  return {
    id: randomUUID(),
    type,
    clientTime,
    payload: { findingId, eventId: randomUUID(), ...defaults[type], ...extra },
  } as Mutation;
}

export async function pushAs(t: TestServer, w: World, who: UserKey, mutations: unknown[], clientId = `phone-${who}`) {
  return t.call('POST', '/api/sync/push', { token: w.tokens[who], body: { clientId, mutations } });
}

/** Pushes one mutation and returns its result. */
export async function pushOne(t: TestServer, w: World, who: UserKey, m: unknown) {
  const res = await pushAs(t, w, who, [m]);
  if (res.status !== 200) throw new Error(`push: ${res.status} ${res.text}`);
  return res.body.results[0] as { id: string; status: string; error?: { code: string; message: string } };
}

/** Creates a finding by inspection.submit as the inspector of its town, and returns its id. */
export async function newFinding(
  t: TestServer,
  w: World,
  park: keyof World['parks'] = 'A1',
  f: Partial<FindingInput> = {},
): Promise<string> {
  const m = submit(w, { park, findings: [f] });
  const r = await pushOne(t, w, park === 'B1' ? 'inspB' : 'inspA', m);
  if (r.status !== 'applied') throw new Error(`submit: ${JSON.stringify(r)}`);
  return m.payload.inspection.findings[0]!.id;
}

/**
 * Brings a new finding to `status` through the real loop: the park's
 * operator rectifies (the town's inspector on the enterprise's behalf where
 * the park has none), the town's supervisor verifies — never the one who
 * rectified (API.md "Integrity of the loop").
 */
export async function findingIn(
  t: TestServer,
  w: World,
  status: 'open' | 'submitted' | 'closed',
  park: keyof World['parks'] = 'A1',
): Promise<string> {
  const id = await newFinding(t, w, park);
  const rectifier = operatorOf(park) ?? (park === 'B1' ? 'inspB' : 'inspA');
  const supervisor = park === 'B1' ? 'supB' : 'supA';
  if (status !== 'open') await expectApplied(pushOne(t, w, rectifier, findingMutation('finding.rectify', id)));
  if (status === 'closed') await expectApplied(pushOne(t, w, supervisor, findingMutation('finding.verify', id)));
  return id;
}

/** The park's operator in the test world, if it has one. */
export const operatorOf = (park: keyof World['parks']): UserKey | undefined => (park === 'A1' ? 'opA1' : park === 'B1' ? 'opB1' : undefined);

async function expectApplied(result: ReturnType<typeof pushOne>): Promise<void> {
  const r = await result;
  if (r.status !== 'applied') throw new Error(`expected applied: ${JSON.stringify(r)}`);
}
