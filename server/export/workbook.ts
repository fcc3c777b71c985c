/**
 * One-sheet Excel files the way supervisors use them: a title row and an
 * information row (scope, period), a frozen header row, set column widths,
 * numbers as numbers, rates as percentages and dates as dates, so sums,
 * sorting and filters work in Excel without retyping anything.
 *
 * Written with exceljs's streaming writer, row by row: a province's findings
 * list never sits in memory as one workbook.
 */
import { PassThrough, type Readable } from 'node:stream';
import ExcelJS from 'exceljs';

/**
 * - int: a count; rate: a ratio 0–1 shown as 0.0 %;
 * - date: 'YYYY-MM-DD'; datetime: an API timestamp, shown as the wall-clock
 *   time it carries (PARKCHECK_TZ), since Excel has no time zones.
 */
export type ColumnType = 'text' | 'int' | 'rate' | 'date' | 'datetime';

export interface Column {
  header: string;
  width: number;
  type: ColumnType;
}

export type Value = string | number | null;

export interface SheetSpec {
  sheetName: string;
  title: string;
  info: string;
  columns: Column[];
}

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const NUMBER_FORMATS: Partial<Record<ColumnType, string>> = {
  int: '0',
  rate: '0.0%',
  date: 'yyyy-mm-dd',
  datetime: 'yyyy-mm-dd hh:mm',
};

const HEADER_ROW = 3;
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE3EEFA' } };
const FONT = 'Microsoft YaHei';

function cellValue(type: ColumnType, v: Value): ExcelJS.CellValue {
  if (v === null || v === '') return null;
  if (type === 'date' && typeof v === 'string') return new Date(`${v}T00:00:00Z`);
  // The wall-clock part of "2026-03-01T09:30:00.000+08:00", as Excel shows dates: without a zone.
  if (type === 'datetime' && typeof v === 'string') return new Date(`${v.slice(0, 23)}Z`);
  return v;
}

/** Streams the workbook; `rows` is read as the file is written. `bold` rows (a totals row) stand out. */
export function writeWorkbook(
  spec: SheetSpec,
  rows: AsyncIterable<Value[]> | Iterable<Value[]>,
  opts: { boldLast?: Value[] } = {},
): Readable {
  const out = new PassThrough();
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: true });
  wb.creator = 'ParkCheck 园检';
  const ws = wb.addWorksheet(spec.sheetName, {
    views: [{ state: 'frozen', xSplit: 1, ySplit: HEADER_ROW }],
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  ws.columns = spec.columns.map((c) => ({ width: c.width }));
  const last = spec.columns.length;

  const write = async () => {
    ws.mergeCells(1, 1, 1, last);
    ws.mergeCells(2, 1, 2, last);
    const title = ws.getCell(1, 1);
    title.value = spec.title;
    title.font = { name: FONT, size: 14, bold: true };
    ws.getRow(1).height = 24;
    const info = ws.getCell(2, 1);
    info.value = spec.info;
    info.font = { name: FONT, size: 10, color: { argb: 'FF404040' } };

    const header = ws.getRow(HEADER_ROW);
    spec.columns.forEach((c, i) => {
      const cell = header.getCell(i + 1);
      cell.value = c.header;
      cell.font = { name: FONT, bold: true };
      cell.fill = HEADER_FILL;
      cell.alignment = { vertical: 'middle', wrapText: true };
      cell.border = { bottom: { style: 'thin' } };
    });
    header.height = 30;
    header.commit();

    const add = (values: Value[], bold: boolean) => {
      const r = ws.addRow(spec.columns.map((c, i) => cellValue(c.type, values[i] ?? null)));
      spec.columns.forEach((c, i) => {
        const cell = r.getCell(i + 1);
        const format = NUMBER_FORMATS[c.type];
        if (format) cell.numFmt = format;
        if (c.type === 'text') cell.alignment = { vertical: 'top', wrapText: c.width >= 30 };
        if (bold) cell.font = { name: FONT, bold: true };
      });
      r.commit();
    };
    for await (const values of rows) add(values, false);
    if (opts.boldLast) add(opts.boldLast, true);
    ws.commit();
    await wb.commit();
  };
  write().catch((err: unknown) => out.destroy(err instanceof Error ? err : new Error(String(err))));
  return out;
}

/** An attachment header whose file name survives Chinese characters (RFC 6266 / 5987). */
export function attachmentHeader(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}
