/**
 * Resolves once the browser has nothing more urgent to do (or after
 * `timeoutMs` at the latest). Background work — starting the sync engine,
 * counting badges — waits for it, so it never delays the first screen a user
 * opened the app for.
 */
export function whenIdle(timeoutMs = 2_000): Promise<void> {
  return new Promise((resolve) => {
    if ('requestIdleCallback' in window) window.requestIdleCallback(() => resolve(), { timeout: timeoutMs });
    else setTimeout(resolve, 200);
  });
}
