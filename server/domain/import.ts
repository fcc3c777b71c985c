/**
 * Enterprises from a spreadsheet (.xlsx or .csv), as a city loads its parks'
 * companies: read the file, check every row (shared/import/enterprises.ts),
 * and answer a report — rejected rows with their reasons — then, as the admin
 * chose, import nothing (preview), only the valid rows, or every row or none.
 * The check and the import run in one transaction, so the report describes
 * exactly what was written; a credit code taken meanwhile by another writer
 * fails the whole import (409) rather than half of it.
 */
import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import ExcelJS from 'exceljs';
import { CsvError, decodeText, parseCsv, toCsv, type TextEncodingName } from '../../shared/import/csv';
import {
  IMPORT_COLUMNS,
  MAX_IMPORT_ROWS,
  creditCodesIn,
  mapColumns,
  rowsFromCells,
  validateRows,
  type RawRow,
} from '../../shared/import/enterprises';
import type { ImportMode, ImportReport } from '../../shared/schemas/admin';
import { audit } from '../repo/audit';
import { allParkRefs, insertEnterprises, takenCreditCodes } from '../repo/catalog';
import { writeTx } from '../repo/write';
import type { AuditInfo } from './admin/common';
import { ApiError, invalid } from './errors';
import type { Services } from './services';

const SAMPLE_ROWS = 10;
/**
 * A zip unpacking to more than this is refused before it is read (a "zip
 * bomb" would exhaust memory). A full file of 20,000 enterprises unpacks to
 * about 10 MB.
 */
const MAX_XLSX_UNPACKED = 32 * 1024 * 1024;
/** Rows of a sheet read at most: the rows a file may hold, with room for blank lines and notes. */
const MAX_SHEET_ROW = MAX_IMPORT_ROWS + 1000;
/** Columns of a row read at most: a template has a dozen. */
const MAX_COLUMNS = 100;
const inflateRaw = promisify(zlib.inflateRaw);

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const fileProblem = (message: string) => invalid(`file: ${message}`, [{ path: 'file', message }]);

interface ReadFile {
  format: 'csv' | 'xlsx';
  encoding: TextEncodingName | null;
  rows: RawRow[];
}

/** The file's kind is told by its bytes: browsers label .csv files differently on every system. */
export async function readImportFile(bytes: Uint8Array): Promise<ReadFile> {
  if (bytes.length === 0) throw fileProblem('the file is empty');
  let cells: string[][];
  let format: ReadFile['format'];
  let encoding: TextEncodingName | null = null;
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    format = 'xlsx';
    cells = await xlsxCells(bytes);
  } else if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0])) {
    throw new ApiError('unsupported_media_type', 'an old Excel .xls file: save it as .xlsx or .csv');
  } else {
    format = 'csv';
    const decoded = decodeText(bytes);
    encoding = decoded.encoding;
    try {
      cells = parseCsv(decoded.text);
    } catch (err) {
      if (err instanceof CsvError) throw fileProblem(`line ${err.line}: ${err.message}`);
      throw err;
    }
  }
  const headerIndex = cells.findIndex((line) => line.some((c) => c.trim() !== ''));
  if (headerIndex < 0) throw fileProblem('the file has no header row');
  const { columns, problems } = mapColumns(cells[headerIndex]!);
  if (problems.length) {
    throw invalid(`file: ${problems.join('; ')}`, problems.map((message) => ({ path: 'file', message })));
  }
  const rows = rowsFromCells(cells.slice(headerIndex + 1), columns, headerIndex + 2);
  if (rows.length === 0) throw fileProblem('the file has a header row but no enterprises');
  if (rows.length > MAX_IMPORT_ROWS) {
    throw fileProblem(`${rows.length} rows: at most ${MAX_IMPORT_ROWS} per file, split it`);
  }
  return { format, encoding, rows };
}

export async function importEnterprises(
  s: Services,
  bytes: Uint8Array,
  mode: ImportMode,
  who: AuditInfo,
): Promise<ImportReport> {
  const file = await readImportFile(bytes);
  return writeTx(s.db, async (tx, changes) => {
    const parks = (await allParkRefs(tx)).map((p) => ({ id: p.id, name: p.name, disabled: p.disabledAt !== null }));
    const taken = await takenCreditCodes(tx, creditCodesIn(file.rows));
    const { valid, rejected } = validateRows(file.rows, { parks, takenCreditCodes: taken });
    const write = mode === 'valid' || (mode === 'all' && rejected.length === 0);
    if (write && valid.length) {
      const now = s.now();
      const rows = valid.map((r) => ({
        id: randomUUID(),
        parkId: r.parkId,
        name: r.name,
        creditCode: r.creditCode,
        building: r.building,
        contactName: r.contactName,
        contactPhone: r.contactPhone,
        createdAt: now,
        updatedAt: now,
      }));
      await insertEnterprises(tx, rows);
      for (const r of rows) changes.park('enterprise', r.id, r.parkId);
      await audit(tx, {
        type: 'admin.enterprise.import',
        actorId: who.actor.id,
        actorUsername: who.actor.username,
        ip: who.ip,
        details: {
          mode,
          format: file.format,
          total: file.rows.length,
          imported: rows.length,
          rejected: rejected.length,
        },
      });
    }
    return {
      mode,
      format: file.format,
      encoding: file.encoding,
      total: file.rows.length,
      valid: valid.length,
      imported: write ? valid.length : 0,
      rejected,
      sample: valid.slice(0, SAMPLE_ROWS),
    };
  });
}

const startsWith = (bytes: Uint8Array, prefix: number[]) => prefix.every((b, i) => bytes[i] === b);

async function xlsxCells(bytes: Uint8Array): Promise<string[][]> {
  const unpacked = await zipUnpackedSize(bytes, MAX_XLSX_UNPACKED);
  if (unpacked === undefined) throw fileProblem('not a readable .xlsx file');
  if (unpacked > MAX_XLSX_UNPACKED) {
    throw new ApiError('payload_too_large', `the spreadsheet unpacks to more than ${MAX_XLSX_UNPACKED / 1024 / 1024} MB`);
  }
  // Read as a stream, row by row, and only as many rows as a file may hold:
  // loading the whole workbook costs ten times its unpacked size in memory.
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)]), {
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'ignore',
    worksheets: 'emit',
    entries: 'ignore',
  });
  const cells: string[][] = [];
  try {
    for await (const sheet of reader) {
      for await (const row of sheet) {
        if (row.number > MAX_SHEET_ROW) throw fileProblem(`more than ${MAX_IMPORT_ROWS} rows: at most ${MAX_IMPORT_ROWS} per file, split it`);
        const values = row.values as ExcelJS.CellValue[];
        cells[row.number - 1] = values.slice(1, MAX_COLUMNS + 1).map(cellText);
      }
      // The first sheet only.
      break;
    }
  } catch (err) {
    if (err instanceof ApiError) throw err;
    throw fileProblem('not a readable .xlsx file');
  }
  if (!cells.length) throw fileProblem('the workbook has no sheet');
  // Rows never written are absent; keep the spreadsheet's numbering.
  return Array.from({ length: cells.length }, (_, i) => cells[i] ?? []);
}

function cellText(value: ExcelJS.CellValue | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('hyperlink' in value) return cellText(value.text);
  if ('formula' in value || 'sharedFormula' in value) return cellText(value.result as ExcelJS.CellValue);
  return '';
}

/**
 * How much a zip really unpacks to, or undefined when the bytes are not a
 * zip. The sizes its central directory declares are checked first; then
 * every entry is inflated (and thrown away) with the rest of the budget as
 * its limit, so a zip that lies about its sizes is caught too. Past the
 * budget the answer is just "more than budget".
 */
async function zipUnpackedSize(bytes: Uint8Array, budget: number): Promise<number | undefined> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The end-of-central-directory record: 22 bytes plus a comment of up to 65,535.
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return undefined;
  const entries = view.getUint16(eocd + 10, true);
  let at = view.getUint32(eocd + 16, true);
  const parts: { method: number; packed: number; local: number }[] = [];
  let declared = 0;
  for (let n = 0; n < entries; n++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== 0x02014b50) return undefined;
    declared += view.getUint32(at + 24, true);
    parts.push({ method: view.getUint16(at + 10, true), packed: view.getUint32(at + 20, true), local: view.getUint32(at + 42, true) });
    at += 46 + view.getUint16(at + 28, true) + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  if (declared > budget) return declared;
  let total = 0;
  for (const p of parts) {
    if (p.local + 30 > bytes.length || view.getUint32(p.local, true) !== 0x04034b50) return undefined;
    const start = p.local + 30 + view.getUint16(p.local + 26, true) + view.getUint16(p.local + 28, true);
    const data = bytes.subarray(start, start + p.packed);
    if (p.method === 0) total += data.length;
    else if (p.method === 8) {
      try {
        total += (await inflateRaw(data, { maxOutputLength: budget - total + 1 })).length;
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') return budget + 1;
        return undefined;
      }
    } else return undefined;
    if (total > budget) return total;
  }
  return total;
}

// ── the downloadable template ────────────────────────────────────────────

const HEADERS = IMPORT_COLUMNS.map((c) => c.header);

const NOTES = [
  ['填写说明 (How to fill in)'],
  ['1. 第一行是表头，请勿修改；从第二行起每行一家企业。One enterprise per row below the header; keep the header.'],
  ['2. 企业名称、所属园区必填。Enterprise name and park are required.'],
  ['3. 所属园区填写园区全称（见“园区列表”）或园区编号。Give the park by its full name (see the park list) or its id.'],
  ['4. 统一社会信用代码为 18 位，会校验校验位，且不能与已登记企业重复。The 18-character credit code is checked and must be unique.'],
  ['5. 可先“预览”检查，再选择只导入合格行或全部导入。Preview first, then import the valid rows only, or all rows or none.'],
];

/** The import template: Chinese headers; the xlsx adds instructions and the current park list. */
export async function importTemplate(s: Services, format: 'xlsx' | 'csv'): Promise<Uint8Array> {
  if (format === 'csv') {
    // A BOM, or Excel opens UTF-8 Chinese as mojibake.
    return new TextEncoder().encode(`\uFEFF${toCsv([HEADERS])}`);
  }
  const parks = (await allParkRefs(s.db))
    .filter((p) => p.disabledAt === null)
    .sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
  const workbook = new ExcelJS.Workbook();
  workbook.created = s.now();
  const sheet = workbook.addWorksheet('企业');
  sheet.columns = IMPORT_COLUMNS.map((c) => ({
    header: c.header,
    key: c.field,
    width: c.field === 'name' || c.field === 'park' ? 36 : c.field === 'creditCode' ? 24 : 16,
    // Text, so Excel keeps long digit strings (credit codes, phone numbers) as typed.
    style: c.field === 'creditCode' || c.field === 'contactPhone' ? { numFmt: '@' } : {},
  }));
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  const parkSheet = workbook.addWorksheet('园区列表');
  parkSheet.columns = [
    { header: '园区名称', key: 'name', width: 36 },
    { header: '园区编号', key: 'id', width: 40 },
  ];
  parkSheet.getRow(1).font = { bold: true };
  for (const p of parks) parkSheet.addRow({ name: p.name, id: p.id });
  if (parks.length) {
    const parkColumn = String.fromCharCode(65 + IMPORT_COLUMNS.findIndex((c) => c.field === 'park'));
    for (let r = 2; r <= 2001; r++) {
      sheet.getCell(`${parkColumn}${r}`).dataValidation = {
        type: 'list',
        allowBlank: true,
        formulae: [`'园区列表'!$A$2:$A$${parks.length + 1}`],
        // A park id typed instead of a name is fine too.
        showErrorMessage: false,
      };
    }
  }
  const notes = workbook.addWorksheet('填写说明');
  notes.getColumn(1).width = 110;
  for (const line of NOTES) notes.addRow(line);
  notes.getRow(1).font = { bold: true };
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
