import type { Config } from '../config';
import { diskStore } from './disk';
import type { AttachmentStore } from './store';

/** The S3 client is loaded only when a bucket is configured: it costs ~0.1 s of start-up. */
export async function createStore(cfg: Pick<Config, 's3' | 'dataDir'>): Promise<AttachmentStore> {
  if (!cfg.s3) return diskStore(cfg.dataDir);
  const { s3Store } = await import('./s3');
  return s3Store(cfg.s3);
}
