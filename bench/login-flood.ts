/**
 * A login flood (issue 12): 32 logins at a time, without pause, for unknown
 * usernames from ever new addresses (a distributed guesser: neither the
 * per-username nor the per-address limit stops it), while another user
 * lists findings. Password hashing runs in a bounded queue of its own, so
 * the other user's requests keep their pace; logins past the queue are told
 * to retry (429). PGlite, demo data; prints the other user's latency without
 * and with the flood, and what the flood's logins were answered.
 *
 *   npx tsx bench/login-flood.ts [--seconds 15]
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loginAt, spawnServer } from '../tests/support/process';
import { arg, percentile, printTable } from './util';

const SECONDS = Number(arg('seconds', '15'));
const FLOOD = 32;

async function latencies(url: string, token: string, stop: () => boolean, atLeast: number): Promise<number[]> {
  const times: number[] = [];
  while (times.length < atLeast || !stop()) {
    const started = performance.now();
    const res = await fetch(`${url}/api/findings?limit=50`, { headers: { authorization: `Bearer ${token}` } });
    await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`findings: ${res.status}`);
    times.push(performance.now() - started);
    if (times.length >= atLeast && stop()) break;
  }
  return times;
}

const summary = (name: string, times: number[]) => {
  const sorted = [...times].sort((a, b) => a - b);
  return [name, times.length, percentile(sorted, 50).toFixed(0), percentile(sorted, 95).toFixed(0), sorted.at(-1)!.toFixed(0)];
};

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'parkcheck-bench-login-flood-'));
const server = await spawnServer({ DATA_DIR: dir, PARKCHECK_DEMO: '1', PARKCHECK_TRUST_PROXY: '1' }, 180_000);
try {
  const token = await loginAt(server.url, 'inspector', 'demo1234');
  const quiet = await latencies(server.url, token, () => true, 50);

  let flooding = true;
  const answers = new Map<number, number>();
  let n = 0;
  const guesser = async () => {
    while (flooding) {
      const i = n++;
      const res = await fetch(`${server.url}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}` },
        body: JSON.stringify({ username: `guess-${i}`, password: 'guess' }),
      });
      await res.arrayBuffer();
      answers.set(res.status, (answers.get(res.status) ?? 0) + 1);
    }
  };
  const guessers = Array.from({ length: FLOOD }, guesser);
  const until = performance.now() + SECONDS * 1000;
  const flooded = await latencies(server.url, token, () => performance.now() > until, 50);
  flooding = false;
  await Promise.all(guessers);

  console.log(`\nGET /api/findings as another user, without and with ${FLOOD} concurrent logins (${SECONDS} s)`);
  printTable(['while', 'requests', 'p50 ms', 'p95 ms', 'max ms'], [summary('quiet', quiet), summary('login flood', flooded)]);
  console.log(`flood logins answered: ${[...answers].map(([status, count]) => `${count} × ${status}`).join(', ')}`);
} finally {
  await server.kill();
  fs.rmSync(dir, { recursive: true, force: true });
}
