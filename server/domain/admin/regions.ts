/** Administration of regions: the tree every scope and report is built on. */
import { randomUUID } from 'node:crypto';
import type { AdminRegionQuery, RegionCreate, RegionUpdate } from '../../../shared/schemas/admin';
import type { Region } from '../../../shared/schemas/entities';
import {
  adminListRegions,
  enabledChildrenOfRegion,
  getRegion,
  insertRegion,
  lockRegion,
  lockRegionTree,
  moveRegionSubtree,
  updateRegionRow,
} from '../../repo/catalog';
import { toRegion } from '../../repo/mappers';
import { bumpScopeEpoch } from '../../repo/meta';
import { writeTx } from '../../repo/write';
import { conflict, notFound } from '../errors';
import type { Services } from '../services';
import { auditAction, badField, changed, exists, listing, pageOf, pick, toggled, type AuditInfo, type Page } from './common';

export async function createRegion(s: Services, input: RegionCreate, who: AuditInfo): Promise<Region> {
  return writeTx(s.db, async (tx, changes) => {
    const id = input.id ?? randomUUID();
    if (await exists(tx, 'region', id)) throw conflict(`a region with id ${id} exists`);
    let path = [id];
    if (input.parentId) {
      const parent = await getRegion(tx, input.parentId);
      if (!parent) throw badField('parentId', 'no such region');
      path = [...parent.path, id];
    }
    const row = await insertRegion(tx, { id, name: input.name, parentId: input.parentId ?? null, path });
    changes.region(id);
    await auditAction(tx, who, 'admin.region.create', id, { name: input.name });
    return toRegion(row);
  });
}

export async function adminRegions(s: Services, q: AdminRegionQuery): Promise<Page<Region>> {
  const page = listing(q);
  const rows = await adminListRegions(s.db, { ...page, parentId: q.parentId });
  return pageOf(rows, page.limit, (r) => r.name, toRegion);
}

export async function adminRegion(s: Services, id: string): Promise<Region> {
  const row = await getRegion(s.db, id);
  if (!row) throw notFound('no such region');
  return toRegion(row);
}

/**
 * A new parent moves the whole subtree: every path below is rewritten, and
 * since that changes which parks many users' scopes cover, every pull
 * cursor resets (scope epoch).
 */
export async function updateRegion(s: Services, id: string, input: RegionUpdate, who: AuditInfo): Promise<Region> {
  return writeTx(s.db, async (tx, changes) => {
    if (input.parentId !== undefined) await lockRegionTree(tx);
    const row = await lockRegion(tx, id);
    if (!row) throw notFound('no such region');
    const now = s.now();
    const diff = changed(row, input);
    if (!Object.keys(diff).length) return toRegion(row);
    if (diff.parentId) {
      let path = [id];
      if (input.parentId) {
        const parent = await getRegion(tx, input.parentId);
        if (!parent) throw badField('parentId', 'no such region');
        if (parent.path.includes(id)) {
          throw badField('parentId', 'a region cannot move under itself or its own sub-regions');
        }
        if (parent.disabledAt) throw badField('parentId', 'that region is disabled');
        path = [...parent.path, id];
      }
      for (const moved of await moveRegionSubtree(tx, id, path, now)) changes.region(moved);
      await bumpScopeEpoch(tx);
    }
    const updated = await updateRegionRow(tx, id, { ...pick(input, ['name', 'parentId']), updatedAt: now });
    changes.region(id);
    await auditAction(tx, who, 'admin.region.update', id, diff);
    return toRegion(updated);
  });
}

/** A region with enabled sub-regions or parks stays enabled: they would drop out of every list. */
export async function setRegionDisabled(s: Services, id: string, disabled: boolean, who: AuditInfo): Promise<Region> {
  return writeTx(s.db, async (tx, changes) => {
    const row = await lockRegion(tx, id);
    if (!row) throw notFound('no such region');
    if ((row.disabledAt !== null) === disabled) return toRegion(row);
    if (disabled) {
      const inside = await enabledChildrenOfRegion(tx, id);
      if (inside.regions || inside.parks) {
        throw conflict(
          `the region still has ${inside.regions} enabled sub-region(s) and ${inside.parks} enabled park(s): ` +
            'disable or move them first',
        );
      }
    } else if (row.parentId && (await getRegion(tx, row.parentId))?.disabledAt) {
      throw conflict('its parent region is disabled: enable that first');
    }
    const now = s.now();
    const updated = await updateRegionRow(tx, id, { disabledAt: disabled ? now : null, updatedAt: now });
    changes.region(id);
    await auditAction(tx, who, `admin.region.${toggled(disabled)}`, id, { name: row.name });
    return toRegion(updated);
  });
}
