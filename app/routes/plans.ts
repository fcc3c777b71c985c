/** Inspection plans for supervisors (and admins); inspectors see theirs on Today. */
import type { RouteRecordRaw } from 'vue-router';

const MAKERS = ['supervisor', 'admin'] as const;

export const routes: RouteRecordRaw[] = [
  {
    path: '/plans',
    component: () => import('../views/plans/PlanList.vue'),
    meta: { roles: MAKERS, title: 'plans.list.title', messages: ['reports'], nav: { label: 'plans.nav.title', icon: 'clipboard', order: 25 } },
  },
  {
    path: '/plans/new',
    component: () => import('../views/plans/PlanNew.vue'),
    meta: { roles: MAKERS, title: 'plans.new.title' },
  },
  {
    path: '/plans/:id',
    component: () => import('../views/plans/PlanShow.vue'),
    meta: { roles: MAKERS, title: 'plans.show.title', messages: ['reports'] },
  },
];
