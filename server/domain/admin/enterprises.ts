/** Administration of enterprises, one at a time (the bulk import is domain/import.ts). */
import { randomUUID } from 'node:crypto';
import type { AdminEnterpriseQuery, EnterpriseCreate, EnterpriseUpdate } from '../../../shared/schemas/admin';
import type { Enterprise } from '../../../shared/schemas/entities';
import {
  adminListEnterprises,
  enterpriseByCreditCode,
  getEnterprise,
  getPark,
  insertEnterprise,
  lockEnterprise,
  lockPark,
  updateEnterpriseRow,
} from '../../repo/catalog';
import { toEnterprise } from '../../repo/mappers';
import { bumpScopeEpoch } from '../../repo/meta';
import { writeTx } from '../../repo/write';
import { conflict, notFound } from '../errors';
import type { Services } from '../services';
import { auditAction, badField, changed, exists, listing, pageOf, pick, toggled, type AuditInfo, type Page } from './common';

export async function createEnterprise(s: Services, input: EnterpriseCreate, who: AuditInfo): Promise<Enterprise> {
  return writeTx(s.db, async (tx, changes) => {
    const id = input.id ?? randomUUID();
    if (await exists(tx, 'enterprise', id)) throw conflict(`an enterprise with id ${id} exists`);
    if (!(await exists(tx, 'park', input.parkId))) throw badField('parkId', 'no such park');
    if (input.creditCode && (await enterpriseByCreditCode(tx, input.creditCode))) {
      throw conflict(`an enterprise with credit code ${input.creditCode} exists`);
    }
    const row = await insertEnterprise(tx, {
      id,
      parkId: input.parkId,
      name: input.name,
      creditCode: input.creditCode ?? null,
      building: input.building ?? null,
      contactName: input.contactName ?? null,
      contactPhone: input.contactPhone ?? null,
    });
    changes.park('enterprise', id, input.parkId);
    await auditAction(tx, who, 'admin.enterprise.create', id, { name: input.name, parkId: input.parkId });
    return toEnterprise(row);
  });
}

export async function adminEnterprises(s: Services, q: AdminEnterpriseQuery): Promise<Page<Enterprise>> {
  const page = listing(q);
  const rows = await adminListEnterprises(s.db, { ...page, parkId: q.parkId, regionId: q.regionId });
  return pageOf(rows, page.limit, (r) => r.name, toEnterprise);
}

export async function adminEnterprise(s: Services, id: string): Promise<Enterprise> {
  const row = await getEnterprise(s.db, { kind: 'all' }, id);
  if (!row) throw notFound('no such enterprise');
  return toEnterprise(row);
}

/**
 * An enterprise moving to another park leaves the old park's phones holding
 * it, and the pull feed keeps one row per entity: every pull cursor resets,
 * as for a park moving between regions. Its past findings stay with the park
 * where they were found.
 */
export async function updateEnterprise(
  s: Services,
  id: string,
  input: EnterpriseUpdate,
  who: AuditInfo,
): Promise<Enterprise> {
  return writeTx(s.db, async (tx, changes) => {
    const row = await lockEnterprise(tx, id);
    if (!row) throw notFound('no such enterprise');
    const diff = changed(row, input);
    if (!Object.keys(diff).length) return toEnterprise(row);
    if (diff.parkId) {
      const park = await lockPark(tx, input.parkId!);
      if (!park) throw badField('parkId', 'no such park');
      if (park.disabledAt) throw badField('parkId', 'that park is disabled');
      await bumpScopeEpoch(tx);
    }
    if (diff.creditCode && input.creditCode) {
      const holder = await enterpriseByCreditCode(tx, input.creditCode);
      if (holder && holder.id !== id) throw conflict(`the credit code ${input.creditCode} belongs to ${holder.name}`);
    }
    const patch = pick(input, ['parkId', 'name', 'creditCode', 'building', 'contactName', 'contactPhone']);
    const updated = await updateEnterpriseRow(tx, id, { ...patch, updatedAt: s.now() });
    changes.park('enterprise', id, updated.parkId);
    await auditAction(tx, who, 'admin.enterprise.update', id, diff);
    return toEnterprise(updated);
  });
}

export async function setEnterpriseDisabled(
  s: Services,
  id: string,
  disabled: boolean,
  who: AuditInfo,
): Promise<Enterprise> {
  return writeTx(s.db, async (tx, changes) => {
    const row = await lockEnterprise(tx, id);
    if (!row) throw notFound('no such enterprise');
    if ((row.disabledAt !== null) === disabled) return toEnterprise(row);
    if (!disabled && (await getPark(tx, { kind: 'all' }, row.parkId))?.disabledAt) {
      throw conflict('its park is disabled: enable that first');
    }
    const now = s.now();
    const updated = await updateEnterpriseRow(tx, id, { disabledAt: disabled ? now : null, updatedAt: now });
    changes.park('enterprise', id, row.parkId);
    await auditAction(tx, who, `admin.enterprise.${toggled(disabled)}`, id, { name: row.name });
    return toEnterprise(updated);
  });
}
