/**
 * Checklist templates as the editor sees them: every code with all its
 * versions, one version in full, and retiring a code — which phones hear of
 * by sync, while inspections started on it still submit.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_TEMPLATES } from '../../shared/templates';
import { pushOne, submit } from '../support/mutations';
import { startTestServer, type TestServer } from '../support/server';
import { buildWorld, type World } from '../support/world';

let t: TestServer;
let w: World;

beforeAll(async () => {
  t = await startTestServer();
  w = await buildWorld(t);
});
afterAll(() => t.close());

const get = (path: string) => t.call('GET', `/api/admin/${path}`, { token: w.tokens.admin });
const post = (path: string, body?: unknown) => t.call('POST', `/api/admin/${path}`, { token: w.tokens.admin, body });
const fire = () => structuredClone(DEFAULT_TEMPLATES.find((x) => x.category === 'fire')!);
const items = (tpl: { sections: { items: unknown[] }[] }) => tpl.sections.reduce((n, s) => n + s.items.length, 0);

describe('the template list', () => {
  it('shows each code once, its latest title and every version newest first, with who published it', async () => {
    const body = { ...fire(), code: 'FIRE-LIST' };
    await post('templates', body);
    body.title = { zh: '修订版', en: 'Revised' };
    await post('templates', body);
    const res = await get('templates');
    expect(res.status).toBe(200);
    const entry = res.body.items.find((x: { code: string }) => x.code === 'FIRE-LIST');
    expect(entry).toMatchObject({ code: 'FIRE-LIST', category: 'fire', title: { zh: '修订版', en: 'Revised' }, retired: false });
    expect(entry.versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    expect(entry.latest).toEqual(entry.versions[0]);
    expect(entry.latest).toMatchObject({
      publishedBy: 'admin',
      retired: false,
      itemCount: items(body),
      publishedAt: expect.stringMatching(/\+08:00$/),
    });
    const builtIn = res.body.items.find((x: { code: string }) => x.code === 'FIRE');
    expect(builtIn.latest.publishedBy).toBeNull();
  });

  it('gives one version in full, as phones receive it', async () => {
    const res = await get(`templates/${w.templates.fire}`);
    expect(res.body).toMatchObject({ id: w.templates.fire, code: 'FIRE', version: 1, sections: fire().sections, retired: false });
    expect((await get('templates/00000000-0000-4000-8000-000000000000')).status).toBe(404);
  });
});

describe('retiring a template', () => {
  it('hides it from phones and from the list, keeps it under includeRetired, and publishing again brings it back', async () => {
    const v1 = (await post('templates', { ...fire(), code: 'FIRE-RETIRE' })).body;
    const cursor = (await t.call('GET', '/api/sync/pull?limit=2000', { token: w.tokens.inspA })).body.cursor;
    const res = await post('templates/FIRE-RETIRE/retire');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ code: 'FIRE-RETIRE', retired: true, versions: [{ id: v1.id, retired: true }] });
    const pulled = await t.call('GET', `/api/sync/pull?cursor=${cursor}`, { token: w.tokens.inspA });
    expect(pulled.body.changes).toContainEqual(
      expect.objectContaining({ kind: 'template', id: v1.id, data: expect.objectContaining({ retired: true }) }),
    );
    const onPhones = await t.call('GET', '/api/templates', { token: w.tokens.inspA });
    expect(onPhones.body.items.map((x: { code: string }) => x.code)).not.toContain('FIRE-RETIRE');
    expect((await get('templates')).body.items.map((x: { code: string }) => x.code)).not.toContain('FIRE-RETIRE');
    expect((await get('templates?includeRetired=true')).body.items.map((x: { code: string }) => x.code)).toContain('FIRE-RETIRE');

    expect((await post('templates/FIRE-RETIRE/retire')).status).toBe(200);
    const v2 = (await post('templates', { ...fire(), code: 'FIRE-RETIRE' })).body;
    expect(v2.version).toBe(2);
    const latest = (await t.call('GET', '/api/templates', { token: w.tokens.inspA })).body.items;
    const back = latest.find((x: { code: string }) => x.code === 'FIRE-RETIRE');
    expect(back).toMatchObject({ id: v2.id, version: 2, retired: false });
  });

  it('does not stop an inspection started on it from submitting', async () => {
    const v1 = (await post('templates', { ...fire(), code: 'FIRE-STARTED' })).body;
    const m = submit(w);
    m.payload.inspection.templateId = v1.id;
    await post('templates/FIRE-STARTED/retire');
    expect((await pushOne(t, w, 'inspA', m)).status).toBe('applied');
  });

  it('of an unknown code is 404, of a malformed one 400', async () => {
    expect((await post('templates/NO-SUCH/retire')).status).toBe(404);
    expect((await post('templates/bad%20code/retire')).status).toBe(400);
  });
});

describe('a new version', () => {
  it('leaves inspections made on the old one as they were, and an inspection started on it still submits', async () => {
    const v1 = (await post('templates', { ...fire(), code: 'FIRE-VERSIONS' })).body;
    const done = submit(w);
    done.payload.inspection.templateId = v1.id;
    expect((await pushOne(t, w, 'inspA', done)).status).toBe('applied');
    const started = submit(w);
    started.payload.inspection.templateId = v1.id;
    const body = fire();
    body.sections[0]!.items[0]!.text = { zh: '修订后的检查项', en: 'Revised item' };
    expect((await post('templates', { ...body, code: 'FIRE-VERSIONS' })).body.version).toBe(2);
    expect((await pushOne(t, w, 'inspA', started)).status).toBe('applied');
    const inspection = await t.call('GET', `/api/inspections/${done.payload.inspection.id}`, { token: w.tokens.admin });
    expect(inspection.body.inspection.templateId).toBe(v1.id);
    expect((await get(`templates/${v1.id}`)).body.sections[0].items[0].text).toEqual(fire().sections[0]!.items[0]!.text);
  });
});
