/**
 * Importing enterprises from .xlsx and .csv: every row is checked, a preview
 * says which rows are rejected and why, and the admin imports the valid rows
 * only, or all rows or none. Imported enterprises reach the phones in scope.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCreditCode } from '../../shared/credit-code';
import { parseCsv, toCsv } from '../../shared/import/csv';
import { XLSX_TYPE } from '../../server/domain/import';
import { startTestServer, type TestServer } from '../support/server';
import { buildWorld, type World } from '../support/world';

let t: TestServer;
let w: World;

beforeAll(async () => {
  t = await startTestServer();
  w = await buildWorld(t);
});
afterAll(() => t.close());

let serial = 80_000_000;
const code = () => makeCreditCode('330282', serial++);
const HEADER = ['企业名称', '统一社会信用代码', '所属园区', '楼栋/位置', '联系人', '联系电话'];

const csv = (rows: string[][]) => new TextEncoder().encode(`\uFEFF${toCsv([HEADER, ...rows])}`);

async function xlsx(rows: (string | number)[][]): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('企业');
  sheet.addRow(HEADER);
  for (const r of rows) sheet.addRow(r);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

function upload(bytes: Uint8Array, mode: string, type = 'text/csv', token = w.tokens.admin) {
  return t.call('POST', `/api/admin/enterprises/import?mode=${mode}`, {
    token,
    raw: bytes as Uint8Array<ArrayBuffer>,
    headers: { 'content-type': type },
  });
}

const count = async (q: string) =>
  (await t.call('GET', `/api/admin/enterprises?q=${encodeURIComponent(q)}&limit=500&includeDisabled=true`, { token: w.tokens.admin })).body
    .items.length as number;

/** Three good rows and three bad ones: a wrong check digit, an unknown park, a missing name. */
function mixedRows(tag: string) {
  const good = code();
  const bad = good.slice(0, 17) + (good[17] === '0' ? '1' : '0');
  return [
    [`${tag}甲公司`, code(), '万洋（掌起）众创城', '1号楼', '张伟', '13805740001'],
    [`${tag}乙公司`, bad, '万洋（掌起）众创城', '', '', ''],
    [`${tag}丙公司`, '', '华东轻纺针织城', '', '', ''],
    [`${tag}丁公司`, code(), '不存在的园区', '', '', ''],
    ['', code(), '华东轻纺针织城', '', '', ''],
    [`${tag}戊公司`, code(), w.parks.A2, '', '', ''],
  ];
}

describe('the preview', () => {
  it('reports each rejected row with the spreadsheet row number and the reasons, and writes nothing', async () => {
    const res = await upload(csv(mixedRows('预览')), 'preview');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ mode: 'preview', format: 'csv', encoding: 'utf-8', total: 6, valid: 3, imported: 0 });
    expect(res.body.rejected).toEqual([
      { row: 3, errors: [expect.objectContaining({ field: 'creditCode', code: 'invalid_credit_code' })] },
      { row: 5, errors: [expect.objectContaining({ field: 'park', code: 'unknown_park' })] },
      { row: 6, errors: [expect.objectContaining({ field: 'name', code: 'required' })] },
    ]);
    expect(res.body.sample.map((r: { row: number; parkName: string }) => [r.row, r.parkName])).toEqual([
      [2, '万洋（掌起）众创城'],
      [4, '华东轻纺针织城'],
      [7, '环杭州湾（慈星）智能产业园'],
    ]);
    expect(await count('预览')).toBe(0);
  });

  it('is the default mode', async () => {
    const res = await t.call('POST', '/api/admin/enterprises/import', {
      token: w.tokens.admin,
      raw: csv(mixedRows('默认')) as Uint8Array<ArrayBuffer>,
      headers: { 'content-type': 'text/csv' },
    });
    expect(res.body).toMatchObject({ mode: 'preview', imported: 0 });
  });
});

describe('mode=valid', () => {
  it('imports the valid rows only, and the operators’ phones hear of them', async () => {
    const cursor = (await t.call('GET', '/api/sync/pull?limit=2000', { token: w.tokens.opA1 })).body.cursor;
    const res = await upload(csv(mixedRows('部分')), 'valid');
    expect(res.body).toMatchObject({ mode: 'valid', total: 6, valid: 3, imported: 3 });
    expect(res.body.rejected.map((r: { row: number }) => r.row)).toEqual([3, 5, 6]);
    const list = await t.call('GET', `/api/admin/enterprises?q=${encodeURIComponent('部分')}`, { token: w.tokens.admin });
    expect(list.body.items.map((e: { name: string }) => e.name).sort()).toEqual(['部分丙公司', '部分戊公司', '部分甲公司'].sort());
    expect(list.body.items.find((e: { name: string }) => e.name === '部分甲公司')).toMatchObject({
      parkId: w.parks.A1,
      building: '1号楼',
      contactName: '张伟',
      contactPhone: '13805740001',
      disabled: false,
    });
    const pulled = await t.call('GET', `/api/sync/pull?cursor=${cursor}`, { token: w.tokens.opA1 });
    expect(pulled.body.changes.filter((c: { kind: string }) => c.kind === 'enterprise').map((c: any) => c.data.name)).toEqual(['部分甲公司']);
  });

  it('importing the same file again rejects every row as already registered or unknown', async () => {
    const rows = [[`重复导入公司`, code(), '华东轻纺针织城', '', '', '']];
    expect((await upload(csv(rows), 'valid')).body.imported).toBe(1);
    const again = await upload(csv(rows), 'valid');
    expect(again.body).toMatchObject({ valid: 0, imported: 0 });
    expect(again.body.rejected[0].errors[0]).toMatchObject({ field: 'creditCode', code: 'duplicate_in_database' });
  });
});

describe('mode=all', () => {
  it('imports nothing when any row is rejected, and says why', async () => {
    const res = await upload(csv(mixedRows('全部')), 'all');
    expect(res.body).toMatchObject({ mode: 'all', total: 6, valid: 3, imported: 0 });
    expect(res.body.rejected).toHaveLength(3);
    expect(await count('全部')).toBe(0);
  });

  it('imports every row when all pass', async () => {
    const rows = mixedRows('整批').filter((_, i) => [0, 2, 5].includes(i));
    const res = await upload(csv(rows), 'all');
    expect(res.body).toMatchObject({ total: 3, valid: 3, imported: 3, rejected: [] });
    expect(await count('整批')).toBe(3);
  });
});

describe('files', () => {
  it('reads .xlsx, numbers in cells included', async () => {
    const res = await upload(
      await xlsx([
        ['表格甲公司', code(), '华东轻纺针织城', '2号楼', '李娜', 13805740002],
        ['表格乙公司', '', '不存在', '', '', ''],
      ]),
      'valid',
      XLSX_TYPE,
    );
    expect(res.body).toMatchObject({ format: 'xlsx', encoding: null, total: 2, valid: 1, imported: 1 });
    expect(res.body.sample[0]).toMatchObject({ name: '表格甲公司', contactPhone: '13805740002' });
    expect(res.body.rejected).toEqual([{ row: 3, errors: [expect.objectContaining({ code: 'unknown_park' })] }]);
  });

  it('reads GBK CSV, as Excel on Chinese Windows saves it, whatever type the browser gives it', async () => {
    const res = await upload(gbk(toCsv([HEADER, ['编码甲公司', code(), '华东轻纺针织城', '', '', '']])), 'valid', 'application/vnd.ms-excel');
    expect(res.body).toMatchObject({ encoding: 'gb18030', imported: 1 });
    expect(await count('编码甲公司')).toBe(1);
  });

  it('takes the file from a multipart form too', async () => {
    const form = new FormData();
    form.append('file', new Blob([csv([['表单甲公司', code(), '华东轻纺针织城', '', '', '']]) as Uint8Array<ArrayBuffer>], { type: 'text/csv' }), 'e.csv');
    const res = await t.call('POST', '/api/admin/enterprises/import?mode=valid', { token: w.tokens.admin, raw: form });
    expect(res.body).toMatchObject({ imported: 1 });
  });

  it('refuses a file without the required columns, an empty one, an old .xls, and other types', async () => {
    const noPark = await upload(new TextEncoder().encode('企业名称,联系人\n甲,乙\n'), 'preview');
    expect(noPark.status).toBe(400);
    expect(noPark.body.error.details).toEqual([{ path: 'file', message: 'the required column 所属园区 is missing' }]);
    expect((await upload(new Uint8Array(), 'preview')).status).toBe(400);
    expect((await upload(new TextEncoder().encode(`${HEADER.join(',')}\n`), 'preview')).status).toBe(400);
    expect((await upload(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0, 0, 0, 0]), 'preview', 'application/vnd.ms-excel')).status).toBe(415);
    expect((await upload(csv([]), 'preview', 'image/png')).status).toBe(415);
    expect((await upload(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), 'preview', XLSX_TYPE)).status).toBe(400);
    expect((await upload(csv([]), 'everything')).status).toBe(400);
  });

  it('refuses files over 2 MB', async () => {
    const big = new Uint8Array(2 * 1024 * 1024 + 1).fill(0x41);
    expect((await upload(big, 'preview')).status).toBe(413);
  });

  it('is for admins only', async () => {
    for (const who of ['supCity', 'inspA', 'opA1'] as const) {
      expect((await upload(csv(mixedRows('越权')), 'valid', 'text/csv', w.tokens[who])).status).toBe(403);
    }
    expect(await count('越权')).toBe(0);
  });
});

describe('the import template', () => {
  it('as CSV: UTF-8 with a BOM and the Chinese headers', async () => {
    const res = await t.app.request('/api/admin/enterprises/import-template?format=csv', {
      headers: { authorization: `Bearer ${w.tokens.admin}` },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/csv');
    expect(res.headers.get('content-disposition')).toContain('attachment');
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(parseCsv(new TextDecoder().decode(bytes))).toEqual([HEADER]);
  });

  it('as xlsx: the headers, the park list to choose from, and instructions; filled in, it imports', async () => {
    const res = await t.app.request('/api/admin/enterprises/import-template', { headers: { authorization: `Bearer ${w.tokens.admin}` } });
    expect(res.headers.get('content-type')).toBe(XLSX_TYPE);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await res.arrayBuffer());
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['企业', '园区列表', '填写说明']);
    expect((workbook.worksheets[0]!.getRow(1).values as unknown[]).slice(1)).toEqual(HEADER);
    const parks = workbook.worksheets[1]!.getColumn(1).values.slice(2);
    expect(parks).toEqual(expect.arrayContaining(['万洋（掌起）众创城', '华东轻纺针织城']));
    workbook.worksheets[0]!.addRow(['模板填写公司', code(), '华东轻纺针织城']);
    const filled = new Uint8Array(await workbook.xlsx.writeBuffer());
    expect((await upload(filled, 'valid', XLSX_TYPE)).body).toMatchObject({ total: 1, imported: 1 });
  });

  it('is for admins only', async () => {
    expect((await t.call('GET', '/api/admin/enterprises/import-template', { token: w.tokens.supCity })).status).toBe(403);
  });
});

/** GBK bytes for a text, found by decoding every double-byte code. */
function gbk(text: string): Uint8Array {
  const table = new Map<string, number[]>();
  const decoder = new TextDecoder('gbk');
  for (let hi = 0x81; hi <= 0xfe; hi++) {
    for (let lo = 0x40; lo <= 0xfe; lo++) table.set(decoder.decode(new Uint8Array([hi, lo])), [hi, lo]);
  }
  return new Uint8Array([...text].flatMap((ch) => (ch.charCodeAt(0) < 0x80 ? [ch.charCodeAt(0)] : table.get(ch)!)));
}
