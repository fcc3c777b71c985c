/**
 * A draft open in the runner and on the finishing page. Its state lives in
 * memory so every tap shows at once (the budget is 100 ms from "fail" to the
 * finding form), and each change is written to IndexedDB right away, one
 * write after another, so the phone can die at any moment and resume
 * exactly there. Submitting queues the inspection and deletes the draft in
 * one transaction (the sync store's `act`).
 */
import { computed, reactive, ref, shallowRef, toRaw } from 'vue';
import type { Enterprise, Park, Template, TemplateItem } from '../../shared/schemas/entities';
import { timeZone } from '../calendar';
import { appDb } from '../db/database';
import { useSyncStore } from '../stores/sync';
import { deletePhoto, storePhoto } from '../sync/photos';
import { newFinding as blankFinding, problems, toInspection, type Draft, type DraftFinding, type DraftState } from './draft';

export function useDraft(id: string) {
  const db = appDb();
  const sync = useSyncStore();
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
  /** What stops the draft from being submitted. */
  const blocking = computed(() => (draft.value && template.value ? problems({ ...draft.value, state } as Draft, template.value) : []));

  /** A finding pre-filled from the failed item (or blank), due by the default deadline in the deployment's zone. */
  const newFinding = (item?: TemplateItem, words?: { description: string; requirement: string }): DraftFinding =>
    blankFinding(state, timeZone(), item, words);

  /** Saves, then deletes photos the draft no longer holds (taken here, never sent). */
  async function saveDropping(photos: string[]): Promise<void> {
    await save();
    await Promise.all(photos.map((p) => deletePhoto(db, p)));
  }

  /** The representative's signature replaces any earlier one. */
  async function sign(png: ArrayBuffer): Promise<void> {
    const old = state.signatureAttachmentId;
    state.signatureAttachmentId = await storePhoto(db, png, 'image/png');
    await saveDropping(old ? [old] : []);
  }

  /** Queues the inspection for the server and deletes the draft, both or neither. */
  async function submit(): Promise<void> {
    await save();
    await flushed();
    const inspection = toInspection({ ...draft.value!, state } as Draft);
    await sync.act({ type: 'inspection.submit', payload: { inspection } }, () => db.drafts.delete(id));
  }

  return {
    loaded,
    draft,
    state,
    template,
    park,
    enterprise,
    missing,
    saveError,
    save,
    flushed,
    answeredCount,
    blocking,
    newFinding,
    saveDropping,
    sign,
    submit,
  };
}
