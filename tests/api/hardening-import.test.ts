/**
 * API.md "Hardening" for the admin's spreadsheet import: a workbook is read
 * within a bounded memory — one that unpacks too far is refused before it
 * is read, whatever sizes it declares, and a sheet is read no further than
 * a file may hold.
 */
import zlib from 'node:zlib';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

const upload = (bytes: Uint8Array<ArrayBuffer>) =>
  t.call('POST', '/api/admin/enterprises/import?mode=preview', {
    token: w.tokens.admin,
    raw: bytes,
    headers: { 'content-type': XLSX_TYPE },
  });

/** A zip of deflated entries whose headers declare `declared(size)` as each entry's unpacked size. */
function zip(entries: { name: string; data: Buffer }[], declared = (size: number) => size): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const packed = zlib.deflateRawSync(e.data);
    const name = Buffer.from(e.name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(declared(e.data.length), 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(declared(e.data.length), 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, packed);
    centrals.push(central, name);
    offset += local.length + name.length + packed.length;
  }
  const dir = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dir, end]);
}

const sheetXml = (padding: number) =>
  Buffer.from(`<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${' '.repeat(padding)}</sheetData></worksheet>`);

describe('importing a workbook', () => {
  it('one that unpacks past the limit is 413, even when its headers declare it small', async () => {
    const bomb = [{ name: 'xl/worksheets/sheet1.xml', data: sheetXml(40 * 1024 * 1024) }];
    for (const declared of [(n: number) => n, () => 1000]) {
      const bytes = zip(bomb, declared);
      expect(bytes.length).toBeLessThan(2 * 1024 * 1024);
      const res = await upload(new Uint8Array(bytes));
      expect(res.status).toBe(413);
      expect(res.body.error.code).toBe('payload_too_large');
    }
  });

  it('a sheet with rows far past what a file may hold is refused without reading them all', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('企业');
    sheet.addRow(['企业名称', '统一社会信用代码', '所属园区']);
    sheet.getCell('A900000').value = '远处的一行';
    const res = await upload(new Uint8Array(await workbook.xlsx.writeBuffer()));
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/20000/);
  });
});
