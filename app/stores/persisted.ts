/**
 * Small JSON values kept in localStorage so the app starts offline. What is
 * read back is validated: an older app version may have written another shape,
 * and a bad value must mean "nothing saved", never a broken start.
 */
/** Reads `key` and keeps it only if `check` accepts it (answers the value, or undefined to refuse). */
export function readPersisted<T>(key: string, check: (value: unknown) => T | undefined): T | null {
  try {
    const text = localStorage.getItem(key);
    if (text === null) return null;
    return check(JSON.parse(text)) ?? null;
  } catch {
    return null;
  }
}

export function writePersisted(key: string, value: unknown): void {
  try {
    localStorage.setItem(key, JSON.stringify(value));
  } catch {
    // Private mode or a full quota: the value lives in memory for this session only.
  }
}

export function removePersisted(key: string): void {
  try {
    localStorage.removeItem(key);
  } catch {
    // Storage unavailable: nothing was saved either.
  }
}
