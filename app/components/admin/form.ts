/**
 * Field messages for the admin forms. The forms check their input with the
 * same zod schemas the server uses, so a mistake is named at the field before
 * anything is sent; zod's own messages are English and technical, so each
 * kind of problem gets a sentence in the UI language. What only the server
 * can know (an unknown parent, a taken credit code) comes back as
 * `invalid_request` details naming the field, shown at that field too.
 * `useAdminForm` and `useRowAction` hold what a screen shows of it.
 */
import { nextTick, reactive, ref } from 'vue';
import type { z } from 'zod';
import { ApiError } from '../../api/client';
import { errorCode, errorMessage } from '../../api/error-message';

/** Field path ("sections.0.items.2.code") → message. */
export type FieldErrors = Record<string, string>;
export type Translate = (key: string, named?: Record<string, unknown>) => string;

export function issueMessage(issue: z.core.$ZodIssue, t: Translate): string {
  const field = String(issue.path.at(-1) ?? '');
  switch (issue.code) {
    case 'too_small':
      if (issue.origin === 'string') {
        return Number(issue.minimum) <= 1 ? t('admin.form.required') : t('admin.form.tooShort', { n: Number(issue.minimum) });
      }
      if (issue.origin === 'array') return t('admin.form.atLeast', { n: Number(issue.minimum) });
      return t('admin.form.min', { n: Number(issue.minimum) });
    case 'too_big':
      if (issue.origin === 'string') return t('admin.form.tooLong', { n: Number(issue.maximum) });
      if (issue.origin === 'array') return t('admin.form.atMost', { n: Number(issue.maximum) });
      return t('admin.form.max', { n: Number(issue.maximum) });
    case 'invalid_type':
      return issue.input === undefined || issue.input === '' ? t('admin.form.required') : t('admin.form.invalid');
    case 'invalid_format':
      return ['code', 'username', 'category'].includes(field) ? t(`admin.form.format.${field}`) : t('admin.form.invalid');
    case 'custom':
      if (field === 'creditCode') return t('admin.form.creditCode');
      if (field === 'code' && issue.message.startsWith('duplicate')) return t('admin.form.duplicateCode');
      return issue.message;
    default:
      return t('admin.form.invalid');
  }
}

/** The first problem of each field. */
export function zodErrors(error: z.ZodError, t: Translate): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const path = issue.path.map(String).join('.');
    out[path] ??= issueMessage(issue, t);
  }
  return out;
}

/** The fields an `invalid_request` answer names, with the server's words. */
export function serverErrors(error: unknown): FieldErrors {
  if (!(error instanceof ApiError) || error.code !== 'invalid_request' || !Array.isArray(error.details)) return {};
  const out: FieldErrors = {};
  for (const d of error.details as { path?: unknown; message?: unknown }[]) {
    if (typeof d.path === 'string' && d.path && typeof d.message === 'string') out[d.path] ??= d.message;
  }
  return out;
}

/**
 * What a refusal means on this screen: a `conflict` (409) gets the screen's
 * own sentence, since the server's words are English and generic.
 */
function refusal(error: unknown, t: Translate, conflictKey?: string): string {
  return conflictKey && errorCode(error) === 'conflict' ? t(conflictKey) : errorMessage(error, t);
}

/** After a refused submit: the first field marked invalid gets the focus (and scrolls into view). */
export function focusFirstError(): void {
  void nextTick(() => document.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
}

/** Form text → request field: blank means "not given" on create and "clear it" (null) on update. */
export const blankToUndefined = (s: string) => (s.trim() === '' ? undefined : s.trim());
export const blankToNull = (s: string) => (s.trim() === '' ? null : s.trim());
export const numberOrNull = (s: string | number) => (String(s).trim() === '' ? null : Number(s));

/**
 * A create-or-edit dialog: the form's fields, whether it is open or sending,
 * and what went wrong — at a field, or above the buttons.
 */
export function useAdminForm<F extends object>(blank: F, t: Translate) {
  const form = reactive({ ...blank });
  const open = ref(false);
  const busy = ref(false);
  const errors = ref<FieldErrors>({});
  const problem = ref('');

  function show(fields: F): void {
    Object.assign(form, fields);
    errors.value = {};
    problem.value = '';
    open.value = true;
  }

  /**
   * Sends what passed the schema; the dialog closes once the server has taken
   * it. `conflictKey` is the screen's sentence for a 409 (a taken username).
   */
  async function submit<T>(parsed: z.ZodSafeParseResult<T>, send: (input: T) => Promise<void>, conflictKey?: string) {
    errors.value = parsed.success ? {} : zodErrors(parsed.error, t);
    problem.value = '';
    if (!parsed.success) return focusFirstError();
    busy.value = true;
    try {
      await send(parsed.data);
      open.value = false;
    } catch (err) {
      errors.value = serverErrors(err);
      focusFirstError();
      problem.value = refusal(err, t, conflictKey);
    } finally {
      busy.value = false;
    }
  }

  return { form, open, busy, errors, problem, show, submit };
}

/** A list's row actions (disable, enable): a refusal is shown above the list, naming the row. */
export function useRowAction(t: Translate) {
  const rowProblem = ref('');

  async function rowAction(name: string, action: () => Promise<unknown>, conflictKey?: string): Promise<void> {
    rowProblem.value = '';
    try {
      await action();
    } catch (err) {
      rowProblem.value = t('admin.rowProblem', { name, problem: refusal(err, t, conflictKey) });
    }
  }

  return { rowProblem, rowAction };
}
