/**
 * Deadline extension requests (延期申请) waiting for a decision, from the
 * phone's database: what those who decide them see listed (/extensions) and
 * are notified of.
 */
import type { Enterprise, FindingEvent, Park, PendingExtension } from '../../shared/schemas/entities';
import type { LocalFinding, ParkCheckDb } from '../db/database';

/**
 * A request waiting for a decision. One decided on this phone leaves at
 * once, before the decision reaches the server.
 */
export interface ExtensionRequest {
  finding: LocalFinding;
  request: PendingExtension;
  /** The request as recorded in the history (who asked); absent until it has been pulled. */
  event: FindingEvent | undefined;
  enterprise: Enterprise | undefined;
  park: Park | undefined;
}

/** The findings with a request waiting for a decision. */
export async function waitingFindings(db: ParkCheckDb): Promise<LocalFinding[]> {
  return (await db.findings.where('status').anyOf('open', 'submitted').toArray()).filter((f) => f.pendingExtension !== null);
}

/** The requests waiting for a decision, oldest first (it has waited longest). */
export async function pendingExtensions(db: ParkCheckDb): Promise<ExtensionRequest[]> {
  const findings = await waitingFindings(db);
  const [events, enterprises, parks] = await Promise.all([
    db.findingEvents.bulkGet(findings.map((f) => f.pendingExtension!.eventId)),
    db.enterprises.bulkGet(findings.map((f) => f.enterpriseId ?? '')),
    db.parks.bulkGet(findings.map((f) => f.parkId)),
  ]);
  return findings
    .map((finding, i) => ({ finding, request: finding.pendingExtension!, event: events[i], enterprise: enterprises[i], park: parks[i] }))
    .sort((a, b) => Date.parse(a.request.requestedAt) - Date.parse(b.request.requestedAt));
}
