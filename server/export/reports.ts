/**
 * The report table and a findings list as Excel files: the numbers, rows and
 * words the domain computed (domain/reports.ts, domain/report-labels.ts),
 * laid out as sheets.
 */
import type { Readable } from 'node:stream';
import { daysBetween } from '../../shared/dates';
import { isOnTime } from '../../shared/rates';
import type { BacklogReport, BacklogRow, BacklogTotals } from '../../shared/schemas/backlog';
import type { RectificationReport, ReportLang, ReportRow, ReportTotals } from '../../shared/schemas/reports';
import { categoryLabel, LABELS } from '../domain/report-labels';
import { EXPORT_MAX_FINDINGS, type FindingExport } from '../domain/reports';
import { writeWorkbook, type Column, type ColumnType, type Value } from './workbook';

export interface ExcelFile {
  fileName: string;
  stream: Readable;
}

/** A file name from its parts, without characters file systems refuse. */
export const fileName = (...parts: string[]) => `${parts.filter(Boolean).join(' ').replace(/[\\/:*?"<>|›]+/g, '-').replace(/\s+/g, ' ').trim()}.xlsx`;

const compactPeriod = (from: string | null, to: string | null) => (from || to ? `${from ?? ''}~${to ?? ''}` : '');

/** A column of the report table and how a row (or the totals) fills it. */
interface Field {
  column: Column;
  value: (r: ReportRow | ReportTotals) => Value;
}

const field = (header: string, width: number, type: ColumnType, value: Field['value']): Field => ({
  column: { header, width, type },
  value,
});

export function reportExcel(report: RectificationReport, lang: ReportLang): ExcelFile {
  const l = LABELS[lang];
  const c = l.columns;
  const g = report.groupBy;
  const coverage = g === 'park' || g === 'region';

  const count = (key: 'total' | 'closed' | 'onTime' | 'overdue' | 'openMajor') =>
    field(c[key], 10, 'int', (r) => r[key]);
  const fields: Field[] = [
    field(l.groupHeader[g], g === 'month' ? 12 : 30, 'text', (r) => ('label' in r ? r.label : l.totalsRow)),
    ...(g === 'park'
      ? [
          field(c.regionName, 14, 'text', (r) => ('key' in r ? (r.regionName ?? null) : null)),
          field(c.starRating, 7, 'int', (r) => ('key' in r ? (r.starRating ?? null) : null)),
        ]
      : g === 'region'
        ? [field(c.kind, 8, 'text', (r) => ('key' in r && r.kind ? l.kind[r.kind] : null))]
        : []),
    count('total'),
    count('closed'),
    count('onTime'),
    count('overdue'),
    count('openMajor'),
    field(c.rate, 10, 'rate', (r) => r.rate),
    field(c.onTimeRate, 12, 'rate', (r) => r.onTimeRate),
    ...(coverage
      ? [
          field(c.enterprises, 9, 'int', (r) => r.enterprises ?? null),
          field(c.inspectedEnterprises, 11, 'int', (r) => r.inspectedEnterprises ?? null),
          field(c.inspectionCoverage, 12, 'rate', (r) => r.inspectionCoverage ?? null),
        ]
      : []),
  ];

  const title = `${report.scope} ${l.title[g]}`;
  const stream = writeWorkbook(
    {
      sheetName: l.sheet.report,
      title,
      info: l.info(report.scope, l.period(report.from, report.to), report.today),
      columns: fields.map((f) => f.column),
    },
    report.rows.map((r) => fields.map((f) => f.value(r))),
    { boldLast: fields.map((f) => f.value(report.totals)) },
  );
  return { fileName: fileName(report.scope, l.title[g], compactPeriod(report.from, report.to)), stream };
}

export function findingsExcel(x: FindingExport, lang: ReportLang, tz: string): ExcelFile {
  const l = LABELS[lang];
  const c = l.columns;
  const yesNo = (b: boolean) => (b ? l.yes : l.no);
  const columns: Column[] = [
    { header: c.park, width: 24, type: 'text' },
    { header: c.region, width: 12, type: 'text' },
    { header: c.enterprise, width: 24, type: 'text' },
    { header: c.category, width: 10, type: 'text' },
    { header: c.severity, width: 10, type: 'text' },
    { header: c.description, width: 40, type: 'text' },
    { header: c.location, width: 14, type: 'text' },
    { header: c.requirement, width: 30, type: 'text' },
    { header: c.observedAt, width: 17, type: 'datetime' },
    { header: c.dueDate, width: 12, type: 'date' },
    { header: c.status, width: 10, type: 'text' },
    { header: c.rectifiedOnSite, width: 9, type: 'text' },
    { header: c.rectifiedAt, width: 17, type: 'datetime' },
    { header: c.closedAt, width: 17, type: 'datetime' },
    { header: c.onTimeFlag, width: 9, type: 'text' },
    { header: c.overdueDays, width: 9, type: 'int' },
  ];
  async function* rows(): AsyncIterable<Value[]> {
    for await (const f of x.rows) {
      const closed = f.status === 'closed';
      const onTime = isOnTime({ status: f.status, dueDate: f.dueDate, rectifiedAt: f.rectifiedAt ? new Date(f.rectifiedAt) : null }, tz);
      yield [
        f.parkName,
        f.regionName,
        f.enterpriseName,
        categoryLabel(l, f.category),
        l.severity[f.severity],
        f.description,
        f.location,
        f.requirement,
        f.observedAt,
        f.dueDate,
        l.status[f.status],
        yesNo(f.rectifiedOnSite),
        f.rectifiedAt,
        f.closedAt,
        closed ? yesNo(onTime) : null,
        f.overdue ? daysBetween(f.dueDate, x.today) : null,
      ];
    }
  }
  const what = [
    l.findingsTitle[x.measure],
    x.category ? categoryLabel(l, x.category) : '',
    x.severity ? l.severity[x.severity] : '',
  ].filter(Boolean);
  const count = x.total > EXPORT_MAX_FINDINGS ? l.truncated(EXPORT_MAX_FINDINGS, x.total) : l.count(x.total);
  const stream = writeWorkbook(
    {
      sheetName: l.sheet.findings,
      title: l.aside(`${x.scope} ${what.join(l.listSeparator)}`, count),
      info: l.info(x.scope, l.period(x.from, x.to), x.today),
      columns,
    },
    rows(),
  );
  return { fileName: fileName(x.scope, ...what, compactPeriod(x.from, x.to)), stream };
}

export function backlogExcel(report: BacklogReport, lang: ReportLang): ExcelFile {
  const l = LABELS[lang];
  const c = l.backlog.columns;
  const counts = ['open', 'submitted', 'overdue', 'overdue1to7', 'overdue8to30', 'overdue31plus', 'openMajor', 'escalatedTown', 'escalatedCity'] as const;
  const columns: Column[] = [
    { header: l.groupHeader[report.groupBy], width: 30, type: 'text' },
    ...(report.groupBy === 'region' ? [{ header: l.columns.kind, width: 8, type: 'text' as const }] : []),
    ...counts.map((k) => ({ header: c[k], width: 11, type: 'int' as const })),
    { header: c.oldestDueDate, width: 13, type: 'date' },
  ];
  const values = (r: BacklogRow | BacklogTotals, label: string): Value[] => [
    label,
    ...(report.groupBy === 'region' ? ['kind' in r && r.kind ? l.kind[r.kind] : null] : []),
    ...counts.map((k) => r[k]),
    r.oldestDueDate,
  ];
  const title = `${report.scope} ${l.backlog.title[report.groupBy]}`;
  const stream = writeWorkbook(
    { sheetName: l.backlog.sheet, title, info: l.backlog.info(report.scope, report.asOf), columns },
    report.rows.map((r) => values(r, r.label)),
    { boldLast: values(report.totals, l.totalsRow) },
  );
  return { fileName: fileName(report.scope, l.backlog.title[report.groupBy], report.asOf), stream };
}
