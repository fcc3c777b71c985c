/**
 * A finding's history. Its first entry, the finding being recorded (发现),
 * is not stored as an event: the finding and its inspection already say who
 * found it, when, and with which photos. It is derived here, the same way on
 * the server (history reads) and on the phone (from pulled data), so it costs
 * no row to store or to sync — a third of a big first pull.
 */
import type { Finding, FindingEvent, Inspection } from './schemas/entities';

export function creationEvent(
  finding: Pick<Finding, 'id' | 'parkId' | 'observedAt' | 'attachmentIds'>,
  inspection: Pick<Inspection, 'inspectorId' | 'inspectorName' | 'receivedAt'> | undefined,
): FindingEvent {
  return {
    id: finding.id,
    findingId: finding.id,
    parkId: finding.parkId,
    type: 'create',
    actorId: inspection?.inspectorId ?? '',
    actorName: inspection?.inspectorName ?? '',
    actorRole: 'inspector',
    at: inspection?.receivedAt ?? finding.observedAt,
    ordinal: 0,
    clientTime: finding.observedAt,
    note: null,
    attachmentIds: finding.attachmentIds,
    newDueDate: null,
    approve: null,
  };
}

/** The whole history, oldest first: the creation, then the recorded events in their order. */
export function history<E extends FindingEvent>(creation: FindingEvent, events: E[]): (E | FindingEvent)[] {
  return [creation, ...[...events].filter((e) => e.type !== 'create').sort((a, b) => a.ordinal - b.ordinal)];
}
