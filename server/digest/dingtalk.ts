/**
 * DingTalk group robots (钉钉群机器人): the "加签" scheme and a delivery that
 * retries and never throws. The robot checks `timestamp` (ms, within an hour
 * of its clock) and `sign` = base64(HMAC-SHA256(secret, `${timestamp}\n${secret}`)),
 * both as query parameters; it answers 200 with `errcode` 0 when it took the
 * message, another errcode (e.g. 310000, bad signature) when it did not.
 */
import { createHmac } from 'node:crypto';

export function dingtalkSign(secret: string, timestamp: number): string {
  return createHmac('sha256', secret).update(`${timestamp}\n${secret}`).digest('base64');
}

/** The webhook address with `timestamp` and `sign` added (URL-encoded, as the robot expects). */
export function signedUrl(webhook: string, secret: string, timestamp: number): string {
  const url = new URL(webhook);
  url.searchParams.set('timestamp', String(timestamp));
  url.searchParams.set('sign', dingtalkSign(secret, timestamp));
  return url.toString();
}

export interface Delivery {
  ok: boolean;
  attempts: number;
  /** Why the last attempt failed. */
  error: string | null;
}

export interface DeliveryOptions {
  /** Waits before the 2nd, 3rd … attempt; their count + 1 is the number of attempts. */
  backoffMs: readonly number[];
  now: () => Date;
  timeoutMs?: number;
}

export const DEFAULT_BACKOFF_MS = [5_000, 30_000, 120_000] as const;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Posts a markdown message, signing each attempt afresh; retries network errors, non-2xx answers and errcodes. */
export async function sendMarkdown(
  webhook: { url: string; secret: string },
  message: { title: string; text: string },
  o: DeliveryOptions,
): Promise<Delivery> {
  const body = JSON.stringify({ msgtype: 'markdown', markdown: message });
  let error: string | null = null;
  const attempts = o.backoffMs.length + 1;
  for (let attempt = 1; attempt <= attempts; attempt++) {
    if (attempt > 1) await sleep(o.backoffMs[attempt - 2]!);
    try {
      const res = await fetch(signedUrl(webhook.url, webhook.secret, o.now().getTime()), {
        method: 'POST',
        headers: { 'content-type': 'application/json;charset=utf-8' },
        body,
        signal: AbortSignal.timeout(o.timeoutMs ?? 10_000),
      });
      const answer = (await res.json().catch(() => null)) as { errcode?: number; errmsg?: string } | null;
      if (res.ok && answer?.errcode === 0) return { ok: true, attempts: attempt, error: null };
      error = res.ok ? `errcode ${answer?.errcode ?? '?'}: ${answer?.errmsg ?? 'no answer'}` : `HTTP ${res.status}`;
    } catch (err) {
      error = err instanceof Error ? err.message : String(err);
    }
  }
  return { ok: false, attempts, error };
}
