/** In-app notifications: what changed since the user last looked. */
export const zh = {
  title: '通知',
  nav: { title: '通知' },
  intro: {
    operator: '园区的新隐患，整改复查和延期申请的结果，以及临近和超过整改期限的提醒。',
    inspector: '等待你复查的整改和等待审批的延期申请。',
    supervisor: '等待审批的延期申请。',
    admin: '',
  },
  loading: '正在读取本机数据…',
  extensions: '待审批的延期申请（{n}）',
  fresh: '新通知（{n}）',
  earlier: '之前的通知（近 30 天）',
  noneNew: '没有新通知。',
  none: '没有更早的通知。',
  new: '新',
  kind: {
    create: '新隐患',
    rectify: '整改待复查',
    requestExtension: '延期申请',
    verify: '复查通过，已销号',
    reject: '复查不通过',
    approved: '延期已同意',
    refused: '延期未同意',
    comment: '备注',
    dueSoon: '整改期限将至',
    overdue: '已逾期，请尽快整改',
  },
  by: '{name} · {time}',
  reason: '原因：{note}',
  extendTo: '申请延期至 {date}：{reason}',
  newDue: '新的整改期限：{date}',
  keptDue: '整改期限仍为 {date}',
  dueOn: '整改期限：{date}',
};

export const en: typeof zh = {
  title: 'Notifications',
  nav: { title: 'Alerts' },
  intro: {
    operator: 'New findings in your park, decisions on rectifications and extension requests, and reminders of due dates coming or passed.',
    inspector: 'Rectifications waiting for your re-inspection and extension requests waiting for a decision.',
    supervisor: 'Extension requests waiting for a decision.',
    admin: '',
  },
  loading: 'Reading this phone’s data…',
  extensions: 'Extension requests to decide ({n})',
  fresh: 'New ({n})',
  earlier: 'Earlier (last 30 days)',
  noneNew: 'Nothing new.',
  none: 'Nothing earlier.',
  new: 'New',
  kind: {
    create: 'New finding',
    rectify: 'Rectification to re-inspect',
    requestExtension: 'Extension requested',
    verify: 'Verified and closed',
    reject: 'Rectification rejected',
    approved: 'Extension approved',
    refused: 'Extension refused',
    comment: 'Comment',
    dueSoon: 'Due date coming',
    overdue: 'Overdue: rectify now',
  },
  by: '{name} · {time}',
  reason: 'Reason: {note}',
  extendTo: 'Asks for {date}: {reason}',
  newDue: 'New due date: {date}',
  keptDue: 'The due date stays {date}',
  dueOn: 'Due {date}',
};

declare module '../messages' {
  interface AreaMessages {
    notifications: typeof zh;
  }
}
