/**
 * The daily digest per region (钉钉日报): yesterday's new findings, what is
 * due within three days, what is overdue (majors said apart), and what
 * awaits re-inspection, sent to the region's DingTalk robot once a day.
 *
 * Never blocks anything: it runs on its own timer, each region on its own,
 * failures are retried (dingtalk.ts), logged in `digest_deliveries` and the
 * audit log, and otherwise dropped. A day's digest is claimed in the
 * database before it is sent, so several server processes send it once.
 */
import { addDays, startOfDate } from '../../shared/dates';
import type { Services } from '../domain/services';
import { today as todayOf } from '../domain/services';
import { audit } from '../repo/audit';
import { claimDigest, digestCounts, listRegionWebhooks, recordDigest, type DigestCounts } from '../repo/digest';
import { DEFAULT_BACKOFF_MS, sendMarkdown } from './dingtalk';

/** "Due soon" in the digest: due today or within this many days (as on the operator's home). */
const DUE_SOON_DAYS = 3;
/** Digests go out once the day's local hour reaches this. */
export const DIGEST_HOUR = 8;

export function digestMessage(regionName: string, day: string, c: DigestCounts) {
  const title = `园检日报 · ${regionName} · ${day}`;
  const text = [
    `#### ${title}`,
    `- 昨日新发现隐患：**${c.newFindings}** 条`,
    `- 3 天内到期：**${c.dueSoon}** 条`,
    `- 逾期未整改：**${c.overdue}** 条（其中重大隐患 ${c.overdueMajor} 条）`,
    `- 待复查：**${c.submitted}** 条`,
  ].join('\n');
  return { title, text };
}

export interface DigestRun {
  regionId: string;
  status: 'sent' | 'failed';
  attempts: number;
  error: string | null;
}

/** Sends `day`'s digest to every configured region that has not had it yet. */
export async function sendDigests(s: Services, day: string, backoffMs: readonly number[] = DEFAULT_BACKOFF_MS): Promise<DigestRun[]> {
  const hooks = await listRegionWebhooks(s.db);
  const window = { since: startOfDate(addDays(day, -1), s.tz), until: startOfDate(day, s.tz), today: day, soon: addDays(day, DUE_SOON_DAYS) };
  const runs = await Promise.all(
    hooks.map(async (hook): Promise<DigestRun | null> => {
      if (!(await claimDigest(s.db, hook.regionId, day, s.now()))) return null;
      const counts = await digestCounts(s.db, hook.regionId, window);
      const delivery = await sendMarkdown(hook, digestMessage(hook.regionName, day, counts), { backoffMs, now: s.now });
      const status = delivery.ok ? 'sent' : 'failed';
      await recordDigest(s.db, hook.regionId, day, { status, attempts: delivery.attempts, error: delivery.error, at: s.now() });
      await audit(s.db, { type: `digest.${status}`, subject: hook.regionId, details: { day, attempts: delivery.attempts, error: delivery.error } });
      if (!delivery.ok) console.error(`parkcheck: DingTalk digest for ${hook.regionName} (${day}) failed after ${delivery.attempts} attempts: ${delivery.error}`);
      return { regionId: hook.regionId, status, attempts: delivery.attempts, error: delivery.error };
    }),
  );
  return runs.filter((r): r is DigestRun => r !== null);
}

/** Checks every `everyMs` whether today's digests are due (after DIGEST_HOUR local time); stops with the returned function. */
export function startDigestTimer(s: Services, everyMs = 10 * 60_000): () => void {
  const tick = () => {
    const now = s.now();
    const hour = Number(new Intl.DateTimeFormat('en-GB', { hour: '2-digit', hourCycle: 'h23', timeZone: s.tz }).format(now));
    if (hour < DIGEST_HOUR) return;
    sendDigests(s, todayOf(s)).catch((err: unknown) => console.error('parkcheck: DingTalk digest run failed', err));
  };
  const timer = setInterval(tick, everyMs);
  timer.unref();
  tick();
  return () => clearInterval(timer);
}
