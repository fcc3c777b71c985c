/** Deadline extension requests waiting for a decision, for those who decide them (linked from their notifications). */
import type { RouteRecordRaw } from 'vue-router';

export const routes: RouteRecordRaw[] = [
  {
    path: '/extensions',
    component: () => import('../views/operator/screens').then((m) => m.ExtensionList),
    meta: { roles: ['inspector', 'supervisor', 'admin'], title: 'extensions.title', messages: ['findingPage'] },
  },
];
