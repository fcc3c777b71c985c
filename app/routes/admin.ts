/** The admin screens (role admin): regions, parks, enterprises and their import, users, templates, the audit log. */
import type { RouteRecordRaw } from 'vue-router';
import type * as Screens from '../views/admin/screens';

const roles = ['admin'] as const;
const screen = (name: keyof typeof Screens) => () => import('../views/admin/screens').then((m) => m[name]);

export const routes: RouteRecordRaw[] = [
  {
    path: '/admin',
    component: screen('AdminLayout'),
    meta: { roles, title: 'admin.title', nav: { label: 'admin.nav.title', icon: 'settings', order: 80 } },
    children: [
      { path: '', name: 'admin', component: screen('AdminHome') },
      { path: 'regions', component: screen('RegionList'), meta: { title: 'admin.regions.title' } },
      { path: 'parks', component: screen('ParkList'), meta: { title: 'admin.parks.title' } },
      { path: 'enterprises', component: screen('EnterpriseList'), meta: { title: 'admin.enterprises.title' } },
      { path: 'enterprises/import', component: screen('EnterpriseImport'), meta: { title: 'admin.import.title' } },
      { path: 'users', component: screen('UserList'), meta: { title: 'admin.users.title' } },
      { path: 'templates', component: screen('TemplateList'), meta: { title: 'admin.templates.title' } },
      {
        path: 'templates/edit/:code?',
        name: 'admin-template-edit',
        component: screen('TemplateEdit'),
        meta: { title: 'admin.editor.title' },
      },
      { path: 'dingtalk', component: screen('DingtalkList'), meta: { title: 'admin.dingtalk.title' } },
      { path: 'audit', component: screen('AuditList'), meta: { title: 'admin.audit.title' } },
    ],
  },
];
