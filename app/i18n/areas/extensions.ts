/** Deadline extension requests waiting for a decision (/extensions). */
export const zh = {
  title: '延期审批',
  intro: '{n} 条延期申请等待审批。同意后整改期限改为申请的日期。',
  empty: '没有等待审批的延期申请。',
  dueChange: '整改期限 {from} → {to}（延长 {n} 天）',
  reason: '理由：{reason}',
  requested: '{name} 于 {time} 申请',
  requestedAt: '于 {time} 申请',
  loading: '正在读取本机数据…',
};

export const en: typeof zh = {
  title: 'Extension requests',
  intro: '{n} extension requests await a decision. Approving moves the due date to the requested one.',
  empty: 'No extension requests await a decision.',
  dueChange: 'Due date {from} → {to} ({n} day later) | Due date {from} → {to} ({n} days later)',
  reason: 'Reason: {reason}',
  requested: 'Requested by {name} on {time}',
  requestedAt: 'Requested on {time}',
  loading: 'Reading this phone’s data…',
};

declare module '../messages' {
  interface AreaMessages {
    extensions: typeof zh;
  }
}
