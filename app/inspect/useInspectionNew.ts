/**
 * Starting an inspection, from the phone: the park, then an enterprise (or
 * the park's common areas), then the latest version of a checklist —
 * filtered by category. Started from a plan's target, the plan's checklists
 * come first, chosen for the inspector. Starting makes a draft and opens the
 * runner.
 */
import { computed, ref, watch } from 'vue';
import { useRoute, useRouter } from 'vue-router';
import type { Template } from '../../shared/schemas/entities';
import { useLiveQuery } from '../composables/live';
import { appDb } from '../db/database';
import { byName } from '../stores/parks';
import { usePlansStore } from '../stores/plans';
import { useSessionStore } from '../stores/session';
import { startDraft } from './draft';

export function useInspectionNew() {
  const route = useRoute();
  const router = useRouter();
  const session = useSessionStore();
  const plansStore = usePlansStore();
  const db = appDb();
  const planId = (route.query.planId as string) || null;
  const plan = computed(() => (planId ? plansStore.byId(planId)?.detail.plan : undefined));

  const parkId = ref<string | null>((route.query.parkId as string) || null);
  const enterpriseId = ref<string | null>((route.query.enterpriseId as string) || null);
  /** Chosen the park's common areas (no enterprise). */
  const commonAreas = ref(false);
  const category = ref<string | null>(null);
  const query = ref('');
  const starting = ref(false);

  const parks = useLiveQuery(async () => (await db.parks.toArray()).filter((p) => !p.disabled).sort(byName));
  const enterprise = useLiveQuery(() => (enterpriseId.value ? db.enterprises.get(enterpriseId.value) : undefined), [enterpriseId]);
  watch(enterprise, (e) => {
    if (e) parkId.value = e.parkId;
  });
  const park = computed(() => parks.value?.find((p) => p.id === parkId.value));
  const enterprises = useLiveQuery(
    async () => (parkId.value ? (await db.enterprises.where('parkId').equals(parkId.value).toArray()).filter((e) => !e.disabled).sort(byName) : []),
    [parkId],
  );
  const filteredEnterprises = computed(() => {
    const q = query.value.trim().toLowerCase();
    return (enterprises.value ?? []).filter((e) => !q || e.name.toLowerCase().includes(q) || (e.creditCode ?? '').toLowerCase().startsWith(q));
  });

  /** The checklists to choose from: the latest version of each, unless retired. */
  const templates = useLiveQuery(async () => {
    const latest = new Map<string, Template>();
    for (const tpl of await db.templates.toArray()) {
      const seen = latest.get(tpl.code);
      if (!seen || seen.version < tpl.version) latest.set(tpl.code, tpl);
    }
    return [...latest.values()].filter((x) => !x.retired).sort((a, b) => a.category.localeCompare(b.category) || a.code.localeCompare(b.code));
  });
  const categories = computed(() => [...new Set((templates.value ?? []).map((x) => x.category))]);
  const inPlan = (x: Template) => plan.value?.templateCodes.includes(x.code) ?? false;
  const planTemplates = computed(() => (templates.value ?? []).filter(inPlan));
  const shownTemplates = computed(() => (templates.value ?? []).filter((x) => !inPlan(x) && (!category.value || x.category === category.value)));

  const placeChosen = computed(() => Boolean(enterpriseId.value) || commonAreas.value);

  function choosePark(id: string) {
    parkId.value = id;
    enterpriseId.value = null;
    commonAreas.value = false;
  }

  function chooseEnterprise(id: string | null) {
    enterpriseId.value = id;
    commonAreas.value = id === null;
  }

  async function start(template: Template) {
    const user = session.user;
    if (!user || !parkId.value || starting.value) return;
    starting.value = true;
    try {
      const id = await startDraft(db, { userId: user.id, parkId: parkId.value, enterpriseId: enterpriseId.value, templateId: template.id });
      await router.replace(`/inspect/${id}`);
    } finally {
      starting.value = false;
    }
  }

  return {
    parkId,
    commonAreas,
    category,
    query,
    starting,
    parks,
    park,
    enterprise,
    filteredEnterprises,
    categories,
    plan,
    planTemplates,
    shownTemplates,
    placeChosen,
    choosePark,
    chooseEnterprise,
    start,
  };
}
