/**
 * The one server process: API and PWA on one port, HTTPS when a certificate
 * is configured. Start-up order: configuration, database (migrations run),
 * first-start data, then listen.
 */
import fs from 'node:fs';
import { createServer as createHttpsServer } from 'node:https';
import { serve, type ServerType } from '@hono/node-server';
import { bootstrap } from './bootstrap';
import { loadConfig, serverClock, type Config } from './config';
import { openDatabase, type Database } from './db/client';
import { sweepUnreferencedUploads } from './domain/attachments';
import { AuthCache } from './domain/auth-cache';
import { PullCache } from './domain/pull-cache';
import { ReadCache } from './domain/read-cache';
import type { Services } from './domain/services';
import { startDigestTimer } from './digest/daily';
import { createApp } from './http/app';
import { createStore } from './storage';
import { VERSION } from './version';

export interface Running {
  url: string;
  server: ServerType;
  database: Database;
  services: Services;
  stop(): Promise<void>;
}

export async function start(cfg: Config): Promise<Running> {
  const database = await openDatabase({ databaseUrl: cfg.databaseUrl, dataDir: cfg.dataDir });
  const services: Services = {
    db: database.db,
    dbKind: database.kind,
    tz: cfg.tz,
    now: serverClock(cfg.clockStart),
    version: VERSION,
    attachments: await createStore(cfg),
    uploadQuotaBytes: cfg.uploadQuotaBytes,
    authCache: database.kind === 'pglite' ? new AuthCache() : undefined,
    readCache: database.kind === 'pglite' ? new ReadCache() : undefined,
    pullCache: database.kind === 'pglite' ? new PullCache() : undefined,
  };
  const boot = await bootstrap(services, cfg);
  if (boot.initialized) console.log(`parkcheck: new database initialised${boot.demo ? ' with demo data' : ''}`);

  const sweeper = sweepEvery(services, SWEEP_INTERVAL_MS);
  const app = createApp(services, { static: { dir: cfg.appDir }, trustProxy: cfg.trustProxy });
  const tls = cfg.tls ? { cert: fs.readFileSync(cfg.tls.certFile), key: fs.readFileSync(cfg.tls.keyFile) } : undefined;
  const server = await new Promise<ServerType>((resolve) => {
    const s: ServerType = serve(
      {
        fetch: app.fetch,
        port: cfg.port,
        hostname: cfg.host,
        ...(tls ? { createServer: createHttpsServer, serverOptions: tls } : {}),
      },
      () => resolve(s),
    );
  });
  const stopDigests = startDigestTimer(services);
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : cfg.port;
  const url = `${tls ? 'https' : 'http'}://${cfg.host.includes(':') ? `[${cfg.host}]` : cfg.host}:${port}`;
  return {
    url,
    server,
    database,
    services,
    async stop() {
      clearInterval(sweeper);
      stopDigests();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await database.close();
    },
  };
}

/** How often uploads that nothing references are looked for (they go after 7 days). */
const SWEEP_INTERVAL_MS = 3600_000;

function sweepEvery(s: Services, ms: number): NodeJS.Timeout {
  const timer = setInterval(() => {
    sweepUnreferencedUploads(s).catch((err: unknown) => console.error('parkcheck: sweeping unreferenced uploads failed:', err));
  }, ms);
  // The sweep never keeps the process alive on its own.
  timer.unref();
  return timer;
}

async function main() {
  let cfg: Config;
  try {
    cfg = loadConfig();
  } catch (err) {
    console.error((err as Error).message);
    process.exit(2);
  }
  if (!cfg.databaseUrl && !fs.existsSync(cfg.dataDir)) console.log(`parkcheck: creating the embedded database in ${cfg.dataDir}…`);
  const running = await start(cfg);
  console.log(`parkcheck ${VERSION} on ${running.database.kind}: ${running.url}`);
  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`parkcheck: ${signal}, stopping`);
    running.stop().then(
      () => process.exit(0),
      (err) => {
        console.error(err);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
}

if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) {
  main().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
