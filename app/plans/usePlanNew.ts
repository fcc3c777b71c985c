/**
 * Making a plan: what the supervisor picks from (checklists, the regions and
 * parks of their scope, a park's enterprises, inspectors) and the request.
 * Regions offered are the caller's own and those below them — the chain
 * above is visible for names only and is not theirs to plan.
 */
import { computed, reactive, ref, shallowRef, watch } from 'vue';
import { useRouter } from 'vue-router';
import { addDays } from '../../shared/dates';
import type { Enterprise, Template } from '../../shared/schemas/entities';
import type { PlanInspectorList } from '../../shared/schemas/plans';
import { today } from '../calendar';
import { usePlanManageStore } from '../stores/plan-manage';
import { useReportsStore } from '../stores/reports';
import { useSessionStore } from '../stores/session';
import { byName } from '../stores/parks';

export function usePlanNew() {
  const store = usePlanManageStore();
  const reports = useReportsStore();
  const session = useSessionStore();
  const router = useRouter();

  const form = reactive({
    name: '',
    templateCodes: [] as string[],
    startDate: today(),
    endDate: addDays(today(), 30),
    regionIds: [] as string[],
    parkIds: [] as string[],
    enterpriseIds: [] as string[],
    inspectorIds: [] as string[],
  });
  const templates = shallowRef<Template[]>([]);
  const inspectors = shallowRef<PlanInspectorList['items']>([]);
  const enterprisePark = ref('');
  const enterprises = shallowRef<Enterprise[]>([]);
  const busy = ref(false);
  const error = ref<unknown>(null);
  const loaded = ref(false);

  const regions = computed(() => {
    const mine = session.user?.role === 'admin' ? null : new Set(session.user?.regionIds ?? []);
    return reports.regions.filter((r) => !r.disabled && (!mine || r.path.some((id) => mine.has(id)))).sort(byName);
  });
  const parks = computed(() => reports.parks.filter((p) => !p.disabled).sort(byName));

  async function load(): Promise<void> {
    try {
      const [tpls, people] = await Promise.all([store.templates(), store.inspectors(), reports.loadPlaces()]);
      templates.value = tpls.filter((x) => !x.retired);
      inspectors.value = people;
      loaded.value = true;
    } catch (err) {
      error.value = err;
    }
  }

  watch(enterprisePark, async (parkId) => {
    enterprises.value = parkId ? (await store.enterprises(parkId)).filter((e) => !e.disabled) : [];
  });

  async function submit(): Promise<void> {
    if (busy.value) return;
    busy.value = true;
    error.value = null;
    try {
      const created = await store.create({
        name: form.name,
        templateCodes: form.templateCodes,
        startDate: form.startDate,
        endDate: form.endDate,
        regionIds: form.regionIds,
        parkIds: form.parkIds,
        enterpriseIds: form.enterpriseIds,
        inspectorIds: form.inspectorIds,
      });
      await router.replace(`/plans/${created.plan.id}`);
    } catch (err) {
      error.value = err;
    } finally {
      busy.value = false;
    }
  }

  void load();
  return { form, templates, inspectors, regions, parks, enterprisePark, enterprises, busy, error, loaded, submit };
}
