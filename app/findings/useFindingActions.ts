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
import { DUE_DATE_RULES } from '../../shared/finding-effects';
import { refusal, type FindingAction, type RefusalReason, type Role } from '../../shared/finding-machine';
import type { Finding } from '../../shared/schemas/entities';
import { today } from '../calendar';
import { appDb } from '../db/database';
import { useSessionStore } from '../stores/session';
import { useSyncStore } from '../stores/sync';
import { LocalRefusal } from '../sync/local';
import { settlePhotos } from '../sync/photos';

const ORDER: FindingAction[] = ['rectify', 'verify', 'reject', 'decideExtension', 'requestExtension', 'comment'];

/**
 * Refusals shown as a disabled button with the reason, rather than hidden:
 * the user could expect to take them, and should learn who will.
 */
const EXPLAINED: ReadonlySet<RefusalReason> = new Set(['ownRectification', 'ownExtension', 'majorBySupervisor', 'pendingExtension']);

/** Why an action did not go through: the phone's refusal (by code and rule), or something else. */
export type ActionProblem = { refused: LocalRefusal['code']; reason?: string | undefined } | { failed: unknown };

/** What keeps the confirm button disabled, so the form can say it. */
export type FormGap = { kind: 'note' } | { kind: 'photo' } | { kind: 'date'; min: string } | null;

const later = (a: string, b: string) => (a > b ? a : b);

export function useFindingActions(props: { finding: Finding; role: Role; only?: readonly FindingAction[] | undefined }) {
  const sync = useSyncStore();
  const session = useSessionStore();
  const actor = computed(() => ({ id: session.user?.id ?? '', role: props.role }));
  /** Each action this user may take, or is shown with why someone else takes it. */
  const offered = computed(() =>
    ORDER.filter((a) => !props.only || props.only.includes(a)).flatMap((action): { action: FindingAction; blocked: RefusalReason | null }[] => {
      const refused = refusal(action, actor.value, { ...props.finding, submittedBy: props.finding.submittedBy ?? null });
      if (refused === null) return [{ action, blocked: null }];
      return EXPLAINED.has(refused) ? [{ action, blocked: refused }] : [];
    }),
  );
  const allowed = computed(() => offered.value.filter((o) => o.blocked === null).map((o) => o.action));
  /** Re-inspected by this inspector, now the supervising department's to close (重大隐患). */
  const awaitingSupervisor = computed(() =>
    offered.value.some((o) => o.action === 'verify' && o.blocked === 'majorBySupervisor'),
  );
  const open = ref<FindingAction | null>(null);
  const busy = ref(false);
  const problem = ref<ActionProblem | null>(null);
  const form = reactive({ note: '', photos: [] as string[], newDueDate: '', approve: true });

  /** The earliest date the open form's date field takes (API.md: never before today). */
  const dateMin = computed(() => {
    if (open.value === 'reject') return today();
    return later(addDays(props.finding.dueDate, 1), today());
  });

  function start(action: FindingAction) {
    void settlePhotos(appDb(), form.photos, []);
    const date =
      action === 'requestExtension'
        ? later(addDays(props.finding.dueDate, 7), today())
        : action === 'decideExtension'
          ? (props.finding.pendingExtension?.newDueDate ?? '')
          : '';
    Object.assign(form, { note: '', photos: [], newDueDate: date, approve: true });
    problem.value = null;
    open.value = action;
  }

  function cancel() {
    void settlePhotos(appDb(), form.photos, []);
    form.photos = [];
    open.value = null;
  }

  const needsNote = computed(() => open.value === 'reject' || open.value === 'requestExtension' || open.value === 'comment');
  const needsPhoto = computed(() => open.value === 'rectify');
  const dateOk = computed(() => {
    const d = form.newDueDate;
    const ctx = { today: today(), dueDate: props.finding.dueDate };
    if (open.value === 'requestExtension') return DUE_DATE_RULES.extension(d, ctx);
    if (open.value === 'reject') return d === '' || DUE_DATE_RULES.reopen(d, ctx);
    // Approving grants the requested date unless another one is picked.
    if (open.value === 'decideExtension' && form.approve) return d === props.finding.pendingExtension?.newDueDate || DUE_DATE_RULES.extension(d, ctx);
    return true;
  });
  const gap = computed<FormGap>(() => {
    if (!open.value) return null;
    if (needsNote.value && !form.note.trim()) return { kind: 'note' };
    if (needsPhoto.value && !form.photos.length) return { kind: 'photo' };
    if (!dateOk.value) return { kind: 'date', min: dateMin.value };
    return null;
  });
  const valid = computed(() => gap.value === null);

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
          await sync.act({
            type: 'finding.reject',
            payload: { ...base, reason: note, attachmentIds: form.photos, ...(form.newDueDate ? { newDueDate: form.newDueDate } : {}) },
          });
          break;
        case 'requestExtension':
          await sync.act({ type: 'finding.requestExtension', payload: { ...base, newDueDate: form.newDueDate, reason: note } });
          break;
        case 'decideExtension':
          await sync.act({
            type: 'finding.decideExtension',
            payload: {
              ...base,
              approve: form.approve,
              ...(note ? { note } : {}),
              ...(form.approve && form.newDueDate !== props.finding.pendingExtension?.newDueDate ? { dueDate: form.newDueDate } : {}),
            },
          });
          break;
        case 'comment':
          await sync.act({ type: 'finding.comment', payload: { ...base, note, attachmentIds: form.photos } });
          break;
      }
      form.photos = [];
      open.value = null;
    } catch (err) {
      problem.value = err instanceof LocalRefusal ? { refused: err.code, reason: err.reason } : { failed: err };
    } finally {
      busy.value = false;
    }
  }

  return { offered, allowed, awaitingSupervisor, open, busy, problem, form, needsNote, needsPhoto, dateMin, gap, valid, start, cancel, submit };
}
