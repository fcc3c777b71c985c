import './csp';
import { createPinia } from 'pinia';
import { createApp, watch } from 'vue';
import App from './App.vue';
import { i18n, ready, setTimeZone } from './i18n';
import { whenIdle } from './idle';
import { startPwa } from './pwa';
import { router } from './router';
import { useSessionStore } from './stores/session';
import './styles/theme.css';
import './styles/base.css';

const app = createApp(App).use(createPinia()).use(i18n).use(router);

const session = useSessionStore();
// Dates show in the deployment's zone, as kept with the session (/api/me may correct it).
watch(() => session.tz, setTimeZone, { immediate: true });

// Never wait for the server: a saved session opens the app offline; /api/me only updates it,
// now if there is a network, else when it comes back.
const refresh = () => session.refresh().catch((error: unknown) => console.warn('Could not refresh the session', error));
if (navigator.onLine) void refresh();
else window.addEventListener('online', () => void refresh(), { once: true });

// English, when chosen, loads before the first render: no flash of Chinese.
// The service worker registers once the first screen is up: it competes with it for the CPU.
void ready.then(() => {
  app.mount('#app');
  void whenIdle().then(startPwa);
});
