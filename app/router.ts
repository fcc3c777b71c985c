/**
 * Routes. Every route needs a login unless `meta.public`; `meta.roles` limits a
 * route to some roles, and a route the role may not see answers "page not
 * found", as the server answers 404 for what is outside the caller's scope.
 * Login and home are in the entry chunk (the first screens); the rest load lazily.
 */
import type { Ref } from 'vue';
import { createRouter, createWebHistory, type RouteLocationRaw, type RouteRecordRaw } from 'vue-router';
import type { Role } from '../shared/finding-machine';
import type { IconName } from './components/AppIcon.vue';
import { loadAreasFor, type AreaName } from './i18n';
import type { MessageSchema } from './i18n/messages';
import { useSessionStore } from './stores/session';
import HomeView from './views/HomeView.vue';

/** The message keys that can name a page: any `….title`, at any depth. */
type TitleKeys<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? (K extends 'title' ? `${P}${K}` : never) : T[K] extends object ? TitleKeys<T[K], `${P}${K}.`> : never;
}[keyof T & string];
type TitleKey = TitleKeys<MessageSchema>;

declare module 'vue-router' {
  interface RouteMeta {
    public?: boolean;
    roles?: readonly Role[];
    title?: TitleKey;
    /**
     * Shown in the navigation bar (for the route's roles), in `order`. `badge`
     * loads (lazily, so its code stays off the first screen) a live count shown
     * on the entry, e.g. unseen notifications; 0 or undefined shows none.
     */
    nav?: { label: TitleKey; icon: IconName; order: number; badge?: () => Promise<Readonly<Ref<number | undefined>>> };
    /**
     * A task screen (running an inspection): no navigation bar, so a tap meant
     * for the task's buttons (a quick second tap on 保存隐患) never leaves it.
     */
    task?: boolean;
    /** Message areas the route uses besides its title's (loaded before it opens). */
    messages?: readonly AreaName[];
  }
}

/** Feature areas' routes: each file in ./routes exports `routes` (lazy components, so no area loads up front). */
const areaRoutes = Object.values(import.meta.glob<{ routes: RouteRecordRaw[] }>('./routes/*.ts', { eager: true })).flatMap(
  (m) => m.routes,
);

export const router = createRouter({
  history: createWebHistory(),
  routes: [
    { path: '/login', name: 'login', component: () => import('./views/AuthLogin.vue'), meta: { public: true, title: 'login.title' } },
    { path: '/', name: 'home', component: HomeView, meta: { title: 'home.title', nav: { label: 'home.title', icon: 'home', order: 0 } } },
    ...areaRoutes,
    {
      path: '/:pathMatch(.*)*',
      name: 'not-found',
      component: () => import('./views/NotFound.vue'),
      meta: { public: true, title: 'notFound.title' },
    },
  ],
  scrollBehavior: (_to, _from, savedPosition) => savedPosition ?? { top: 0 },
});

/** Only paths inside the app: an open redirect to another site must not be possible. */
export function safeRedirect(value: unknown): string {
  return typeof value === 'string' && value.startsWith('/') && !value.startsWith('//') ? value : '/';
}

router.beforeEach(async (to): Promise<RouteLocationRaw | true> => {
  await loadAreasFor(to);
  const session = useSessionStore();
  if (to.name === 'login' && session.isLoggedIn) return safeRedirect(to.query.redirect);
  if (to.meta.public) return true;
  if (!session.isLoggedIn) return { name: 'login', query: to.fullPath === '/' ? {} : { redirect: to.fullPath } };
  const roles = to.meta.roles;
  if (roles && !(session.role && roles.includes(session.role))) {
    return { name: 'not-found', params: { pathMatch: to.path.slice(1).split('/') }, query: to.query, hash: to.hash };
  }
  return true;
});
