/**
 * The inspector's day, from the phone: inspections to finish, how many
 * rectifications wait for re-inspection, and every enterprise in scope —
 * recently visited first, filtered by park and by name or credit code.
 */
import { computed, ref } from 'vue';
import { today } from '../calendar';
import { useLiveQuery } from '../composables/live';
import { appDb } from '../db/database';
import { lang } from '../i18n';
import { byName, useParksStore } from '../stores/parks';
import { useSessionStore } from '../stores/session';
import { enterpriseOverview, reinspectCount, unfinishedDrafts, type EnterpriseRow } from './today';

export function useInspectToday() {
  const session = useSessionStore();
  const parksStore = useParksStore();
  const db = appDb();
  const userId = computed(() => session.user?.id ?? '');
  const day = today();

  const rows = useLiveQuery(() => enterpriseOverview(db, userId.value, day), [userId]);
  const drafts = useLiveQuery(() => unfinishedDrafts(db, userId.value, lang.value), [userId, lang]);
  const toReinspect = useLiveQuery(() => reinspectCount(db), [], 0);

  const query = ref('');
  const parkId = ref<string | null>(null);
  const limit = ref(60);

  /** Every park in scope, with its enterprise count; a park with none still has common areas to inspect. */
  const parks = computed(() => {
    const count = new Map<string, number>();
    for (const r of rows.value ?? []) count.set(r.park.id, (count.get(r.park.id) ?? 0) + 1);
    return parksStore.parks.map((park) => ({ park, enterprises: count.get(park.id) ?? 0 }));
  });

  const sorted = computed<EnterpriseRow[]>(() => {
    const q = query.value.trim().toLowerCase();
    const list = (rows.value ?? []).filter(
      (r) =>
        (!parkId.value || r.park.id === parkId.value) &&
        (!q || r.enterprise.name.toLowerCase().includes(q) || (r.enterprise.creditCode ?? '').toLowerCase().startsWith(q) || r.park.name.includes(q)),
    );
    return list.sort((a, b) => (b.visitedAt ?? '').localeCompare(a.visitedAt ?? '') || byName(a.park, b.park) || byName(a.enterprise, b.enterprise));
  });
  const shown = computed(() => sorted.value.slice(0, limit.value));

  return { rows, drafts, toReinspect, query, parkId, limit, parks, sorted, shown };
}
