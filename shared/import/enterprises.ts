/**
 * Importing enterprises from a spreadsheet: which column is which, and
 * whether each row may become an enterprise. Pure — the server reads the
 * file and looks up parks and taken credit codes, then asks this module.
 *
 * The rules are those of `POST /api/admin/enterprises` (schemas/admin.ts):
 * a name, a park, an optional credit code passing its GB 32100 check digit
 * and not held by another enterprise, text within the API's lengths. On top,
 * a file must not give one credit code twice, and a park given by name must
 * name exactly one enabled park.
 *
 * Rows are numbered as the spreadsheet shows them: the header is row 1.
 */
import { isValidCreditCode } from '../credit-code';
import { LIMITS } from '../schemas/common';

export const IMPORT_FIELDS = ['name', 'creditCode', 'park', 'building', 'contactName', 'contactPhone'] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

export const MAX_IMPORT_ROWS = 20_000;
export const CONTACT_PHONE_MAX = 40;

/** The template's headers (Chinese, as users expect), and other headings accepted for the same column. */
export interface ImportColumn {
  field: ImportField;
  header: string;
  aliases: readonly string[];
  required: boolean;
}

export const IMPORT_COLUMNS: readonly ImportColumn[] = [
  { field: 'name', header: '企业名称', aliases: ['name', '企业', '公司名称', '单位名称', '企业全称'], required: true },
  { field: 'creditCode', header: '统一社会信用代码', aliases: ['creditCode', '信用代码', '社会信用代码'], required: false },
  { field: 'park', header: '所属园区', aliases: ['park', 'parkId', '园区', '园区名称'], required: true },
  { field: 'building', header: '楼栋/位置', aliases: ['building', '楼栋', '位置', '楼栋位置', '楼栋号'], required: false },
  { field: 'contactName', header: '联系人', aliases: ['contactName', '负责人'], required: false },
  { field: 'contactPhone', header: '联系电话', aliases: ['contactPhone', '电话', '手机', '手机号码', '联系方式'], required: false },
];

export const IMPORT_ERROR_CODES = [
  'required',
  'too_long',
  'invalid_credit_code',
  'duplicate_in_file',
  'duplicate_in_database',
  'unknown_park',
  'ambiguous_park',
  'disabled_park',
] as const;
export type ImportErrorCode = (typeof IMPORT_ERROR_CODES)[number];

export interface ImportError {
  field: ImportField;
  code: ImportErrorCode;
  /** English, for API clients; the UI words it from the code and the facts below. */
  message: string;
  /** duplicate_in_file: the other rows with the same code. */
  rows?: number[];
  /** duplicate_in_database: the enterprise holding the code. */
  holder?: string;
  /** too_long: the limit. */
  max?: number;
}

export interface RawRow {
  /** The spreadsheet's row number (header = 1). */
  row: number;
  values: Partial<Record<ImportField, string>>;
}

export interface ValidRow {
  row: number;
  name: string;
  creditCode: string | null;
  parkId: string;
  parkName: string;
  building: string | null;
  contactName: string | null;
  contactPhone: string | null;
}

export interface RejectedRow {
  row: number;
  errors: ImportError[];
}

export interface ParkRef {
  id: string;
  name: string;
  disabled: boolean;
}

export interface ImportLookup {
  parks: readonly ParkRef[];
  /** Credit codes already held by an enterprise in the database, with that enterprise's name. */
  takenCreditCodes: ReadonlyMap<string, string>;
}

/** Headings compare without spaces, letter case, width (全角) or a "required" mark (*, 必填). */
const headingKey = (s: string) =>
  s
    .normalize('NFKC')
    .replace(/[\s*]|\(必填\)|必填/g, '')
    .toLowerCase();

const HEADINGS = new Map<string, ImportField>(
  IMPORT_COLUMNS.flatMap((c) => [c.header, ...c.aliases].map((h) => [headingKey(h), c.field] as const)),
);

export type ColumnMap = Partial<Record<ImportField, number>>;

/**
 * Finds the columns in the header row. Unknown headings (序号, 备注 …) are
 * ignored; a missing required column or one given twice fails the file.
 */
export function mapColumns(header: readonly string[]): { columns: ColumnMap; problems: string[] } {
  const columns: ColumnMap = {};
  const problems: string[] = [];
  header.forEach((heading, index) => {
    const field = HEADINGS.get(headingKey(heading));
    if (!field) return;
    if (columns[field] !== undefined) problems.push(`the column ${columnHeader(field)} appears twice`);
    else columns[field] = index;
  });
  for (const c of IMPORT_COLUMNS) {
    if (c.required && columns[c.field] === undefined) problems.push(`the required column ${c.header} is missing`);
  }
  return { columns, problems };
}

export const columnHeader = (field: ImportField) => IMPORT_COLUMNS.find((c) => c.field === field)!.header;

/** Cells → rows, skipping rows with nothing in them. `firstRow` is the spreadsheet number of cells[0]. */
export function rowsFromCells(cells: readonly (readonly string[])[], columns: ColumnMap, firstRow: number): RawRow[] {
  const rows: RawRow[] = [];
  cells.forEach((line, i) => {
    const values: RawRow['values'] = {};
    let any = false;
    for (const field of IMPORT_FIELDS) {
      const index = columns[field];
      const value = index === undefined ? undefined : line[index]?.trim();
      if (value) {
        values[field] = value;
        any = true;
      }
    }
    if (any) rows.push({ row: firstRow + i, values });
  });
  return rows;
}

/** Full-width letters and digits (ｍ, ９) and spaces are common in typed codes. */
export const normalizeCreditCode = (s: string) => s.normalize('NFKC').replace(/\s+/g, '').toUpperCase();

/** Park names compare as a person reads them: （） and () are the same. */
const parkKey = (s: string) => s.normalize('NFKC').replace(/\s+/g, '').toLowerCase();

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The normalised credit codes a file gives: what the server must look up. */
export function creditCodesIn(rows: readonly RawRow[]): string[] {
  return [...new Set(rows.flatMap((r) => (r.values.creditCode ? [normalizeCreditCode(r.values.creditCode)] : [])))];
}

export function validateRows(
  rows: readonly RawRow[],
  lookup: ImportLookup,
): { valid: ValidRow[]; rejected: RejectedRow[] } {
  const byId = new Map(lookup.parks.map((p) => [p.id.toLowerCase(), p]));
  const byName = new Map<string, ParkRef[]>();
  for (const p of lookup.parks) byName.set(parkKey(p.name), [...(byName.get(parkKey(p.name)) ?? []), p]);

  const rowsByCode = new Map<string, number[]>();
  for (const r of rows) {
    if (!r.values.creditCode) continue;
    const code = normalizeCreditCode(r.values.creditCode);
    rowsByCode.set(code, [...(rowsByCode.get(code) ?? []), r.row]);
  }

  const valid: ValidRow[] = [];
  const rejected: RejectedRow[] = [];
  for (const r of rows) {
    const errors: ImportError[] = [];
    const fail = (field: ImportField, code: ImportErrorCode, message: string, facts: Partial<ImportError> = {}) =>
      errors.push({ field, code, message, ...facts });
    const text = (field: ImportField, max: number): string | null => {
      const value = r.values[field] ?? '';
      if (value.length > max) fail(field, 'too_long', `${columnHeader(field)}: at most ${max} characters`, { max });
      return value || null;
    };

    const name = text('name', LIMITS.name);
    if (!name) fail('name', 'required', `${columnHeader('name')} is required`);

    let creditCode: string | null = null;
    if (r.values.creditCode) {
      creditCode = normalizeCreditCode(r.values.creditCode);
      const others = (rowsByCode.get(creditCode) ?? []).filter((n) => n !== r.row);
      const holder = lookup.takenCreditCodes.get(creditCode);
      if (!isValidCreditCode(creditCode)) {
        fail('creditCode', 'invalid_credit_code', 'not a valid unified social credit code (GB 32100 check failed)');
      } else if (others.length) {
        const message = `the same credit code is on row(s) ${others.join(', ')}`;
        fail('creditCode', 'duplicate_in_file', message, { rows: others });
      } else if (holder !== undefined) {
        fail('creditCode', 'duplicate_in_database', `already registered to ${holder}`, { holder });
      }
    }

    let park: ParkRef | undefined;
    const parkValue = r.values.park;
    if (!parkValue) fail('park', 'required', `${columnHeader('park')} is required`);
    else {
      const matches = UUID.test(parkValue)
        ? [byId.get(parkValue.toLowerCase())].filter((p) => p !== undefined)
        : (byName.get(parkKey(parkValue)) ?? []);
      const enabled = matches.filter((p) => !p.disabled);
      if (matches.length === 0) fail('park', 'unknown_park', `no park ${parkValue}`);
      else if (enabled.length === 0) fail('park', 'disabled_park', `the park ${parkValue} is disabled`);
      else if (enabled.length > 1) {
        fail('park', 'ambiguous_park', `${enabled.length} parks are named ${parkValue}: give the park id`);
      }
      else park = enabled[0];
    }

    const building = text('building', LIMITS.name);
    const contactName = text('contactName', LIMITS.name);
    const contactPhone = text('contactPhone', CONTACT_PHONE_MAX);

    if (errors.length || !name || !park) rejected.push({ row: r.row, errors });
    else {
      valid.push({ row: r.row, name, creditCode, parkId: park.id, parkName: park.name, building, contactName, contactPhone });
    }
  }
  return { valid, rejected };
}
