/** Supervisors' reports: the dashboard, the findings behind each number, the printable 通报. Lazy: ECharts stays here. */
import type { RouteRecordRaw } from 'vue-router';

const REPORTS = ['supervisor', 'inspector', 'admin'] as const;

export const routes: RouteRecordRaw[] = [
  {
    path: '/reports',
    component: () => import('../views/reports/ReportDashboard.vue'),
    meta: { roles: REPORTS, title: 'reports.dashboard.title', nav: { label: 'reports.title', icon: 'chart', order: 30 } },
  },
  {
    path: '/reports/findings',
    component: () => import('../views/reports/ReportFindingList.vue'),
    meta: { roles: REPORTS, title: 'reports.list.title' },
  },
  {
    path: '/reports/print',
    component: () => import('../views/reports/ReportPrint.vue'),
    meta: { roles: REPORTS, title: 'reports.print.title', messages: ['print'] },
  },
];
