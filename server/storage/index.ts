import type { Config } from '../config';
import { diskStore } from './disk';
import { s3Store } from './s3';
import type { AttachmentStore } from './store';

export async function createStore(cfg: Pick<Config, 's3' | 'dataDir'>): Promise<AttachmentStore> {
  return cfg.s3 ? s3Store(cfg.s3) : diskStore(cfg.dataDir);
}
