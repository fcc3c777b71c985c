/**
 * The words reports are written in, Chinese and English: group labels in the
 * JSON answer, and the titles and headers of the Excel files. Chinese is the
 * reference; English must name every key it names.
 */
import type { GroupBy, Measure, ReportLang } from '../../shared/schemas/reports';

const zh = {
  category: { fire: '消防', safety: '安全生产', environment: '环保' } as Record<string, string>,
  severity: { general: '一般隐患', major: '重大隐患' },
  status: { open: '待整改', submitted: '待复查', closed: '已销号' },
  month: (y: number, m: number) => `${y}年${m}月`,
  allRegions: '全部区域',
  scopeSeparator: '、',
  pathSeparator: ' › ',
  yes: '是',
  no: '否',
  groupHeader: { park: '园区', region: '区域', category: '类别', severity: '严重程度', month: '月份' } satisfies Record<GroupBy, string>,
  title: {
    park: '隐患整改情况（按园区）',
    region: '隐患整改情况（按区域）',
    category: '隐患整改情况（按类别）',
    severity: '隐患整改情况（按严重程度）',
    month: '隐患整改情况（按月份）',
  } satisfies Record<GroupBy, string>,
  findingsTitle: {
    total: '隐患清单',
    closed: '已整改隐患清单',
    onTime: '按期整改隐患清单',
    overdue: '逾期未整改隐患清单',
    openMajor: '未整改重大隐患清单',
  } satisfies Record<Measure, string>,
  sheet: { report: '整改统计', findings: '隐患清单' },
  columns: {
    kind: '层级',
    regionName: '所属区域',
    starRating: '星级',
    total: '隐患总数',
    closed: '已整改',
    onTime: '按期整改',
    overdue: '逾期未改',
    openMajor: '未改重大隐患',
    rate: '整改率',
    onTimeRate: '按期整改率',
    enterprises: '企业数',
    inspectedEnterprises: '已检查企业',
    inspectionCoverage: '检查覆盖率',
    park: '园区',
    region: '所属区域',
    enterprise: '企业',
    category: '类别',
    severity: '严重程度',
    description: '问题描述',
    location: '位置',
    requirement: '整改要求',
    observedAt: '检查时间',
    dueDate: '整改期限',
    status: '状态',
    rectifiedOnSite: '当场整改',
    rectifiedAt: '整改时间',
    closedAt: '销号时间',
    onTimeFlag: '按期整改',
    overdueDays: '逾期天数',
  },
  kind: { region: '区域', park: '园区' },
  totalsRow: '合计',
  period: (from: string | null, to: string | null) =>
    from && to ? `${from} 至 ${to}` : from ? `${from} 起` : to ? `截至 ${to}` : '全部时间',
  info: (scope: string, period: string, today: string) =>
    `范围：${scope}　统计期间（检查日期）：${period}　逾期判定日：${today}`,
  truncated: (shown: number, total: number) => `共 ${total} 条，仅导出前 ${shown} 条，请缩小范围后再导出其余部分`,
  count: (total: number) => `共 ${total} 条`,
  aside: (text: string, note: string) => `${text}（${note}）`,
  listSeparator: ' · ',
};

export type Labels = typeof zh;

const en: Labels = {
  category: { fire: 'Fire', safety: 'Work safety', environment: 'Environment' },
  severity: { general: 'General', major: 'Major' },
  status: { open: 'To rectify', submitted: 'Awaiting re-inspection', closed: 'Closed' },
  month: (y: number, m: number) => `${new Date(Date.UTC(y, m - 1, 1)).toLocaleString('en', { month: 'short', timeZone: 'UTC' })} ${y}`,
  allRegions: 'All regions',
  scopeSeparator: ', ',
  pathSeparator: ' › ',
  yes: 'Yes',
  no: 'No',
  groupHeader: { park: 'Park', region: 'Region', category: 'Category', severity: 'Severity', month: 'Month' },
  title: {
    park: 'Rectification by park',
    region: 'Rectification by region',
    category: 'Rectification by category',
    severity: 'Rectification by severity',
    month: 'Rectification by month',
  },
  findingsTitle: {
    total: 'Findings',
    closed: 'Rectified findings',
    onTime: 'Findings rectified on time',
    overdue: 'Overdue findings',
    openMajor: 'Open major findings',
  },
  sheet: { report: 'Rectification', findings: 'Findings' },
  columns: {
    kind: 'Level',
    regionName: 'Region',
    starRating: 'Stars',
    total: 'Findings',
    closed: 'Rectified',
    onTime: 'On time',
    overdue: 'Overdue',
    openMajor: 'Open major',
    rate: 'Rectification rate',
    onTimeRate: 'On-time rate',
    enterprises: 'Enterprises',
    inspectedEnterprises: 'Inspected',
    inspectionCoverage: 'Inspection coverage',
    park: 'Park',
    region: 'Region',
    enterprise: 'Enterprise',
    category: 'Category',
    severity: 'Severity',
    description: 'Description',
    location: 'Location',
    requirement: 'Requirement',
    observedAt: 'Inspected at',
    dueDate: 'Due date',
    status: 'Status',
    rectifiedOnSite: 'Fixed on the spot',
    rectifiedAt: 'Rectified at',
    closedAt: 'Closed at',
    onTimeFlag: 'On time',
    overdueDays: 'Days overdue',
  },
  kind: { region: 'Region', park: 'Park' },
  totalsRow: 'Total',
  period: (from, to) => (from && to ? `${from} to ${to}` : from ? `from ${from}` : to ? `up to ${to}` : 'all time'),
  info: (scope, period, today) => `Scope: ${scope}   Period (inspection date): ${period}   Overdue as of: ${today}`,
  truncated: (shown, total) => `${total} findings; only the first ${shown} are exported — narrow the selection for the rest`,
  count: (total) => `${total} findings`,
  aside: (text, note) => `${text} (${note})`,
  listSeparator: ' · ',
};

export const LABELS: Record<ReportLang, Labels> = { zh, en };

export function categoryLabel(l: Labels, category: string, templateTitle?: string): string {
  return l.category[category] ?? templateTitle ?? category;
}

export function monthLabel(l: Labels, month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return l.month(y, m);
}
