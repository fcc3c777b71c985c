import { GetObjectCommand, HeadObjectCommand, NoSuchKey, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import type { S3Config } from '../config';
import type { AttachmentStore } from './store';

/** An S3-compatible bucket. A PUT of an object is atomic: readers see all of it or nothing. */
export function s3Store(cfg: S3Config): AttachmentStore {
  const client = new S3Client({
    endpoint: cfg.endpoint,
    region: cfg.region,
    forcePathStyle: true,
    credentials: { accessKeyId: cfg.accessKeyId, secretAccessKey: cfg.secretAccessKey },
  });
  const key = (id: string) => `attachments/${id}`;
  return {
    kind: 's3',
    async put(id, bytes, contentType) {
      await client.send(new PutObjectCommand({ Bucket: cfg.bucket, Key: key(id), Body: bytes, ContentType: contentType }));
    },
    async has(id) {
      try {
        await client.send(new HeadObjectCommand({ Bucket: cfg.bucket, Key: key(id) }));
        return true;
      } catch (err) {
        const e = err as { name?: string; $metadata?: { httpStatusCode?: number } };
        if (e.name === 'NotFound' || e.$metadata?.httpStatusCode === 404) return false;
        throw err;
      }
    },
    async get(id) {
      try {
        const out = await client.send(new GetObjectCommand({ Bucket: cfg.bucket, Key: key(id) }));
        return out.Body ? await out.Body.transformToByteArray() : undefined;
      } catch (err) {
        if (err instanceof NoSuchKey || (err as { name?: string }).name === 'NoSuchKey') return undefined;
        throw err;
      }
    },
  };
}
