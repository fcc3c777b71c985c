/** In-app notices, with the count of unseen ones on the navigation bar. */
import type { RouteRecordRaw } from 'vue-router';

export const routes: RouteRecordRaw[] = [
  {
    path: '/notices',
    component: () => import('../views/operator/screens').then((m) => m.NoticeList),
    meta: {
      roles: ['operator', 'inspector', 'supervisor'],
      title: 'notices.title',
      messages: ['findingPage'],
      nav: { label: 'notices.nav.title', icon: 'bell', order: 40, badge: () => import('../notices').then((m) => m.unseenNoticeCount()) },
    },
  },
];
