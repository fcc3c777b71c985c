/** Administration of checklist templates: publishing versions and retiring codes. */
import { randomUUID } from 'node:crypto';
import { formatInstant } from '../../../shared/dates';
import type { TemplatePublish, TemplateSummary } from '../../../shared/schemas/admin';
import type { Template } from '../../../shared/schemas/entities';
import type { Tx } from '../../db/client';
import {
  allTemplateVersions,
  getTemplate,
  insertTemplate,
  latestTemplateVersion,
  lockTemplateCode,
  retireTemplateCode,
} from '../../repo/catalog';
import { toTemplate } from '../../repo/mappers';
import { writeTx, type ChangeSet } from '../../repo/write';
import { notFound } from '../errors';
import type { Services } from '../services';
import { auditAction, type AuditInfo } from './common';

/** Publishing the same code again makes version n+1; a published version never changes. */
export async function publishTemplate(
  s: Services,
  input: TemplatePublish,
  who: AuditInfo | null,
): Promise<{ id: string; code: string; version: number }> {
  return writeTx(s.db, (tx, changes) => insertTemplateVersion(tx, changes, input, who));
}

export async function insertTemplateVersion(
  tx: Tx,
  changes: ChangeSet,
  input: TemplatePublish,
  who: AuditInfo | null,
): Promise<{ id: string; code: string; version: number }> {
  // Two admins publishing one code at once must get n+1 and n+2, not a clash.
  await lockTemplateCode(tx, input.code);
  const version = (await latestTemplateVersion(tx, input.code)) + 1;
  const id = randomUUID();
  await insertTemplate(tx, {
    id,
    code: input.code,
    version,
    category: input.category,
    title: input.title,
    sections: input.sections,
    publishedBy: who?.actor.id ?? null,
  });
  changes.template(id);
  if (who) await auditAction(tx, who, 'admin.template.publish', id, { code: input.code, version });
  return { id, code: input.code, version };
}

type VersionRow = Awaited<ReturnType<typeof allTemplateVersions>>[number];

function summaries(s: Services, rows: VersionRow[]): TemplateSummary[] {
  const byCode = new Map<string, VersionRow[]>();
  for (const r of rows) byCode.set(r.code, [...(byCode.get(r.code) ?? []), r]);
  return [...byCode.values()].map((versions) => {
    const info = versions.map((v) => ({
      id: v.id,
      version: v.version,
      publishedAt: formatInstant(v.publishedAt, s.tz),
      publishedBy: v.publishedBy,
      retired: v.retiredAt !== null,
      itemCount: v.itemCount,
    }));
    const latest = versions[0]!;
    return {
      code: latest.code,
      category: latest.category,
      title: latest.title,
      retired: info[0]!.retired,
      latest: info[0]!,
      versions: info,
    };
  });
}

export async function adminTemplates(s: Services, includeRetired: boolean): Promise<TemplateSummary[]> {
  const all = summaries(s, await allTemplateVersions(s.db));
  return includeRetired ? all : all.filter((t) => !t.retired);
}

export async function adminTemplate(s: Services, id: string): Promise<Template> {
  const row = await getTemplate(s.db, id);
  if (!row) throw notFound('no such template version');
  return toTemplate(row, s.tz);
}

/**
 * Phones stop offering a retired template (they hear of each version's
 * retirement by sync); inspections already made keep their version, and an
 * inspection started on it before still submits. Publishing the code again
 * brings it back as a new version.
 */
export async function retireTemplate(s: Services, code: string, who: AuditInfo): Promise<TemplateSummary> {
  await writeTx(s.db, async (tx, changes) => {
    await lockTemplateCode(tx, code);
    if (!(await latestTemplateVersion(tx, code))) throw notFound('no such template');
    const retired = await retireTemplateCode(tx, code, s.now());
    for (const id of retired) changes.template(id);
    if (retired.length) await auditAction(tx, who, 'admin.template.retire', code, { versions: retired.length });
  });
  const summary = (await adminTemplates(s, true)).find((t) => t.code === code);
  if (!summary) throw notFound('no such template');
  return summary;
}
