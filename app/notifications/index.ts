/**
 * Notifications as the screens use them: the computation
 * (./notifications), the per-user "last looked" marker (./seen), the
 * navigation badge (./badge) and the list (./useNotificationList), from one
 * module — the navigation bar loads it lazily, and the notification screen
 * then shares that one download.
 */
export * from './badge';
export * from './notifications';
export * from './seen';
export * from './useNotificationList';
