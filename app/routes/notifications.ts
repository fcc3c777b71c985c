/** In-app notifications, with the count of unseen ones on the navigation bar. */
import type { RouteRecordRaw } from 'vue-router';

export const routes: RouteRecordRaw[] = [
  {
    path: '/notifications',
    component: () => import('../views/operator/screens').then((m) => m.NotificationList),
    meta: {
      roles: ['operator', 'inspector', 'supervisor'],
      title: 'notifications.title',
      messages: ['findingPage'],
      nav: {
        label: 'notifications.nav.title',
        icon: 'bell',
        order: 40,
        badge: () => import('../notifications').then((m) => m.unseenNotificationCount()),
      },
    },
  },
];
