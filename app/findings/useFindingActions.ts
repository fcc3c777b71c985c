/**
 * What a user may do with a finding now — decided by the shared state
 * machine, exactly as the server will — and the form of the action under
 * way. Each action is saved on the phone at once (optimistic, with its
 * outbox entry: the sync store's `act`) and sent when there is a signal;
 * one the phone already knows the server would refuse is refused here, with
 * the reason.
 */
import { computed, reactive, ref } from 'vue';
import { addDays } from '../../shared/dates';
import { refusal, type FindingAction, type Role } from '../../shared/finding-machine';
import type { Finding } from '../../shared/schemas/entities';
import { appDb } from '../db/database';
import { useSyncStore } from '../stores/sync';
import { LocalRefusal } from '../sync/local';
import { settlePhotos } from '../sync/photos';

const ORDER: FindingAction[] = ['rectify', 'verify', 'reject', 'decideExtension', 'requestExtension', 'comment'];

/** Why an action did not go through: the phone's refusal (by code), or something else. */
export type ActionProblem = { refused: LocalRefusal['code'] } | { failed: unknown };

export function useFindingActions(props: { finding: Finding; role: Role; only?: readonly FindingAction[] | undefined }) {
  const sync = useSyncStore();
  const allowed = computed(() =>
    ORDER.filter(
      (a) =>
        (!props.only || props.only.includes(a)) &&
        refusal(a, props.role, { status: props.finding.status, hasPendingExtension: props.finding.pendingExtension !== null }) === null,
    ),
  );
  const open = ref<FindingAction | null>(null);
  const busy = ref(false);
  const problem = ref<ActionProblem | null>(null);
  const form = reactive({ note: '', photos: [] as string[], newDueDate: '', approve: true });

  function start(action: FindingAction) {
    void settlePhotos(appDb(), form.photos, []);
    Object.assign(form, { note: '', photos: [], newDueDate: addDays(props.finding.dueDate, 7), approve: true });
    problem.value = null;
    open.value = action;
  }

  function cancel() {
    void settlePhotos(appDb(), form.photos, []);
    form.photos = [];
    open.value = null;
  }

  const needsNote = computed(() => open.value === 'reject' || open.value === 'requestExtension' || open.value === 'comment');
  const valid = computed(() => {
    if (needsNote.value && !form.note.trim()) return false;
    if (open.value === 'rectify' && !form.note.trim() && !form.photos.length) return false;
    if (open.value === 'requestExtension' && !(form.newDueDate > props.finding.dueDate)) return false;
    return true;
  });

  async function submit() {
    if (!open.value || !valid.value || busy.value) return;
    busy.value = true;
    problem.value = null;
    const base = { findingId: props.finding.id, eventId: crypto.randomUUID() };
    const note = form.note.trim();
    try {
      switch (open.value) {
        case 'rectify':
          await sync.act({ type: 'finding.rectify', payload: { ...base, note, attachmentIds: form.photos } });
          break;
        case 'verify':
          await sync.act({ type: 'finding.verify', payload: { ...base, ...(note ? { note } : {}) } });
          break;
        case 'reject':
          await sync.act({ type: 'finding.reject', payload: { ...base, reason: note, attachmentIds: form.photos } });
          break;
        case 'requestExtension':
          await sync.act({ type: 'finding.requestExtension', payload: { ...base, newDueDate: form.newDueDate, reason: note } });
          break;
        case 'decideExtension':
          await sync.act({ type: 'finding.decideExtension', payload: { ...base, approve: form.approve, ...(note ? { note } : {}) } });
          break;
        case 'comment':
          await sync.act({ type: 'finding.comment', payload: { ...base, note, attachmentIds: form.photos } });
          break;
      }
      form.photos = [];
      open.value = null;
    } catch (err) {
      problem.value = err instanceof LocalRefusal ? { refused: err.code } : { failed: err };
    } finally {
      busy.value = false;
    }
  }

  return { allowed, open, busy, problem, form, needsNote, valid, start, cancel, submit };
}
