/** The enterprise file (一企一档), for every role in scope. */
import type { RouteRecordRaw } from 'vue-router';

export const routes: RouteRecordRaw[] = [
  {
    path: '/enterprises/:id',
    component: () => import('../views/operator/screens').then((m) => m.EnterpriseShow),
    meta: { title: 'enterprise.title', messages: ['findingPage'] },
  },
];
