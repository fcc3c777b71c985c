/**
 * Every admin screen, loaded as one chunk: admins work online on a desktop,
 * and one lazy import keeps the app's first download (which lists each lazy
 * chunk it may load) from growing with every admin screen.
 */
export { default as AdminLayout } from './AdminLayout.vue';
export { default as AdminHome } from './AdminHome.vue';
export { default as RegionList } from './RegionList.vue';
export { default as ParkList } from './ParkList.vue';
export { default as EnterpriseList } from './EnterpriseList.vue';
export { default as EnterpriseImport } from './EnterpriseImport.vue';
export { default as UserList } from './UserList.vue';
export { default as TemplateList } from './TemplateList.vue';
export { default as TemplateEdit } from './TemplateEdit.vue';
export { default as AuditList } from './AuditList.vue';
export { default as DingtalkList } from './DingtalkList.vue';
