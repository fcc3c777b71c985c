/** The inspector's screens: starting and running inspections, re-inspection, the printed records. */
import type { RouteRecordRaw } from 'vue-router';

const INSPECT = ['inspector', 'admin'] as const;
const DECIDE = ['inspector', 'supervisor', 'admin'] as const;

export const routes: RouteRecordRaw[] = [
  {
    path: '/inspect/new',
    component: () => import('../views/inspect/InspectionNew.vue'),
    meta: { roles: INSPECT, title: 'inspect.new.title' },
  },
  {
    path: '/inspect/:id',
    component: () => import('../views/inspect/InspectionRun.vue'),
    meta: { roles: INSPECT, title: 'inspect.run.title', task: true },
  },
  {
    path: '/inspect/:id/finish',
    component: () => import('../views/inspect/InspectionFinish.vue'),
    meta: { roles: INSPECT, title: 'inspect.finishing.title', task: true },
  },
  {
    path: '/inspections/:id',
    component: () => import('../views/inspect/InspectionShow.vue'),
    meta: { title: 'inspect.show.title', messages: ['print'] },
  },
  {
    path: '/reinspect',
    component: () => import('../views/inspect/ReinspectQueue.vue'),
    meta: { roles: DECIDE, title: 'inspect.reinspect.title', messages: ['findingPage'], nav: { label: 'inspect.reinspect.title', icon: 'check', order: 20 } },
  },
  {
    path: '/inspections/:id/print',
    component: () => import('../views/print/InspectionRecordPrint.vue'),
    meta: { title: 'print.record.title' },
  },
  {
    path: '/enterprises/:id/notice',
    component: () => import('../views/print/RectificationNoticePrint.vue'),
    meta: { title: 'print.notice.title' },
  },
];
