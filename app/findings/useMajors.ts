/**
 * Major hazards (重大隐患), as the supervising department follows them from
 * the phone: those awaiting 销号 (submitted, the one waiting longest first)
 * and every open one by due date — the 挂牌督办 list, overdue first.
 */
import type { Enterprise } from '../../shared/schemas/entities';
import { useLiveQuery } from '../composables/live';
import { appDb, type LocalFinding, type ParkCheckDb } from '../db/database';

export interface MajorLists {
  awaiting: LocalFinding[];
  open: LocalFinding[];
  enterprises: Map<string, Enterprise>;
}

async function majorLists(db: ParkCheckDb): Promise<MajorLists> {
  const notClosed = (await db.findings.where('status').anyOf('open', 'submitted').toArray()).filter((f) => f.severity === 'major');
  const enterprises = new Map(
    (await db.enterprises.bulkGet([...new Set(notClosed.flatMap((f) => (f.enterpriseId ? [f.enterpriseId] : [])))]))
      .filter((e): e is Enterprise => e !== undefined)
      .map((e) => [e.id, e]),
  );
  return {
    awaiting: notClosed.filter((f) => f.status === 'submitted').sort((a, b) => a.updatedAt.localeCompare(b.updatedAt)),
    open: notClosed.filter((f) => f.status === 'open').sort((a, b) => a.dueDate.localeCompare(b.dueDate)),
    enterprises,
  };
}

export function useMajors() {
  return useLiveQuery(() => majorLists(appDb()));
}
