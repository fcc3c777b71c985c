/**
 * Notices as the screens use them: the computation (./notices), the
 * per-user "last looked" marker (./seen) and the navigation badge
 * (./badge), from one module — the navigation bar loads it lazily, and the
 * notice screens then share that one download.
 */
export * from './badge';
export * from './notices';
export * from './seen';
