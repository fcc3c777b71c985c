/**
 * The enterprise file (一企一档) of one enterprise, from the phone's
 * database, offline too. The phone holds exactly the user's scope, so once
 * it has synced, an enterprise that is not on it is not the user's to see;
 * before the first sync, it may simply not have arrived yet.
 */
import { computed } from 'vue';
import { timeZone, today } from '../calendar';
import { useLiveQuery } from '../composables/live';
import { appDb } from '../db/database';
import { enterpriseFile, yearRecord, yearStart } from './file';

export function useEnterpriseFile(id: () => string) {
  const day = today();
  const state = useLiveQuery(
    async () => {
      const [file, sync] = await Promise.all([enterpriseFile(appDb(), id()), appDb().syncState.get('state')]);
      return { file, synced: Boolean(sync?.lastSuccessAt) };
    },
    [id],
  );
  const file = computed(() => state.value?.file ?? null);
  /** undefined while reading; 'notFound' once synced and still absent; 'notYet' before the first sync. */
  const absent = computed(() => (!state.value || state.value.file ? undefined : state.value.synced ? 'notFound' : 'notYet'));
  const record = computed(() => (file.value ? yearRecord(file.value.findings, day, timeZone()) : null));
  return { loading: computed(() => !state.value), file, absent, record, today: day, yearStart: yearStart(day) };
}
