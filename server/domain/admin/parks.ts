/** Administration of parks. */
import { randomUUID } from 'node:crypto';
import type { AdminParkQuery, ParkCreate, ParkUpdate } from '../../../shared/schemas/admin';
import type { Park } from '../../../shared/schemas/entities';
import { adminListParks, getPark, getRegion, insertPark, lockPark, lockRegion, updateParkRow } from '../../repo/catalog';
import { toPark } from '../../repo/mappers';
import { bumpScopeEpoch } from '../../repo/meta';
import { writeTx } from '../../repo/write';
import { conflict, notFound } from '../errors';
import type { Services } from '../services';
import { auditAction, badField, changed, exists, listing, pageOf, pick, toggled, type AuditInfo, type Page } from './common';

export async function createPark(s: Services, input: ParkCreate, who: AuditInfo): Promise<Park> {
  return writeTx(s.db, async (tx, changes) => {
    const id = input.id ?? randomUUID();
    if (await exists(tx, 'park', id)) throw conflict(`a park with id ${id} exists`);
    if (!(await exists(tx, 'region', input.regionId))) throw badField('regionId', 'no such region');
    const row = await insertPark(tx, {
      id,
      name: input.name,
      regionId: input.regionId,
      address: input.address ?? null,
      starRating: input.starRating ?? null,
      areaMu: input.areaMu ?? null,
      floorArea: input.floorArea ?? null,
    });
    changes.park('park', id, id);
    await auditAction(tx, who, 'admin.park.create', id, { name: input.name });
    return toPark(row);
  });
}

export async function adminParks(s: Services, q: AdminParkQuery): Promise<Page<Park>> {
  const page = listing(q);
  const rows = await adminListParks(s.db, { ...page, regionId: q.regionId });
  return pageOf(rows, page.limit, (r) => r.name, toPark);
}

export async function adminPark(s: Services, id: string): Promise<Park> {
  const row = await getPark(s.db, { kind: 'all' }, id);
  if (!row) throw notFound('no such park');
  return toPark(row);
}

/** A park moving to another region changes what many users' scopes cover: every pull cursor resets. */
export async function updatePark(s: Services, id: string, input: ParkUpdate, who: AuditInfo): Promise<Park> {
  return writeTx(s.db, async (tx, changes) => {
    const row = await lockPark(tx, id);
    if (!row) throw notFound('no such park');
    const diff = changed(row, input);
    if (!Object.keys(diff).length) return toPark(row);
    if (diff.regionId) {
      const region = await lockRegion(tx, input.regionId!);
      if (!region) throw badField('regionId', 'no such region');
      if (region.disabledAt) throw badField('regionId', 'that region is disabled');
      await bumpScopeEpoch(tx);
    }
    const patch = pick(input, ['name', 'regionId', 'address', 'starRating', 'areaMu', 'floorArea']);
    const updated = await updateParkRow(tx, id, { ...patch, updatedAt: s.now() });
    changes.park('park', id, id);
    await auditAction(tx, who, 'admin.park.update', id, diff);
    return toPark(updated);
  });
}

export async function setParkDisabled(s: Services, id: string, disabled: boolean, who: AuditInfo): Promise<Park> {
  return writeTx(s.db, async (tx, changes) => {
    const row = await lockPark(tx, id);
    if (!row) throw notFound('no such park');
    if ((row.disabledAt !== null) === disabled) return toPark(row);
    if (!disabled && (await getRegion(tx, row.regionId))?.disabledAt) {
      throw conflict('its region is disabled: enable that first');
    }
    const now = s.now();
    const updated = await updateParkRow(tx, id, { disabledAt: disabled ? now : null, updatedAt: now });
    changes.park('park', id, id);
    await auditAction(tx, who, `admin.park.${toggled(disabled)}`, id, { name: row.name });
    return toPark(updated);
  });
}
