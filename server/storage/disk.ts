import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { AttachmentStore } from './store';

/**
 * Files under DATA_DIR/attachments/ab/<id>. A write goes to a temporary file
 * in the same directory, is flushed, then renamed over the final name: rename
 * is atomic, so a crash leaves either the whole photo or none.
 */
export function diskStore(dataDir: string): AttachmentStore {
  const root = path.join(dataDir, 'attachments');
  const fileOf = (id: string) => path.join(root, id.slice(0, 2), id);
  return {
    kind: 'disk',
    async put(id, bytes) {
      const file = fileOf(id);
      await fs.mkdir(path.dirname(file), { recursive: true });
      const tmp = `${file}.${randomUUID()}.tmp`;
      const handle = await fs.open(tmp, 'w');
      try {
        await handle.writeFile(bytes);
        await handle.sync();
      } finally {
        await handle.close();
      }
      try {
        await fs.rename(tmp, file);
      } catch (err) {
        await fs.rm(tmp, { force: true });
        throw err;
      }
    },
    async has(id) {
      return fs.access(fileOf(id)).then(
        () => true,
        () => false,
      );
    },
    async delete(id) {
      await fs.rm(fileOf(id), { force: true });
    },
    async get(id) {
      try {
        return new Uint8Array(await fs.readFile(fileOf(id)));
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
        throw err;
      }
    },
  };
}
