/**
 * An in-process memo of catalog reads (regions, parks, templates) per scope,
 * for the embedded database only. These lists are read on every app start
 * and sync but change only when an admin edits them, always through writeTx,
 * which bumps the catalog epoch inside the transaction. PGlite serves one
 * process and runs queries and transactions one at a time, so a memo checked
 * against the epoch is never stale. The memo stores what the scoped SQL
 * query answered: scope is still decided by the one mechanism (scope.ts).
 */
import { currentCatalogEpoch } from '../repo/write';

const MAX_ENTRIES = 2_000;

export class ReadCache {
  private epoch = -1;
  private readonly entries = new Map<string, unknown>();

  async get<T>(key: string, load: () => Promise<T>): Promise<T> {
    if (this.epoch !== currentCatalogEpoch()) {
      this.entries.clear();
      this.epoch = currentCatalogEpoch();
    }
    if (this.entries.has(key)) return this.entries.get(key) as T;
    const epoch = currentCatalogEpoch();
    const value = await load();
    if (epoch === currentCatalogEpoch() && epoch === this.epoch) {
      if (this.entries.size >= MAX_ENTRIES) this.entries.clear();
      this.entries.set(key, value);
    }
    return value;
  }
}
