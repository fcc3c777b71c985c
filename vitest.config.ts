import { defineConfig } from 'vitest/config';

/**
 * Test projects: `unit` (pure code and the app's data layer on fake-indexeddb),
 * `api` (the HTTP API in-process on PGlite), `api-pg` (the same API files on a
 * real PostgreSQL, when TEST_DATABASE_URL is set) and `e2e` (the built PWA
 * served by the real server, driven in Debian's Chromium).
 */
const pg = process.env.TEST_DATABASE_URL;

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'api',
          include: ['tests/api/**/*.test.ts', 'tests/sync/**/*.test.ts'],
          globalSetup: ['tests/support/global-setup.ts'],
          env: { TEST_DB: 'pglite' },
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      ...(pg
        ? [
            {
              test: {
                name: 'api-pg',
                include: ['tests/api/**/*.test.ts', 'tests/pg/**/*.test.ts'],
                globalSetup: ['tests/support/global-setup.ts'],
                env: { TEST_DB: 'postgres' },
                testTimeout: 60_000,
                hookTimeout: 60_000,
              },
            },
          ]
        : []),
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          globalSetup: ['tests/support/e2e-setup.ts'],
          fileParallelism: false,
          // A page under a loaded CPU can take seconds to show what it shows in
          // milliseconds on a quiet one; vitest's default of 1 s made such waits
          // fail on busy machines. Polls still fail when the thing never appears.
          expect: { poll: { timeout: 15_000 } },
          testTimeout: 120_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
