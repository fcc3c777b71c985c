import { createHash } from 'node:crypto';
import { AwsClient } from 'aws4fetch';
import type { S3Config } from '../config';
import type { AttachmentStore } from './store';

/**
 * An S3-compatible bucket, spoken to with four signed requests (PUT, HEAD,
 * GET, DELETE). A PUT of an object is atomic: readers see all of it or nothing.
 * Path-style addresses (endpoint/bucket/key), because MinIO and most
 * self-hosted stores have no per-bucket host names.
 */
export function s3Store(cfg: S3Config): AttachmentStore {
  // Three attempts on 5xx and 429, as the AWS SDK's standard retry mode did.
  const client = new AwsClient({
    accessKeyId: cfg.accessKeyId,
    secretAccessKey: cfg.secretAccessKey,
    region: cfg.region,
    service: 's3',
    retries: 2,
  });
  const base = cfg.endpoint.replace(/\/+$/, '');
  const url = (id: string) => `${base}/${encodeURIComponent(cfg.bucket)}/attachments/${encodeURIComponent(id)}`;

  async function failure(res: Response, what: string): Promise<Error> {
    const body = await res.text().catch(() => '');
    const code = /<Code>([^<]*)<\/Code>/.exec(body)?.[1];
    return new Error(`S3 ${what} answered ${res.status}${code ? ` ${code}` : ''}`);
  }

  return {
    kind: 's3',
    async put(id, bytes, contentType) {
      const res = await client.fetch(url(id), {
        method: 'PUT',
        // fetch's types take only views over a plain ArrayBuffer; the copy is small beside the upload itself.
        body: new Uint8Array(bytes),
        headers: {
          'content-type': contentType,
          // Signing the payload's hash (rather than UNSIGNED-PAYLOAD) makes the bucket refuse bytes damaged on the way.
          'x-amz-content-sha256': createHash('sha256').update(bytes).digest('hex'),
        },
      });
      if (!res.ok) throw await failure(res, `PUT ${id}`);
      await res.body?.cancel();
    },
    async has(id) {
      const res = await client.fetch(url(id), { method: 'HEAD' });
      if (res.status === 404) return false;
      if (!res.ok) throw await failure(res, `HEAD ${id}`);
      return true;
    },
    async delete(id) {
      // S3 answers 204 whether or not the object was there.
      const res = await client.fetch(url(id), { method: 'DELETE' });
      if (!res.ok) throw await failure(res, `DELETE ${id}`);
      await res.body?.cancel();
    },
    async get(id) {
      const res = await client.fetch(url(id));
      if (res.status === 404) {
        await res.body?.cancel();
        return undefined;
      }
      if (!res.ok) throw await failure(res, `GET ${id}`);
      return new Uint8Array(await res.arrayBuffer());
    },
  };
}
