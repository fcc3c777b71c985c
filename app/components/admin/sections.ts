/** The admin sections, in the order of the tabs and of the overview page. */
import type { IconName } from '../AppIcon.vue';

export const ADMIN_SECTIONS = [
  { key: 'regions', path: '/admin/regions', icon: 'location' },
  { key: 'parks', path: '/admin/parks', icon: 'home' },
  { key: 'enterprises', path: '/admin/enterprises', icon: 'list' },
  { key: 'users', path: '/admin/users', icon: 'settings' },
  { key: 'templates', path: '/admin/templates', icon: 'clipboard' },
  { key: 'dingtalk', path: '/admin/dingtalk', icon: 'bell' },
  { key: 'audit', path: '/admin/audit', icon: 'clock' },
] as const satisfies readonly { key: string; path: string; icon: IconName }[];
