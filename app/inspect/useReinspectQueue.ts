/**
 * Re-inspection (复查): the rectifications waiting for a decision, from the
 * phone, each with the operator's evidence — the one waiting longest first.
 */
import { computed } from 'vue';
import type { FindingEvent } from '../../shared/schemas/entities';
import { useLiveQuery } from '../composables/live';
import { appDb, type LocalFinding, type ParkCheckDb } from '../db/database';
import { evidenceOf } from '../findings/detail';

export interface ReinspectRow {
  finding: LocalFinding;
  /** The last rectification: what the decision is about. */
  evidence: FindingEvent | undefined;
  /** The enterprise, or the park for its common areas. */
  place: string;
}

async function reinspectQueue(db: ParkCheckDb): Promise<ReinspectRow[]> {
  const submitted = await db.findings.where('status').equals('submitted').toArray();
  const [events, enterprises, parks] = await Promise.all([
    db.findingEvents.where('findingId').anyOf(submitted.map((f) => f.id)).toArray(),
    db.enterprises.toArray(),
    db.parks.toArray(),
  ]);
  return submitted
    .map((f) => ({
      finding: f,
      evidence: evidenceOf(events.filter((e) => e.findingId === f.id).sort((a, b) => a.ordinal - b.ordinal)),
      place: enterprises.find((e) => e.id === f.enterpriseId)?.name ?? parks.find((p) => p.id === f.parkId)?.name ?? '',
    }))
    .sort((a, b) => (a.evidence?.clientTime ?? '').localeCompare(b.evidence?.clientTime ?? ''));
}

export function useReinspectQueue() {
  const queue = useLiveQuery(() => reinspectQueue(appDb()));
  return { queue, count: computed(() => queue.value?.length ?? 0) };
}
