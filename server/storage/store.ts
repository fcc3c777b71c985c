/**
 * Where attachment bytes live: DATA_DIR on the local disk by default, an
 * S3-compatible bucket in production. Metadata (hash, type, size, uploader)
 * is in the database; a store only keeps bytes under an id, written whole or
 * not at all.
 */
export interface AttachmentStore {
  readonly kind: 'disk' | 's3';
  /** Stores the bytes under `id`; a crash midway leaves nothing under that id. */
  put(id: string, bytes: Uint8Array, contentType: string): Promise<void>;
  /** The bytes, or undefined when nothing is stored under `id`. */
  get(id: string): Promise<Uint8Array | undefined>;
  /** Whether bytes are stored under `id`. */
  has(id: string): Promise<boolean>;
  /** Removes the bytes under `id`; nothing there is no error. */
  delete(id: string): Promise<void>;
}
