/**
 * The server's CSP forbids eval. zod probes `new Function` to decide whether
 * to compile fast parsers; the probe is caught, but the browser still reports
 * a CSP violation. Jitless mode skips the probe (under this CSP zod could not
 * compile anyway, so parsing is no slower).
 *
 * zod keeps its settings in this global, shared by every copy of zod in the
 * page; setting it directly, instead of calling zod's config(), keeps zod
 * (~4 KB gzip) out of the first screen's bundle. Imported first in main.ts.
 */
import type { $ZodConfig } from 'zod/v4/core';

declare global {
  var __zod_globalConfig: $ZodConfig | undefined;
}

globalThis.__zod_globalConfig = { ...globalThis.__zod_globalConfig, jitless: true };
