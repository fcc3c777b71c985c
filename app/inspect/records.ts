/**
 * What an inspection's page and the printable documents show, read from the
 * phone's database, so an inspector can print (or show) the record and the
 * notice in the workshop. An inspection not on the phone is fetched from the
 * server and kept (fetchInspection).
 */
import type { Enterprise, Finding, Inspection, Park, Template } from '../../shared/schemas/entities';
import type { ApiClient } from '../api/client';
import type { ParkCheckDb } from '../db/database';

export interface InspectionRecord {
  inspection: Inspection;
  template: Template | undefined;
  park: Park | undefined;
  enterprise: Enterprise | undefined;
  findings: Finding[];
}

/** null when the inspection is not on this phone. */
export async function inspectionRecord(db: ParkCheckDb, id: string): Promise<InspectionRecord | null> {
  const inspection = await db.inspections.get(id);
  if (!inspection) return null;
  const [template, park, enterprise, findings] = await Promise.all([
    db.templates.get(inspection.templateId),
    db.parks.get(inspection.parkId),
    inspection.enterpriseId ? db.enterprises.get(inspection.enterpriseId) : Promise.resolve(undefined),
    db.findings.where('parkId').equals(inspection.parkId).filter((f) => f.inspectionId === id).toArray(),
  ]);
  return { inspection, template, park, enterprise, findings: findings.sort((a, b) => (a.itemCode ?? '~').localeCompare(b.itemCode ?? '~')) };
}

/** Asks the server for an inspection and keeps it on the phone with its findings. */
export async function fetchInspection(db: ParkCheckDb, client: ApiClient, id: string): Promise<void> {
  // The schemas (zod) load only when an inspection is missing, never with the screen.
  const { InspectionWithFindings } = await import('../../shared/schemas/reads');
  const { inspection, findings } = await client.request('GET', `/api/inspections/${encodeURIComponent(id)}`, { schema: InspectionWithFindings });
  await db.transaction('rw', db.inspections, db.findings, async () => {
    await db.inspections.put(inspection);
    await db.findings.bulkPut(findings);
  });
}

export interface RectificationNotice {
  enterprise: Enterprise;
  park: Park | undefined;
  /** Findings still to rectify, oldest first. */
  findings: Finding[];
  /** The latest inspection that found them: its signature and inspector sign the notice. */
  latest: Inspection | undefined;
}

/** null when the enterprise is not on this phone. */
export async function rectificationNotice(db: ParkCheckDb, enterpriseId: string): Promise<RectificationNotice | null> {
  const enterprise = await db.enterprises.get(enterpriseId);
  if (!enterprise) return null;
  const [park, findings, inspections] = await Promise.all([
    db.parks.get(enterprise.parkId),
    db.findings.where('enterpriseId').equals(enterpriseId).filter((f) => f.status !== 'closed').toArray(),
    db.inspections.where('enterpriseId').equals(enterpriseId).toArray(),
  ]);
  const found = new Set(findings.map((f) => f.inspectionId));
  const latest = inspections.filter((i) => found.has(i.id)).sort((a, b) => b.inspectedAt.localeCompare(a.inspectedAt))[0];
  return { enterprise, park, findings: findings.sort((a, b) => a.observedAt.localeCompare(b.observedAt)), latest };
}
