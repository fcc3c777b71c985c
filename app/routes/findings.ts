/** A finding's page (every role in scope) and the sync page. */
import type { RouteRecordRaw } from 'vue-router';

export const routes: RouteRecordRaw[] = [
  {
    path: '/findings/:id',
    component: () => import('../views/findings/FindingShow.vue'),
    meta: { title: 'findingPage.title' },
  },
  {
    path: '/majors',
    component: () => import('../views/findings/MajorList.vue'),
    meta: { roles: ['supervisor', 'admin'], title: 'findingPage.majors.title' },
  },
  {
    path: '/sync',
    component: () => import('../views/SyncPage.vue'),
    meta: { title: 'sync.title', nav: { label: 'sync.nav.title', icon: 'sync', order: 90 } },
  },
];
