/**
 * The parks in the user's scope and the regions they belong to, read from the
 * phone's database (kept current by sync), so lists show at once, offline too.
 */
import { defineStore } from 'pinia';
import { computed } from 'vue';
import type { Park, Region } from '../../shared/schemas/entities';
import { useLiveQuery } from '../composables/live';
import { appDb } from '../db/database';

export interface ParkGroup {
  regionId: string;
  region: Region | null;
  parks: Park[];
}

const collator = new Intl.Collator('zh-CN');
export const byName = (a: { name: string }, b: { name: string }) => collator.compare(a.name, b.name);

export const useParksStore = defineStore('parks', () => {
  const db = appDb();
  const parkRows = useLiveQuery(() => db.parks.toArray());
  const regionRows = useLiveQuery(() => db.regions.toArray());

  /** undefined until the phone's database has answered once. */
  const loaded = computed(() => parkRows.value !== undefined && regionRows.value !== undefined);
  const parks = computed(() => (parkRows.value ?? []).filter((park) => !park.disabled).sort(byName));
  const regionsById = computed(() => new Map((regionRows.value ?? []).map((region) => [region.id, region])));

  /** Parks by town/street, towns in Chinese collation order, unknown regions last. */
  const groups = computed<ParkGroup[]>(() => {
    const byRegion = new Map<string, ParkGroup>();
    for (const park of parks.value) {
      let group = byRegion.get(park.regionId);
      if (!group) {
        group = { regionId: park.regionId, region: regionsById.value.get(park.regionId) ?? null, parks: [] };
        byRegion.set(park.regionId, group);
      }
      group.parks.push(park);
    }
    return [...byRegion.values()].sort((a, b) => {
      if (!a.region || !b.region) return a.region ? -1 : b.region ? 1 : 0;
      return byName(a.region, b.region);
    });
  });

  function regionOf(park: Park): Region | null {
    return regionsById.value.get(park.regionId) ?? null;
  }

  return { loaded, parks, groups, regionOf };
});
