/**
 * The inspector's plans, offline: read from the phone's database (kept
 * current by sync) and recounted whenever an inspection is saved on the
 * phone. Starting an inspection from a target carries the plan, so the
 * plan's checklists come first.
 */
import { defineStore } from 'pinia';
import { computed } from 'vue';
import { today } from '../calendar';
import { useLiveQuery } from '../composables/live';
import { appDb } from '../db/database';
import { openPlans } from '../plans/on-phone';
import { useSessionStore } from './session';

export const usePlansStore = defineStore('plans', () => {
  const session = useSessionStore();
  const db = appDb();
  const progress = useLiveQuery(() => openPlans(db, session.tz, today()), [() => session.tz, () => session.user?.id]);
  const plans = computed(() => progress.value ?? []);
  const byId = (id: string) => plans.value.find((p) => p.detail.plan.id === id);
  return { plans, byId };
});
