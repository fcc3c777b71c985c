/**
 * Reports (API.md "Reports"): supervisors, inspectors and admins, each within
 * their scope (a region or park outside it is 404); operators get 403. The
 * .xlsx routes answer the same query as an Excel file.
 */
import { OpenAPIHono, createRoute } from '@hono/zod-openapi';
import { BacklogQuery, BacklogReport } from '../../../shared/schemas/backlog';
import {
  RectificationReport,
  ReportFindingExportQuery,
  ReportFindingPage,
  ReportFindingQuery,
  ReportQuery,
} from '../../../shared/schemas/reports';
import { backlogReport } from '../../domain/backlog';
import { findingsForExport, rectificationReport, reportFindings } from '../../domain/reports';
import { backlogExcel, findingsExcel, reportExcel } from '../../export/reports';
import { requireAuth, requireRole } from '../auth';
import type { AppEnv } from '../env';
import { excel, sendExcel } from '../excel';
import { errors, json } from '../openapi';

const gate = [requireAuth, requireRole('supervisor', 'inspector', 'admin')] as const;

const reportRoute = createRoute({
  method: 'get',
  path: '/api/reports/rectification',
  tags: ['reports'],
  middleware: [...gate],
  request: { query: ReportQuery },
  responses: {
    200: json(RectificationReport, 'rectification counts and rates by group, and their totals'),
    ...errors(400, 401, 403, 404),
  },
});

const reportExcelRoute = createRoute({
  method: 'get',
  path: '/api/reports/rectification.xlsx',
  tags: ['reports'],
  middleware: [...gate],
  request: { query: ReportQuery },
  responses: { 200: excel('the same table as an Excel file, with a totals row'), ...errors(400, 401, 403, 404) },
});

const findingsRoute = createRoute({
  method: 'get',
  path: '/api/reports/findings',
  tags: ['reports'],
  middleware: [...gate],
  request: { query: ReportFindingQuery },
  responses: {
    200: json(ReportFindingPage, 'the findings one number of the table counts, a page at a time'),
    ...errors(400, 401, 403, 404),
  },
});

const findingsExcelRoute = createRoute({
  method: 'get',
  path: '/api/reports/findings.xlsx',
  tags: ['reports'],
  middleware: [...gate],
  request: { query: ReportFindingExportQuery },
  responses: { 200: excel('the same findings as an Excel file'), ...errors(400, 401, 403, 404) },
});

const backlogRoute = createRoute({
  method: 'get',
  path: '/api/reports/backlog',
  tags: ['reports'],
  middleware: [...gate],
  request: { query: BacklogQuery },
  responses: {
    200: json(BacklogReport, 'every finding in scope not closed today, by group, overdue ones aged by days past due'),
    ...errors(400, 401, 403, 404),
  },
});

const backlogExcelRoute = createRoute({
  method: 'get',
  path: '/api/reports/backlog.xlsx',
  tags: ['reports'],
  middleware: [...gate],
  request: { query: BacklogQuery },
  responses: { 200: excel('the same backlog table as an Excel file, with a totals row'), ...errors(400, 401, 403, 404) },
});


export function reportRoutes() {
  return new OpenAPIHono<AppEnv>()
    .openapi(reportRoute, async (c) =>
      c.json(await rectificationReport(c.get('services'), c.get('actor'), c.req.valid('query')), 200),
    )
    .openapi(reportExcelRoute, async (c) => {
      const q = c.req.valid('query');
      const report = await rectificationReport(c.get('services'), c.get('actor'), q);
      return sendExcel(reportExcel(report, q.lang ?? 'zh'));
    })
    .openapi(findingsRoute, async (c) =>
      c.json(await reportFindings(c.get('services'), c.get('actor'), c.req.valid('query')), 200),
    )
    .openapi(findingsExcelRoute, async (c) => {
      const s = c.get('services');
      const q = c.req.valid('query');
      return sendExcel(findingsExcel(await findingsForExport(s, c.get('actor'), q), q.lang ?? 'zh', s.tz));
    })
    .openapi(backlogRoute, async (c) => c.json(await backlogReport(c.get('services'), c.get('actor'), c.req.valid('query')), 200))
    .openapi(backlogExcelRoute, async (c) => {
      const q = c.req.valid('query');
      return sendExcel(backlogExcel(await backlogReport(c.get('services'), c.get('actor'), q), q.lang ?? 'zh'));
    });
}
