/**
 * Pull pages remembered in process, for the embedded database only: at the
 * morning rush dozens of phones of a few scopes ask for the same first page
 * at once, and PGlite runs one query at a time, so each page built once
 * serves them all. A page is keyed by everything it depends on — the scope,
 * where it starts, its size, and the feed's head: every write to what a pull
 * sends takes a new change number, so an unchanged head means unchanged
 * data. Few pages are kept; they are large.
 */
const MAX_PAGES = 32;

export class PullCache {
  private readonly pages = new Map<string, unknown>();

  async get<T>(key: string, build: () => Promise<T>): Promise<T> {
    if (this.pages.has(key)) return this.pages.get(key) as T;
    const page = await build();
    // The oldest page makes room (a Map keeps insertion order).
    if (this.pages.size >= MAX_PAGES) this.pages.delete(this.pages.keys().next().value!);
    this.pages.set(key, page);
    return page;
  }
}
