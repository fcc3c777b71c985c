/** Deadline extension requests waiting for a decision, for those who decide them (linked from their notices). */
import type { RouteRecordRaw } from 'vue-router';

export const routes: RouteRecordRaw[] = [
  {
    path: '/extensions',
    component: () => import('../views/operator/screens').then((m) => m.ExtensionList),
    meta: { roles: ['inspector', 'supervisor', 'admin'], title: 'notices.extensionList.title', messages: ['findingPage'] },
  },
];
