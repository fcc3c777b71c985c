/**
 * Whether the browser believes it has a network. `navigator.onLine` can say
 * "online" behind a captive portal, so this only drives hints; requests still
 * find out for themselves (NetworkError).
 */
import { readonly, ref } from 'vue';

const online = ref(navigator.onLine);
window.addEventListener('online', () => (online.value = true));
window.addEventListener('offline', () => (online.value = false));

export function useOnline() {
  return readonly(online);
}
