/** Rows → the API's objects (shared/schemas/entities.ts). Timestamps are written in PARKCHECK_TZ. */
import { formatInstant, isOverdue } from '../../shared/dates';
import type {
  Enterprise,
  Finding,
  FindingEvent,
  Inspection,
  Park,
  Region,
  Template,
  User,
} from '../../shared/schemas/entities';
import type * as s from '../db/schema';

type Row<T extends { $inferSelect: unknown }> = T['$inferSelect'];

export interface MapContext {
  tz: string;
  /** Today in tz, for `overdue`. */
  today: string;
}

export const toUser = (u: Pick<Row<typeof s.users>, 'id' | 'username' | 'name' | 'role' | 'regionIds' | 'parkIds'>): User => ({
  id: u.id,
  username: u.username,
  name: u.name,
  role: u.role,
  regionIds: u.regionIds,
  parkIds: u.parkIds,
});

export const toRegion = (r: Row<typeof s.regions>): Region => ({
  id: r.id,
  name: r.name,
  parentId: r.parentId,
  path: r.path,
  disabled: r.disabledAt !== null,
});

export const toPark = (p: Row<typeof s.parks>): Park => ({
  id: p.id,
  name: p.name,
  regionId: p.regionId,
  address: p.address,
  starRating: p.starRating,
  areaMu: p.areaMu,
  floorArea: p.floorArea,
  disabled: p.disabledAt !== null,
});

export const toEnterprise = (e: Row<typeof s.enterprises>): Enterprise => ({
  id: e.id,
  parkId: e.parkId,
  name: e.name,
  creditCode: e.creditCode,
  building: e.building,
  contactName: e.contactName,
  contactPhone: e.contactPhone,
  disabled: e.disabledAt !== null,
});

export const toTemplate = (t: Row<typeof s.templates>, tz: string): Template => ({
  id: t.id,
  code: t.code,
  version: t.version,
  category: t.category,
  title: t.title,
  sections: t.sections,
  publishedAt: formatInstant(t.publishedAt, tz),
  retired: t.retiredAt !== null,
});

export const toInspection = (i: Row<typeof s.inspections>, tz: string): Inspection => ({
  id: i.id,
  templateId: i.templateId,
  parkId: i.parkId,
  enterpriseId: i.enterpriseId,
  inspectorId: i.inspectorId,
  inspectorName: i.inspectorName,
  inspectedAt: formatInstant(i.inspectedAt, tz),
  receivedAt: formatInstant(i.receivedAt, tz),
  geo: i.geo,
  signatureAttachmentId: i.signatureAttachmentId,
  note: i.note,
  answers: i.answers,
});

const instantOrNull = (d: Date | null, tz: string) => (d ? formatInstant(d, tz) : null);

export const toFinding = (f: Row<typeof s.findings>, ctx: MapContext): Finding => ({
  id: f.id,
  inspectionId: f.inspectionId,
  parkId: f.parkId,
  enterpriseId: f.enterpriseId,
  templateId: f.templateId,
  itemCode: f.itemCode,
  category: f.category,
  severity: f.severity,
  description: f.description,
  location: f.location,
  requirement: f.requirement,
  dueDate: f.dueDate,
  status: f.status,
  rectifiedOnSite: f.rectifiedOnSite,
  attachmentIds: f.attachmentIds,
  observedAt: formatInstant(f.observedAt, ctx.tz),
  rectifiedAt: instantOrNull(f.rectifiedAt, ctx.tz),
  closedAt: instantOrNull(f.closedAt, ctx.tz),
  overdue: isOverdue(f.status, f.dueDate, ctx.today),
  pendingExtension: f.pendingExtension,
  submittedBy: f.submittedBy,
  updatedAt: formatInstant(f.updatedAt, ctx.tz),
});

export const toFindingEvent = (e: Row<typeof s.findingEvents>, tz: string): FindingEvent => ({
  id: e.id,
  findingId: e.findingId,
  parkId: e.parkId,
  type: e.type,
  actorId: e.actorId,
  actorName: e.actorName,
  actorRole: e.actorRole,
  at: formatInstant(e.at, tz),
  ordinal: e.ordinal,
  clientTime: formatInstant(e.clientTime, tz),
  note: e.note,
  attachmentIds: e.attachmentIds,
  newDueDate: e.newDueDate,
  approve: e.approve,
});
