/**
 * A reactive object URL for the photo with the given id, held while the
 * component lives and released when the id changes or it unmounts. A late
 * answer for an id that is no longer wanted is released at once.
 */
import { onBeforeUnmount, ref, watch } from 'vue';
import { acquirePhotoUrl, releasePhotoUrl } from './urls';

export function usePhotoUrl(id: () => string | null | undefined) {
  const url = ref<string>();
  /** True once the photo is known to be neither on the phone nor reachable. */
  const missing = ref(false);
  let held: string | undefined;

  watch(
    id,
    async (wanted) => {
      if (held) releasePhotoUrl(held);
      held = undefined;
      url.value = undefined;
      missing.value = false;
      if (!wanted) return;
      const got = await acquirePhotoUrl(wanted);
      if (wanted !== id()) {
        if (got) releasePhotoUrl(wanted);
        return;
      }
      held = got ? wanted : undefined;
      url.value = got;
      missing.value = !got;
    },
    { immediate: true },
  );
  onBeforeUnmount(() => held && releasePhotoUrl(held));
  return { url, missing };
}
