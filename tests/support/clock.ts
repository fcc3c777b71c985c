/**
 * The browser tests' calendar. The demo data is made relative to "now", so a
 * test on the real clock would see other overdue findings, other months and
 * other notifications each day it runs. Every server process these tests
 * start (PARKCHECK_CLOCK) and every phone (Playwright's clock) starts at this
 * instant instead and runs on from it; so do the tests' own timestamps.
 */
import { localDate } from '../../shared/dates';

export const E2E_CLOCK_START = '2026-06-17T10:00:00+08:00';
export const E2E_TZ = 'Asia/Shanghai';

/** What a server process on the demo data runs with. */
export const E2E_SERVER_ENV = { PARKCHECK_CLOCK: E2E_CLOCK_START, PARKCHECK_TZ: E2E_TZ } as const;

const offset = Date.parse(E2E_CLOCK_START) - Date.now();

/** The tests' "now": it started at E2E_CLOCK_START when this module loaded. */
export const e2eNow = () => new Date(Date.now() + offset);

/** Today on the tests' calendar, in the deployment's zone. */
export const e2eToday = () => localDate(e2eNow(), E2E_TZ);
