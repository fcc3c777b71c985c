/**
 * A TCP proxy between the phone and the server, to break the network on
 * purpose: refuse connections while "down", flap up and down on a seeded
 * schedule, or let one sync push reach the server and drop its answer.
 */
import net from 'node:net';

export interface FaultyProxy {
  url: string;
  /** Point at another server port (a restarted server). */
  retarget(port: number): void;
  setDown(down: boolean): void;
  /** The next push reaches the server; its answer never reaches the phone. */
  dropNextPushAnswer(): void;
  /** Up and down every 0.5–3 s, from `seed`. */
  flap(seed: number): void;
  close(): Promise<void>;
}

function mulberry32(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) >>> 0;
    let t = seed;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export async function startProxy(target: { host: string; port: number }): Promise<FaultyProxy> {
  let port = target.port;
  let down = false;
  let dropPush = false;
  let flapTimer: ReturnType<typeof setTimeout> | undefined;
  const open = new Set<net.Socket>();
  const cutAll = () => {
    for (const s of open) s.destroy();
    open.clear();
  };
  const server = net.createServer((client) => {
    if (down) return client.destroy();
    const upstream = net.connect(port, target.host);
    open.add(client);
    open.add(upstream);
    let dropThis = false;
    client.on('data', (chunk) => {
      if (dropPush && chunk.toString('latin1').startsWith('POST /api/sync/push')) {
        dropPush = false;
        dropThis = true;
      }
      upstream.write(chunk);
    });
    upstream.on('data', (chunk) => {
      // The server answered, so it committed: the phone never hears of it.
      if (dropThis) return client.destroy();
      client.write(chunk);
    });
    const end = () => {
      client.destroy();
      upstream.destroy();
      open.delete(client);
      open.delete(upstream);
    };
    client.on('close', end);
    upstream.on('close', end);
    client.on('error', end);
    upstream.on('error', end);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const own = (server.address() as net.AddressInfo).port;
  return {
    url: `http://127.0.0.1:${own}`,
    retarget(p) {
      port = p;
    },
    setDown(d) {
      down = d;
      if (d) cutAll();
    },
    dropNextPushAnswer() {
      dropPush = true;
    },
    flap(seed) {
      const random = mulberry32(seed);
      const step = () => {
        down = !down;
        if (down) cutAll();
        flapTimer = setTimeout(step, 500 + random() * 2500);
      };
      flapTimer = setTimeout(step, 500 + random() * 2500);
    },
    async close() {
      if (flapTimer) clearTimeout(flapTimer);
      cutAll();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}
