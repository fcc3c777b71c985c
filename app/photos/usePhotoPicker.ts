/**
 * Adding photos to a form: each made small on the phone and stored at once
 * (so a dead battery loses nothing), its id added to the form's list. The
 * form that owns the list deletes the stored photos it drops when it is
 * saved or cancelled (settlePhotos).
 */
import { ref } from 'vue';
import { appDb } from '../db/database';
import { storePhoto } from '../sync/photos';
import { compressPhoto } from './compress';

export function usePhotoPicker(ids: () => string[], update: (ids: string[]) => void) {
  /** Photos being compressed and stored. */
  const busy = ref(0);
  /** The last photo added could not be read or stored. */
  const failed = ref(false);

  async function add(files: File[]): Promise<void> {
    failed.value = false;
    let list = [...ids()];
    for (const file of files) {
      busy.value++;
      try {
        const photo = await compressPhoto(file);
        list = [...list, await storePhoto(appDb(), photo.bytes, photo.type)];
        update(list);
      } catch {
        failed.value = true;
      } finally {
        busy.value--;
      }
    }
  }

  const remove = (id: string) => update(ids().filter((x) => x !== id));

  return { busy, failed, add, remove };
}
