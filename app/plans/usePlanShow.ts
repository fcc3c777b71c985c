/**
 * One plan as its supervisor follows it: the targets by park (done or not,
 * with the inspection that did it), and changing its name, window and
 * inspectors, or closing it early.
 */
import { computed, reactive, ref, shallowRef } from 'vue';
import type { PlanDetail, PlanInspectorList, PlanTarget } from '../../shared/schemas/plans';
import { usePlanManageStore } from '../stores/plan-manage';

export interface ParkTargets {
  parkId: string;
  parkName: string;
  done: number;
  targets: PlanTarget[];
}

export function usePlanShow(id: string) {
  const store = usePlanManageStore();
  const detail = shallowRef<PlanDetail | null>(null);
  const inspectors = shallowRef<PlanInspectorList['items']>([]);
  const edit = reactive({ name: '', startDate: '', endDate: '', inspectorIds: [] as string[] });
  const busy = ref(false);
  const saved = ref(false);
  const error = ref<unknown>(null);

  function show(d: PlanDetail): void {
    detail.value = d;
    Object.assign(edit, { name: d.plan.name, startDate: d.plan.startDate, endDate: d.plan.endDate, inspectorIds: [...d.plan.inspectorIds] });
  }

  const byPark = computed<ParkTargets[]>(() => {
    const out: ParkTargets[] = [];
    for (const target of detail.value?.targets ?? []) {
      let park = out.find((p) => p.parkId === target.parkId);
      if (!park) out.push((park = { parkId: target.parkId, parkName: target.parkName, done: 0, targets: [] }));
      park.targets.push(target);
      if (target.done) park.done++;
    }
    return out;
  });

  async function run(action: () => Promise<PlanDetail>): Promise<void> {
    if (busy.value) return;
    busy.value = true;
    error.value = null;
    saved.value = false;
    try {
      show(await action());
      saved.value = true;
    } catch (err) {
      error.value = err;
    } finally {
      busy.value = false;
    }
  }

  const save = () => run(() => store.update(id, { ...edit }));
  const close = () => run(() => store.update(id, { closed: true }));

  async function load(): Promise<void> {
    try {
      const [d, people] = await Promise.all([store.plan(id), store.inspectors()]);
      inspectors.value = people;
      show(d);
    } catch (err) {
      error.value = err;
    }
  }

  void load();
  return { detail, byPark, inspectors, edit, busy, saved, error, save, close };
}
