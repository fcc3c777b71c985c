/**
 * The checklist template editor's draft. A published version never changes:
 * the editor works on a draft in this store (it survives moving between
 * admin screens, not a reload — export it as JSON to keep it), checks it with
 * the server's own schema, and publishes it as the code's next version.
 *
 * In the draft every text is {zh, en} and every number a string, as the form
 * edits them; `toPublish` turns it into the API's shape, dropping empty
 * optional texts. Sections and items carry a `key` for lists and dragging.
 */
import { defineStore } from 'pinia';
import { computed, reactive, shallowRef, toRaw } from 'vue';
import { TemplatePublish, type TemplateSummary } from '../../shared/schemas/admin';
import type { MaybeLocalizedText } from '../../shared/schemas/common';
import type { Template } from '../../shared/schemas/entities';
import { serverErrors, zodErrors, type FieldErrors, type Translate } from '../components/admin/form';
import { adminApi } from './admin';

export interface Texts {
  zh: string;
  en: string;
}

export interface DraftItem {
  key: string;
  code: string;
  text: Texts;
  guidance: Texts;
  legalBasis: Texts;
  severity: 'general' | 'major';
  photoRequired: boolean;
  dueDays: string;
}

export interface DraftSection {
  key: string;
  title: Texts;
  items: DraftItem[];
}

export interface Draft {
  code: string;
  category: string;
  title: Texts;
  sections: DraftSection[];
}

export class DraftFileError extends Error {
  override readonly name = 'DraftFileError';
}

/** Another admin published this code after the draft was opened: publishing would replace their version. */
export class StaleDraftError extends Error {
  override readonly name = 'StaleDraftError';

  constructor(readonly latest: number) {
    super(`version ${latest} was published meanwhile`);
  }
}

const newKey = () => crypto.randomUUID();
const texts = (t?: MaybeLocalizedText): Texts => (typeof t === 'string' ? { zh: t, en: '' } : { zh: t?.zh ?? '', en: t?.en ?? '' });

/** The next item code after the last one: F-09 → F-10; a fresh code when there is no pattern. */
function nextItemCode(draft: Draft): string {
  const codes = new Set(draft.sections.flatMap((s) => s.items.map((i) => i.code)));
  const last = draft.sections.flatMap((s) => s.items).at(-1)?.code ?? `${draft.code || 'ITEM'}-00`;
  const m = /^(.*?)(\d+)$/.exec(last);
  const prefix = m ? m[1]! : `${last}-`;
  const width = m ? m[2]!.length : 2;
  let n = m ? Number(m[2]) + 1 : 1;
  while (codes.has(`${prefix}${String(n).padStart(width, '0')}`)) n++;
  return `${prefix}${String(n).padStart(width, '0')}`;
}

function blankItem(code: string): DraftItem {
  const empty = () => ({ zh: '', en: '' });
  return {
    key: newKey(),
    code,
    text: empty(),
    guidance: empty(),
    legalBasis: empty(),
    severity: 'general',
    photoRequired: false,
    dueDays: '',
  };
}

function fromPublish(t: TemplatePublish): Draft {
  return {
    code: t.code,
    category: t.category,
    title: texts(t.title),
    sections: t.sections.map((s) => ({
      key: newKey(),
      title: texts(s.title),
      items: s.items.map((i) => ({
        key: newKey(),
        code: i.code,
        text: texts(i.text),
        guidance: texts(i.guidance),
        legalBasis: texts(i.legalBasis),
        severity: i.severity,
        photoRequired: i.photoRequired,
        dueDays: i.dueDays === undefined ? '' : String(i.dueDays),
      })),
    })),
  };
}

const optionalText = (t: Texts) => (t.zh.trim() || t.en.trim() ? { zh: t.zh, en: t.en } : undefined);

/** The draft in the API's shape (not yet checked). */
export function toPublish(d: Draft): unknown {
  return {
    code: d.code,
    category: d.category,
    title: { ...d.title },
    sections: d.sections.map((s) => ({
      title: { ...s.title },
      items: s.items.map((i) => ({
        code: i.code,
        text: { ...i.text },
        ...(optionalText(i.guidance) ? { guidance: optionalText(i.guidance) } : {}),
        ...(optionalText(i.legalBasis) ? { legalBasis: optionalText(i.legalBasis) } : {}),
        severity: i.severity,
        photoRequired: i.photoRequired,
        ...(i.dueDays.trim() === '' ? {} : { dueDays: Number(i.dueDays) }),
      })),
    })),
  };
}

export const useTemplateDraftStore = defineStore('admin-template-draft', () => {
  const draft = reactive<Draft>({ code: '', category: 'fire', title: { zh: '', en: '' }, sections: [] });
  /** What the draft was opened for: a code, or '' for a new template; null before anything was opened. */
  const target = shallowRef<string | null>(null);
  /** The code's latest published version when the draft was opened (publishing makes the next). */
  const base = shallowRef<{ id: string; version: number } | null>(null);
  const dirty = shallowRef(false);
  const errors = shallowRef<FieldErrors>({});
  const known = shallowRef<TemplateSummary[]>([]);

  const isExisting = computed(() => known.value.some((t) => t.code === draft.code) && target.value === draft.code);

  function replace(next: Draft) {
    Object.assign(draft, next);
    errors.value = {};
    dirty.value = false;
  }

  async function loadKnown(): Promise<void> {
    known.value = await adminApi.templates(true);
  }

  /** Opens the editor for a code's next version, or for a new template (code ''). Keeps an open draft of the same target. */
  async function open(code: string): Promise<void> {
    if (target.value === code && draft.sections.length) return;
    await loadKnown();
    const summary = known.value.find((t) => t.code === code);
    if (code && summary) {
      const latest = await adminApi.template(summary.latest.id);
      replace(fromPublish(latest));
      base.value = { id: latest.id, version: latest.version };
    } else {
      const section = { key: newKey(), title: { zh: '', en: '' }, items: [blankItem('ITEM-01')] };
      replace({ code: '', category: 'fire', title: { zh: '', en: '' }, sections: [section] });
      base.value = null;
    }
    target.value = code;
  }

  function changed() {
    dirty.value = true;
  }

  function addSection() {
    draft.sections.push({ key: newKey(), title: { zh: '', en: '' }, items: [blankItem(nextItemCode(draft))] });
    changed();
  }

  function removeSection(index: number) {
    draft.sections.splice(index, 1);
    changed();
  }

  function moveSection(from: number, to: number) {
    if (to < 0 || to >= draft.sections.length || from === to) return;
    const [s] = draft.sections.splice(from, 1);
    draft.sections.splice(to, 0, s!);
    changed();
  }

  function addItem(section: number): DraftItem {
    const item = blankItem(nextItemCode(draft));
    draft.sections[section]!.items.push(item);
    changed();
    return item;
  }

  function removeItem(section: number, index: number) {
    draft.sections[section]!.items.splice(index, 1);
    changed();
  }

  /** Moves an item to `to` (section, index in that section before the move's removal is undone). */
  function moveItem(from: { section: number; index: number }, to: { section: number; index: number }) {
    const source = draft.sections[from.section]?.items;
    const dest = draft.sections[to.section]?.items;
    if (!source || !dest || to.index < 0 || to.index > dest.length) return;
    if (source === dest && (to.index === from.index || to.index === from.index + 1)) return;
    const [item] = source.splice(from.index, 1);
    const index = source === dest && to.index > from.index ? to.index - 1 : to.index;
    dest.splice(index, 0, item!);
    changed();
  }

  function check(t: Translate): TemplatePublish | undefined {
    const parsed = TemplatePublish.safeParse(toPublish(draft));
    errors.value = parsed.success ? {} : zodErrors(parsed.error, t);
    return parsed.success ? parsed.data : undefined;
  }

  /**
   * Publishes the draft as the code's next version; field problems the server
   * finds land on their fields. Versions are whole copies, not merges: unless
   * `overwrite`, a version published by someone else since the draft was
   * opened stops it (StaleDraftError) so the admin can look first.
   */
  async function publish(t: Translate, overwrite = false): Promise<{ id: string; code: string; version: number } | undefined> {
    const body = check(t);
    if (!body) return undefined;
    if (!overwrite && isExisting.value) {
      await loadKnown();
      const latest = known.value.find((k) => k.code === body.code)?.latest.version ?? 0;
      if (latest > (base.value?.version ?? 0)) throw new StaleDraftError(latest);
    }
    try {
      const published = await adminApi.publishTemplate(body);
      dirty.value = false;
      target.value = null;
      return published;
    } catch (err) {
      errors.value = serverErrors(err);
      throw err;
    }
  }

  function exportJson(): string {
    return JSON.stringify(toPublish(toRaw(draft)), null, 2);
  }

  /** A template exported from here, or a published version as the API gives it. */
  function importJson(text: string, t: Translate): void {
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch {
      throw new DraftFileError(t('admin.editor.notJson'));
    }
    const object = (raw && typeof raw === 'object' ? raw : {}) as Partial<Template>;
    const { id: _id, version: _v, publishedAt: _p, retired: _r, ...body } = object;
    const parsed = TemplatePublish.safeParse(body);
    if (!parsed.success) {
      const first = parsed.error.issues[0];
      throw new DraftFileError(t('admin.editor.notTemplate', { where: first ? first.path.join('.') || '—' : '—' }));
    }
    replace(fromPublish(parsed.data));
    target.value = known.value.some((k) => k.code === parsed.data.code) ? parsed.data.code : '';
    const summary = known.value.find((k) => k.code === parsed.data.code);
    base.value = summary ? { id: summary.latest.id, version: summary.latest.version } : null;
    dirty.value = true;
  }

  return {
    draft,
    target,
    base,
    dirty,
    errors,
    known,
    isExisting,
    loadKnown,
    open,
    changed,
    addSection,
    removeSection,
    moveSection,
    addItem,
    removeItem,
    moveItem,
    check,
    publish,
    exportJson,
    importJson,
  };
});

/** The template codes with their versions, as the list screen shows them. */
export const useTemplateListStore = defineStore('admin-template-list', () => {
  const items = shallowRef<TemplateSummary[]>([]);
  const includeRetired = shallowRef(false);
  const loading = shallowRef(false);
  const error = shallowRef<unknown>(null);

  async function load(): Promise<void> {
    loading.value = true;
    error.value = null;
    try {
      items.value = await adminApi.templates(includeRetired.value);
    } catch (err) {
      error.value = err;
    } finally {
      loading.value = false;
    }
  }

  async function retire(code: string): Promise<void> {
    const retired = await adminApi.retireTemplate(code);
    items.value = includeRetired.value
      ? items.value.map((t) => (t.code === code ? retired : t))
      : items.value.filter((t) => t.code !== code);
  }

  /** A published version as JSON in the publish shape: edit it elsewhere, import it back. */
  async function exportVersion(id: string): Promise<{ name: string; json: string }> {
    const { id: _id, version, publishedAt: _p, retired: _r, ...body } = await adminApi.template(id);
    return { name: `${body.code}-v${version}.json`, json: JSON.stringify(body, null, 2) };
  }

  return { items, includeRetired, loading, error, load, retire, exportVersion };
});
