/**
 * Importing enterprises: the chosen file, the server's preview of it, and the
 * result of the import the admin then chose. With no rejected row the file
 * is imported as a whole (mode=all: if anything changed since the preview,
 * nothing is written and the new report says why); with rejected rows the
 * admin may import only the valid ones (mode=valid) or nothing.
 */
import { defineStore } from 'pinia';
import { computed, shallowRef } from 'vue';
import type { ImportReport } from '../../shared/schemas/admin';
import { downloadImportTemplate, uploadEnterprises } from './admin';

export const useAdminImportStore = defineStore('admin-import', () => {
  const file = shallowRef<File | null>(null);
  const preview = shallowRef<ImportReport | null>(null);
  const result = shallowRef<ImportReport | null>(null);
  const busy = shallowRef<'preview' | 'import' | 'template' | null>(null);
  const error = shallowRef<unknown>(null);

  const canImport = computed(() => !!preview.value && preview.value.valid > 0 && !result.value);

  async function run<T>(what: NonNullable<typeof busy.value>, fn: () => Promise<T>): Promise<T | undefined> {
    busy.value = what;
    error.value = null;
    try {
      return await fn();
    } catch (err) {
      error.value = err;
      return undefined;
    } finally {
      busy.value = null;
    }
  }

  async function choose(chosen: File): Promise<void> {
    file.value = chosen;
    preview.value = null;
    result.value = null;
    preview.value = (await run('preview', () => uploadEnterprises(chosen, 'preview'))) ?? null;
  }

  async function importRows(): Promise<void> {
    const chosen = file.value;
    if (!chosen || !preview.value) return;
    const mode = preview.value.rejected.length ? 'valid' : 'all';
    result.value = (await run('import', () => uploadEnterprises(chosen, mode))) ?? null;
  }

  function reset(): void {
    file.value = null;
    preview.value = null;
    result.value = null;
    error.value = null;
  }

  const downloadTemplate = (format: 'xlsx' | 'csv', name: string) => run('template', () => downloadImportTemplate(format, name));

  return { file, preview, result, busy, error, canImport, choose, importRows, reset, downloadTemplate };
});
