/**
 * Adding photos to a form: each made small on the phone and stored at once
 * (so a dead battery loses nothing), its id added to the form's list. A photo
 * taken here and removed again is deleted at once; the form that owns the
 * list deletes the earlier photos it drops when it is saved or cancelled
 * (settlePhotos). None is sent before a saved change references it.
 */
import { ref } from 'vue';
import { appDb } from '../db/database';
import { deletePhoto, storePhoto } from '../sync/photos';
import { compressPhoto } from './compress';

export function usePhotoPicker(ids: () => string[], update: (ids: string[]) => void) {
  /** Photos being compressed and stored. */
  const busy = ref(0);
  /** The last photo added could not be read or stored. */
  const failed = ref(false);
  const taken = new Set<string>();

  async function add(files: File[]): Promise<void> {
    failed.value = false;
    let list = [...ids()];
    for (const file of files) {
      busy.value++;
      try {
        const photo = await compressPhoto(file);
        const id = await storePhoto(appDb(), photo.bytes, photo.type);
        taken.add(id);
        list = [...list, id];
        update(list);
      } catch {
        failed.value = true;
      } finally {
        busy.value--;
      }
    }
  }

  function remove(id: string) {
    update(ids().filter((x) => x !== id));
    if (taken.delete(id)) void deletePhoto(appDb(), id);
  }

  return { busy, failed, add, remove };
}
