/**
 * Everything the finding page shows, from the phone's database: the finding,
 * where it is, the checklist item it failed, its whole history (the derived
 * creation first), and the user's own changes still waiting to be sent or
 * refused by the server. A finding not on the phone is fetched from the
 * server and kept (fetchFinding).
 */
import { creationEvent, history } from '../../shared/history';
import type { Enterprise, Finding, FindingEvent, Inspection, Park, TemplateItem } from '../../shared/schemas/entities';
import type { ApiClient } from '../api/client';
import type { OutboxEntry, ParkCheckDb } from '../db/database';

export interface FindingDetail {
  finding: Finding & { pending?: 1 };
  inspection: Inspection | undefined;
  park: Park | undefined;
  enterprise: Enterprise | undefined;
  item: TemplateItem | undefined;
  history: (FindingEvent & { pending?: 1 })[];
  /** The user's outbox entries about this finding (pending or refused). */
  outbox: OutboxEntry[];
}

/** null when the finding is not on this phone. */
export async function findingDetail(db: ParkCheckDb, id: string, userId: string): Promise<FindingDetail | null> {
  const finding = await db.findings.get(id);
  if (!finding) return null;
  const [inspection, park, enterprise, template, events, outbox] = await Promise.all([
    db.inspections.get(finding.inspectionId),
    db.parks.get(finding.parkId),
    finding.enterpriseId ? db.enterprises.get(finding.enterpriseId) : Promise.resolve(undefined),
    finding.templateId ? db.templates.get(finding.templateId) : Promise.resolve(undefined),
    db.findingEvents.where('findingId').equals(id).toArray(),
    db.outbox.where('userId').equals(userId).filter((e) => (e.payload as { findingId?: string }).findingId === id).toArray(),
  ]);
  const item = template?.sections.flatMap((s) => s.items).find((i) => i.code === finding.itemCode);
  return {
    finding,
    inspection,
    park,
    enterprise,
    item,
    history: history(creationEvent(finding, inspection), events),
    outbox,
  };
}

/** Asks the server for a finding and keeps it on the phone with its history. */
export async function fetchFinding(db: ParkCheckDb, client: ApiClient, id: string): Promise<void> {
  // The schemas (zod) load only when a finding is missing, never with the screen.
  const { FindingWithEvents } = await import('../../shared/schemas/reads');
  const { finding, events } = await client.request('GET', `/api/findings/${encodeURIComponent(id)}`, { schema: FindingWithEvents });
  await db.transaction('rw', db.findings, db.findingEvents, async () => {
    await db.findings.put(finding);
    // The creation entry of a history is derived, not stored (shared/history.ts).
    await db.findingEvents.bulkPut(events.filter((e) => e.type !== 'create'));
  });
}

/** The photos the last rectification brought: what re-inspection looks at. */
export function evidenceOf(events: FindingEvent[]): FindingEvent | undefined {
  return [...events].reverse().find((e) => e.type === 'rectify');
}
