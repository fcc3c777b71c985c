/** A plan's targets as an Excel file: by park and building, done or not, and how many inspections counted. */
import type { PlanDetail } from '../../shared/schemas/plans';
import type { ReportLang } from '../../shared/schemas/reports';
import { LABELS } from '../domain/report-labels';
import { fileName, type ExcelFile } from './reports';
import { writeWorkbook } from './workbook';

export function planExcel({ plan, targets }: PlanDetail, lang: ReportLang): ExcelFile {
  const l = LABELS[lang];
  const c = l.plan.columns;
  const coverage = plan.coverage === null ? '—' : `${(plan.coverage * 100).toFixed(1)}%`;
  const stream = writeWorkbook(
    {
      sheetName: l.plan.sheet,
      title: `${plan.name} ${l.plan.title}`,
      info: l.plan.info(`${plan.startDate} ~ ${plan.endDate}`, plan.templateCodes.join(l.scopeSeparator), `${plan.done} / ${plan.targets}`, coverage),
      columns: [
        { header: c.park, width: 26, type: 'text' },
        { header: c.building, width: 10, type: 'text' },
        { header: c.enterprise, width: 30, type: 'text' },
        { header: c.done, width: 10, type: 'text' },
        { header: c.inspections, width: 10, type: 'int' },
      ],
    },
    targets.map((t) => [t.parkName, t.building, t.enterpriseName, t.done ? l.plan.done : l.plan.notDone, t.inspectionIds.length]),
  );
  return { fileName: fileName(plan.name, l.plan.title), stream };
}
