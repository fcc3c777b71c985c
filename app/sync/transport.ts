/**
 * The sync engine's view of the server: push, pull, attachments — over a
 * request client (../api/client), which owns timeouts, the token and the
 * typed failures the engine acts on: "try again later" (NetworkError, 5xx),
 * "stop" (401) or an answer. The app passes its own client; Node tests pass
 * one with an injected fetch and base URL, against a real server.
 */
import { FindingWithEvents } from '../../shared/schemas/reads';
import { PullResponse, PushResponse, type Mutation } from '../../shared/schemas/sync';
import { blobOf, type ApiClient } from '../api/client';

export interface SyncTransport {
  push(body: { clientId: string; sentAt: string; mutations: Mutation[] }): Promise<PushResponse>;
  pull(cursor: string | null, limit: number): Promise<PullResponse>;
  putAttachment(id: string, bytes: ArrayBuffer, type: string, sha256: string): Promise<void>;
  getAttachment(id: string): Promise<{ bytes: ArrayBuffer; type: string }>;
  getFinding(id: string): Promise<FindingWithEvents>;
}

export function httpTransport(client: ApiClient): SyncTransport {
  return {
    push: (body) => client.request('POST', '/api/sync/push', { body, schema: PushResponse, timeout: 'sync' }),
    pull: (cursor, limit) => client.request('GET', '/api/sync/pull', { query: { cursor: cursor || undefined, limit }, schema: PullResponse, timeout: 'sync' }),
    putAttachment: (id, bytes, type, sha256) =>
      client.send('PUT', `/api/attachments/${id}`, {
        body: blobOf(bytes, type),
        headers: { 'Content-Type': type, 'X-Content-SHA256': sha256 },
        timeout: 'file',
        read: async () => undefined,
      }),
    getAttachment: (id) =>
      client.send('GET', `/api/attachments/${id}`, {
        timeout: 'file',
        read: async (res) => ({ bytes: await res.arrayBuffer(), type: res.headers.get('content-type') ?? 'application/octet-stream' }),
      }),
    getFinding: (id) => client.request('GET', `/api/findings/${encodeURIComponent(id)}`, { schema: FindingWithEvents }),
  };
}
