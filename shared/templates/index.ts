/**
 * The default checklist templates the server publishes into an empty database on first start:
 * fire (消防), work safety (安全生产) and environment (环保). Citations follow CHECKLISTS.md; article numbers
 * it marks as unconfirmed are left out on purpose.
 */
import type { TemplatePublish } from '../schemas/admin';
import { ENVIRONMENT_TEMPLATE } from './environment';
import { FIRE_TEMPLATE } from './fire';
import { SAFETY_TEMPLATE } from './safety';

export { ENVIRONMENT_TEMPLATE, FIRE_TEMPLATE, SAFETY_TEMPLATE };

export const DEFAULT_TEMPLATES: TemplatePublish[] = [FIRE_TEMPLATE, SAFETY_TEMPLATE, ENVIRONMENT_TEMPLATE];
