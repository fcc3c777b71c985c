/**
 * First start: an empty database gets the default checklist templates, the
 * configured admin, and (PARKCHECK_DEMO=1) the demo data. Every start: the
 * findings' stored due ends are made those of the configured time zone.
 * Several processes may start at once on one PostgreSQL; an advisory lock
 * lets exactly one of them do each, and the others find it done.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { DEFAULT_TEMPLATES } from '../shared/templates';
import type { Config } from './config';
import type { Tx } from './db/client';
import { meta } from './db/schema';
import { insertTemplateVersion } from './domain/admin/templates';
import { hashPassword } from './domain/passwords';
import type { Services } from './domain/services';
import { loadDemoData } from './demo/load';
import { recomputeDueEnds } from './repo/findings';
import { dueEndZone, setDueEndZone } from './repo/meta';
import { insertUser } from './repo/users';
import { writeTx } from './repo/write';

const BOOTSTRAP_LOCK = 7_301_003;

export interface BootstrapResult {
  initialized: boolean;
  demo: boolean;
  /** Findings whose due end was recomputed for the configured zone on this start. */
  dueEndsRecomputed: number;
}

export async function bootstrap(
  s: Services,
  cfg: Pick<Config, 'demo' | 'adminUsername' | 'adminPassword'>,
): Promise<BootstrapResult> {
  return writeTx(s.db, async (tx, changes) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(${BOOTSTRAP_LOCK})`);
    const dueEndsRecomputed = await settleDueEnds(tx, s.tz);
    const [done] = await tx.select().from(meta).where(sql`${meta.key} = 'initialized'`);
    if (done) return { initialized: false, demo: false, dueEndsRecomputed };

    for (const template of DEFAULT_TEMPLATES) await insertTemplateVersion(tx, changes, template, null);
    if (cfg.adminPassword) {
      await insertUser(tx, {
        id: randomUUID(),
        username: cfg.adminUsername,
        name: '系统管理员',
        role: 'admin',
        passwordHash: await hashPassword(cfg.adminPassword),
      });
    }
    if (cfg.demo) await loadDemoData(tx, changes, s, { withAdmin: !cfg.adminPassword });
    await tx.insert(meta).values({ key: 'initialized', value: { at: s.now().toISOString(), demo: cfg.demo } });
    return { initialized: true, demo: cfg.demo, dueEndsRecomputed };
  });
}

/**
 * Stored due ends (findings.due_end_at) in the configured zone. One meta row
 * read when they are. They are not on the first start after migration 0005
 * outside Asia/Shanghai, nor after PARKCHECK_TZ changed: due dates are
 * calendar days of the deployment's zone, so every end is recomputed then,
 * before the server answers anyone.
 */
async function settleDueEnds(tx: Tx, tz: string): Promise<number> {
  if ((await dueEndZone(tx)) === tz) return 0;
  const recomputed = await recomputeDueEnds(tx, tz);
  await setDueEndZone(tx, tz);
  if (recomputed) console.log(`parkcheck: due-date ends of ${recomputed} findings recomputed for ${tz}`);
  return recomputed;
}
