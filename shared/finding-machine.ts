/**
 * The rectification loop (整改闭环) as one table: for each action, who may take
 * it and from which status, and what status follows. The server enforces it;
 * the app uses the same table for optimistic updates and to decide which
 * buttons to show, so both always agree.
 *
 *   open ──rectify──▶ submitted ──verify──▶ closed
 *     ▲                  │
 *     └──────reject──────┘
 */

export const ROLES = ['admin', 'supervisor', 'inspector', 'operator'] as const;
export type Role = (typeof ROLES)[number];

export const FINDING_STATUSES = ['open', 'submitted', 'closed'] as const;
export type FindingStatus = (typeof FINDING_STATUSES)[number];

export const SEVERITIES = ['general', 'major'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const FINDING_ACTIONS = ['rectify', 'verify', 'reject', 'requestExtension', 'decideExtension', 'comment'] as const;
export type FindingAction = (typeof FINDING_ACTIONS)[number];

interface Rule {
  roles: readonly Role[];
  /** Statuses the action may start from. */
  from: readonly FindingStatus[];
  /** The status after it; undefined when the status does not change. */
  to?: FindingStatus;
  /** Whether a pending extension request must (true) or must not (false) exist. */
  pendingExtension?: boolean;
  /**
   * Whose own work this action decides, and who therefore may not take it:
   * the rectification's submitter or the extension's requester (四眼原则 —
   * a rate is only worth what its closures are worth).
   */
  notBy?: 'submitter' | 'requester';
  /** For a major hazard (重大隐患), only these roles: 销号 by the supervising department. */
  majorBy?: readonly Role[];
}

export const FINDING_RULES: Record<FindingAction, Rule> = {
  rectify: { roles: ['operator', 'inspector', 'admin'], from: ['open'], to: 'submitted' },
  verify: {
    roles: ['inspector', 'supervisor', 'admin'],
    from: ['submitted'],
    to: 'closed',
    notBy: 'submitter',
    majorBy: ['supervisor', 'admin'],
  },
  reject: { roles: ['inspector', 'supervisor', 'admin'], from: ['submitted'], to: 'open', notBy: 'submitter' },
  requestExtension: { roles: ['operator', 'inspector', 'admin'], from: ['open'], pendingExtension: false },
  // A request stays decidable after the operator has meanwhile submitted evidence.
  decideExtension: {
    roles: ['inspector', 'supervisor', 'admin'],
    from: ['open', 'submitted'],
    pendingExtension: true,
    notBy: 'requester',
  },
  comment: { roles: ['admin', 'supervisor', 'inspector', 'operator'], from: ['open', 'submitted', 'closed'] },
};

/** Who may create inspections (`inspection.submit`). */
export const INSPECT_ROLES: readonly Role[] = ['inspector', 'admin'];

/**
 * Why an action is refused, in words the phone can show (each has a message
 * in the app's languages) and the server can answer with.
 */
export type RefusalReason =
  | 'role'
  | 'status'
  | 'pendingExtension'
  | 'noPendingExtension'
  | 'ownRectification'
  | 'ownExtension'
  | 'majorBySupervisor';

export type RefusalCode = 'forbidden' | 'invalid_transition' | 'conflict';

export const REFUSAL_CODES: Record<RefusalReason, RefusalCode> = {
  role: 'forbidden',
  status: 'invalid_transition',
  pendingExtension: 'conflict',
  noPendingExtension: 'invalid_transition',
  ownRectification: 'forbidden',
  ownExtension: 'forbidden',
  majorBySupervisor: 'forbidden',
};

/** What the rules need to know of a finding. */
export interface FindingFacts {
  status: FindingStatus;
  severity: Severity;
  /** Who submitted the rectification awaiting re-inspection (null: unknown, or the enterprise through its link). */
  submittedBy: string | null;
  pendingExtension: { requestedBy: string } | null;
}

/**
 * Why `actor` may not take `action` on the finding; null when allowed.
 * Role first (a role that may never do this is refused whatever the status),
 * then status, then whose work it is.
 */
export function refusal(action: FindingAction, actor: { id: string; role: Role }, finding: FindingFacts): RefusalReason | null {
  const rule = FINDING_RULES[action];
  if (!rule.roles.includes(actor.role)) return 'role';
  if (!rule.from.includes(finding.status)) return 'status';
  if (rule.pendingExtension === false && finding.pendingExtension) return 'pendingExtension';
  if (rule.pendingExtension === true && !finding.pendingExtension) return 'noPendingExtension';
  if (rule.notBy === 'submitter' && finding.submittedBy === actor.id) return 'ownRectification';
  if (rule.notBy === 'requester' && finding.pendingExtension?.requestedBy === actor.id) return 'ownExtension';
  if (rule.majorBy && finding.severity === 'major' && !rule.majorBy.includes(actor.role)) return 'majorBySupervisor';
  return null;
}

export function nextStatus(action: FindingAction, status: FindingStatus): FindingStatus {
  return FINDING_RULES[action].to ?? status;
}

export function canTake(action: FindingAction, role: Role): boolean {
  return FINDING_RULES[action].roles.includes(role);
}
