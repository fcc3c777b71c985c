/**
 * A draft open in the runner. Its state lives in memory so every tap shows
 * at once (the budget is 100 ms from "fail" to the finding form), and each
 * change is written to IndexedDB right away, one write after another, so the
 * phone can die at any moment and resume exactly there.
 */
import { computed, reactive, ref, shallowRef, toRaw } from 'vue';
import type { Enterprise, Park, Template } from '../../shared/schemas/entities';
import { appDb } from '../db/database';
import type { Draft, DraftState } from './draft';

export function useDraft(id: string) {
  const db = appDb();
  const draft = shallowRef<Draft>();
  const state = reactive({}) as DraftState;
  const template = shallowRef<Template>();
  const park = shallowRef<Park>();
  const enterprise = shallowRef<Enterprise>();
  const missing = ref(false);
  const saveError = ref<unknown>(null);
  let chain: Promise<void> = Promise.resolve();

  const loaded = (async () => {
    const d = (await db.drafts.get(id)) as Draft | undefined;
    if (!d) {
      missing.value = true;
      return;
    }
    Object.assign(state, d.state);
    draft.value = d;
    [template.value, park.value, enterprise.value] = await Promise.all([
      db.templates.get(d.templateId),
      db.parks.get(d.parkId),
      d.enterpriseId ? db.enterprises.get(d.enterpriseId) : Promise.resolve(undefined),
    ]);
  })();

  /** Writes the current state; calls are queued so writes land in order. */
  function save(): Promise<void> {
    const snapshot = structuredClone(toRaw(state)) as DraftState;
    chain = chain.then(async () => {
      try {
        const d = draft.value!;
        await db.drafts.put({ ...d, state: snapshot, updatedAt: new Date().toISOString() });
        saveError.value = null;
      } catch (err) {
        saveError.value = err;
      }
    });
    return chain;
  }

  /** Resolves when every change so far is on disk. */
  const flushed = () => chain;

  const answeredCount = computed(() => Object.keys(state.answers ?? {}).length);

  return { loaded, draft, state, template, park, enterprise, missing, saveError, save, flushed, answeredCount };
}
