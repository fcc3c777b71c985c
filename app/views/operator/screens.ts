/**
 * The screens of this area load as one download: the operator's home, the
 * enterprise file, notifications and extension requests. Users move between them
 * constantly, and every separately loaded screen costs the first screen an
 * entry in its preload map (the inspector's first screen has a weight budget).
 */
export { default as OperatorHome } from './OperatorHome.vue';
export { default as EnterpriseShow } from '../enterprises/EnterpriseShow.vue';
export { default as NotificationList } from '../notifications/NotificationList.vue';
export { default as ExtensionList } from '../extensions/ExtensionList.vue';
