/**
 * First start: an empty database gets the default checklist templates, the
 * configured admin, and (PARKCHECK_DEMO=1) the demo data. Several processes
 * may start at once on one PostgreSQL; an advisory lock lets exactly one of
 * them fill it.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { DEFAULT_TEMPLATES } from '../shared/templates';
import type { Config } from './config';
import { meta } from './db/schema';
import { insertTemplateVersion } from './domain/admin/templates';
import { hashPassword } from './domain/passwords';
import type { Services } from './domain/services';
import { loadDemoData } from './demo/load';
import { insertUser } from './repo/users';
import { writeTx } from './repo/write';

const BOOTSTRAP_LOCK = 7_301_003;

export interface BootstrapResult {
  initialized: boolean;
  demo: boolean;
}

export async function bootstrap(
  s: Services,
  cfg: Pick<Config, 'demo' | 'adminUsername' | 'adminPassword'>,
): Promise<BootstrapResult> {
  return writeTx(s.db, async (tx, changes) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(${BOOTSTRAP_LOCK})`);
    const [done] = await tx.select().from(meta).where(sql`${meta.key} = 'initialized'`);
    if (done) return { initialized: false, demo: false };

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
    return { initialized: true, demo: cfg.demo };
  });
}
