/**
 * Where in the region tree a report page is: the trail from the user's own
 * regions down to the region or park shown, with a link for each step.
 */
import { storeToRefs } from 'pinia';
import { computed, type Ref } from 'vue';
import { useI18n } from 'vue-i18n';
import { useReportsStore } from '../../stores/reports';
import { useSessionStore } from '../../stores/session';
import type { Place, ReportWhere } from './where';

export interface TrailStep {
  label: string;
  place: Place;
}

export function usePlaceTrail(where: Ref<Pick<ReportWhere, 'regionId' | 'parkId'>>) {
  const { t } = useI18n();
  const { regions, parks } = storeToRefs(useReportsStore());
  const { user } = storeToRefs(useSessionStore());

  return computed<TrailStep[]>(() => {
    const byId = new Map(regions.value.map((r) => [r.id, r]));
    // The top of the trail: the user's own regions; an admin's are the roots of the tree.
    const roots = new Set(
      user.value?.role === 'admin' ? regions.value.filter((r) => r.parentId === null).map((r) => r.id) : (user.value?.regionIds ?? []),
    );
    const steps: TrailStep[] = [{ label: t('reports.place.mine'), place: {} }];
    const park = where.value.parkId ? parks.value.find((p) => p.id === where.value.parkId) : undefined;
    const regionId = park ? park.regionId : where.value.regionId;
    const path = (regionId && byId.get(regionId)?.path) || [];
    const top = path.findIndex((id) => roots.has(id));
    for (const id of path.slice(top + 1)) {
      const r = byId.get(id);
      if (r) steps.push({ label: r.name, place: { regionId: id } });
    }
    if (park) steps.push({ label: park.name, place: { parkId: park.id } });
    return steps;
  });
}
