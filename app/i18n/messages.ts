/**
 * The shape of all UI text: the core messages (zh-CN.ts) plus one namespace
 * per feature area. Each area file in ./areas declares its own namespace here
 * (module augmentation), so an area is added without editing shared files:
 *
 *   export const zh = { title: '…' };
 *   export const en: typeof zh = { title: '…' };
 *   declare module '../messages' { interface AreaMessages { reports: typeof zh } }
 *
 * The file name is the namespace (areas/reports.ts → t('reports.title')).
 */
import type { CoreMessages } from './zh-CN';

// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface AreaMessages {}

export type MessageSchema = CoreMessages & AreaMessages;
