/** Administration of the regions' DingTalk robots (daily digest). The secret is stored, audited as changed, never returned. */
import type { RegionWebhook, RegionWebhookPut } from '../../../shared/schemas/admin';
import { deleteRegionWebhook, listRegionWebhooks, putRegionWebhook } from '../../repo/digest';
import { notFound } from '../errors';
import type { Services } from '../services';
import { auditAction, exists, type AuditInfo } from './common';

const withoutSecret = ({ secret: _secret, ...hook }: Awaited<ReturnType<typeof listRegionWebhooks>>[number]): RegionWebhook => hook;

export async function regionWebhooks(s: Services): Promise<RegionWebhook[]> {
  return (await listRegionWebhooks(s.db)).map(withoutSecret);
}

export async function setRegionWebhook(s: Services, regionId: string, input: RegionWebhookPut, who: AuditInfo): Promise<RegionWebhook> {
  if (!(await exists(s.db, 'region', regionId))) throw notFound('no such region');
  await putRegionWebhook(s.db, { regionId, url: input.url, secret: input.secret, updatedBy: who.actor.id, updatedAt: s.now() });
  await auditAction(s.db, who, 'admin.region.dingtalk', regionId, { url: input.url, secret: 'changed' });
  return (await regionWebhooks(s)).find((h) => h.regionId === regionId)!;
}

export async function removeRegionWebhook(s: Services, regionId: string, who: AuditInfo): Promise<void> {
  if (!(await deleteRegionWebhook(s.db, regionId))) throw notFound('no robot for this region');
  await auditAction(s.db, who, 'admin.region.dingtalk.remove', regionId);
}
