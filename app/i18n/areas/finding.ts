/** Words for findings used on many screens: statuses, severities, categories. */
export const zh = {
  status: { open: '待整改', submitted: '待复查', closed: '已销号' },
  severity: { general: '一般隐患', major: '重大隐患' },
  category: {
    fire: '消防',
    safety: '安全生产',
    environment: '环保',
    special_equipment: '特种设备',
    building_safety: '房屋使用安全',
  },
  overdueDays: '逾期 {n} 天',
};

export const en: typeof zh = {
  status: { open: 'To rectify', submitted: 'Awaiting re-inspection', closed: 'Closed' },
  severity: { general: 'General', major: 'Major' },
  category: {
    fire: 'Fire',
    safety: 'Work safety',
    environment: 'Environment',
    special_equipment: 'Special equipment',
    building_safety: 'Building safety',
  },
  overdueDays: '{n} days overdue',
};

declare module '../messages' {
  interface AreaMessages {
    finding: typeof zh;
  }
}
