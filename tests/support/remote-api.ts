/**
 * The server as another device sees it: a demo account's session over HTTP,
 * to check what reached the server and to act from "another phone".
 */
import { createHash } from 'node:crypto';
import { DEMO_PASSWORD } from '../../server/demo/accounts';
import type { Finding, FindingEvent, Inspection } from '../../shared/schemas/entities';
import type { MutationPayload, MutationType } from '../../shared/schemas/sync';
import { loginAt } from './process';

/** A mutation to push now: id and clientTime are filled in. */
export type Change = { [T in MutationType]: { type: T; payload: MutationPayload<T> } }[MutationType];

export interface RemoteApi {
  token: string;
  get<T>(path: string): Promise<{ status: number; body: T }>;
  /** The bytes' sha256 (hex) of an attachment, or null when the server does not have it (yet). */
  attachmentHash(id: string): Promise<string | null>;
  /** Uploads a JPEG as this user; answers its id. */
  uploadPhoto(bytes: Buffer): Promise<string>;
  push(mutations: Change[]): Promise<{ id: string; status: string; error?: { code: string; message: string } }[]>;
  finding(id: string): Promise<{ finding: Finding; events: FindingEvent[] }>;
  inspection(id: string): Promise<{ status: number; body: { inspection: Inspection; findings: Finding[] } }>;
}

export async function remoteApi(url: string, username: string, password = DEMO_PASSWORD): Promise<RemoteApi> {
  const token = await loginAt(url, username, password);
  const headers = { authorization: `Bearer ${token}` };
  const get = async <T>(path: string) => {
    const res = await fetch(`${url}${path}`, { headers });
    return { status: res.status, body: (await res.json()) as T };
  };
  return {
    token,
    get,
    async attachmentHash(id) {
      const res = await fetch(`${url}/api/attachments/${id}`, { headers });
      if (res.status === 404) return null;
      if (!res.ok) throw new Error(`attachment ${id}: ${res.status}`);
      return createHash('sha256').update(Buffer.from(await res.arrayBuffer())).digest('hex');
    },
    async uploadPhoto(bytes) {
      const id = crypto.randomUUID();
      const res = await fetch(`${url}/api/attachments/${id}`, {
        method: 'PUT',
        headers: { ...headers, 'content-type': 'image/jpeg', 'x-content-sha256': createHash('sha256').update(bytes).digest('hex') },
        body: new Uint8Array(bytes),
      });
      if (res.status !== 201) throw new Error(`upload: ${res.status} ${await res.text()}`);
      return id;
    },
    async push(mutations) {
      const res = await fetch(`${url}/api/sync/push`, {
        method: 'POST',
        headers: { ...headers, 'content-type': 'application/json' },
        body: JSON.stringify({ clientId: crypto.randomUUID(), mutations: mutations.map((m) => ({ id: crypto.randomUUID(), clientTime: new Date().toISOString(), ...m })) }),
      });
      if (!res.ok) throw new Error(`push: ${res.status} ${await res.text()}`);
      return ((await res.json()) as { results: { id: string; status: string; error?: { code: string; message: string } }[] }).results;
    },
    async finding(id) {
      const { status, body } = await get<{ finding: Finding; events: FindingEvent[] }>(`/api/findings/${id}`);
      if (status !== 200) throw new Error(`finding ${id}: ${status}`);
      return body;
    },
    inspection: (id) => get(`/api/inspections/${id}`),
  };
}
