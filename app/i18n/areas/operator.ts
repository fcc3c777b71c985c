/** The park operator's home: their park's findings by urgency, with search and filters. */
export const zh = {
  title: '我的整改',
  myParks: '我的园区',
  loading: '正在读取本机数据…',
  overview: '按状态查看',
  search: '搜索企业',
  searchPlaceholder: '企业名称或信用代码',
  enterpriseMatches: '匹配的企业',
  openFile: '查看企业档案',
  categoryFilter: '按类别筛选',
  severityFilter: '按严重程度筛选',
  all: '全部',
  clearFilters: '清除筛选',
  group: {
    overdue: '已逾期',
    dueSoon: '3 天内到期',
    open: '待整改',
    submitted: '待复查',
    closed: '已销号',
  },
  hint: {
    overdue: '已超过整改期限：请尽快整改并提交，或申请延期。',
    dueSoon: '即将到期，请抓紧整改。',
    open: '',
    submitted: '已提交整改，等待检查员复查。',
    closed: '近 30 天销号的隐患。',
  },
  count: '{n} 条',
  nothingToDo: '目前没有需要整改的隐患。',
  noMatch: '没有符合筛选条件的隐患。',
  showMore: '再显示 {n} 条',
  showOlderClosed: '显示更早销号的 {n} 条',
};

export const en: typeof zh = {
  title: 'My rectifications',
  myParks: 'My parks',
  loading: 'Reading this phone’s data…',
  overview: 'By status',
  search: 'Search enterprises',
  searchPlaceholder: 'Name or credit code',
  enterpriseMatches: 'Matching enterprises',
  openFile: 'Open the enterprise file',
  categoryFilter: 'Filter by category',
  severityFilter: 'Filter by severity',
  all: 'All',
  clearFilters: 'Clear filters',
  group: {
    overdue: 'Overdue',
    dueSoon: 'Due within 3 days',
    open: 'To rectify',
    submitted: 'Awaiting re-inspection',
    closed: 'Closed',
  },
  hint: {
    overdue: 'Past the due date: rectify and submit, or request an extension.',
    dueSoon: 'Due soon.',
    open: '',
    submitted: 'Rectification submitted; waiting for the inspector.',
    closed: 'Closed in the last 30 days.',
  },
  count: '{n}',
  nothingToDo: 'Nothing to rectify right now.',
  noMatch: 'No finding matches these filters.',
  showMore: 'Show {n} more',
  showOlderClosed: 'Show {n} closed earlier',
};

declare module '../messages' {
  interface AreaMessages {
    operator: typeof zh;
  }
}
