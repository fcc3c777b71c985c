/** What the operator's home reads from the phone's database: their parks' findings, with the enterprise of each. */
import type { Enterprise, Park } from '../../shared/schemas/entities';
import type { ParkCheckDb } from '../db/database';
import type { FindingRow } from './groups';

export interface OperatorData {
  parks: Park[];
  enterprises: Enterprise[];
  rows: FindingRow[];
}

/** Everything on the phone is in the operator's scope (the pull sends nothing else). */
export async function operatorData(db: ParkCheckDb): Promise<OperatorData> {
  const [parks, enterprises, findings] = await Promise.all([db.parks.toArray(), db.enterprises.toArray(), db.findings.toArray()]);
  const byId = new Map(enterprises.map((e) => [e.id, e]));
  return {
    parks: parks.filter((p) => !p.disabled),
    enterprises,
    rows: findings.map((finding) => ({ finding, enterprise: finding.enterpriseId ? byId.get(finding.enterpriseId) : undefined })),
  };
}
