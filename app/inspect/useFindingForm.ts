/**
 * The finding form's rules: a description always, a photo when the item
 * requires one or the hazard was fixed on the spot (the evidence), a
 * deadline not before the inspection's day (API.md "Integrity of the loop"); a deadline still at its default follows the severity; and
 * the photos taken in the form that it does not keep are deleted from the
 * phone (they were never sent), whether it is saved or cancelled.
 */
import { computed, reactive, ref } from 'vue';
import { localDate } from '../../shared/dates';
import { DUE_DATE_RULES } from '../../shared/finding-effects';
import type { TemplateItem } from '../../shared/schemas/entities';
import { timeZone } from '../calendar';
import { appDb } from '../db/database';
import { settlePhotos } from '../sync/photos';
import { defaultDueDate, type DraftFinding } from './draft';

export function useFindingForm(props: { finding: DraftFinding; item?: TemplateItem | undefined; inspectedAt: string }) {
  const form = reactive<DraftFinding>(structuredClone({ ...props.finding, attachmentIds: [...props.finding.attachmentIds] }));
  /** Once the user has tried to save, what is missing is marked. */
  const tried = ref(false);
  const photoRequired = computed(() => (props.item?.photoRequired ?? false) || form.rectifiedOnSite);
  const descriptionMissing = computed(() => !form.description.trim());
  const photoMissing = computed(() => photoRequired.value && form.attachmentIds.length === 0);
  /** The inspection's day: the earliest deadline. */
  const dueMin = computed(() => localDate(new Date(props.inspectedAt), timeZone()));
  const dueTooEarly = computed(() => !form.rectifiedOnSite && !DUE_DATE_RULES.finding(form.dueDate, { inspectedOn: dueMin.value }));

  const dueFor = (severity: DraftFinding['severity']) => defaultDueDate(props.inspectedAt, severity, timeZone(), props.item);

  function setSeverity(severity: DraftFinding['severity']) {
    const wasDefault = form.dueDate === dueFor(form.severity);
    form.severity = severity;
    if (wasDefault) form.dueDate = dueFor(severity);
  }

  /** The finding to keep, or undefined when something is missing. */
  function accept(): DraftFinding | undefined {
    tried.value = true;
    if (descriptionMissing.value || photoMissing.value || dueTooEarly.value) return undefined;
    void settlePhotos(appDb(), props.finding.attachmentIds, form.attachmentIds);
    return structuredClone({ ...form, attachmentIds: [...form.attachmentIds] });
  }

  function discard() {
    void settlePhotos(appDb(), form.attachmentIds, props.finding.attachmentIds);
  }

  return { form, tried, photoRequired, descriptionMissing, photoMissing, dueMin, dueTooEarly, setSeverity, accept, discard };
}
