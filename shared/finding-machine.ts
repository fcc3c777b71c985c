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
}

export const FINDING_RULES: Record<FindingAction, Rule> = {
  rectify: { roles: ['operator', 'inspector', 'admin'], from: ['open'], to: 'submitted' },
  verify: { roles: ['inspector', 'supervisor', 'admin'], from: ['submitted'], to: 'closed' },
  reject: { roles: ['inspector', 'supervisor', 'admin'], from: ['submitted'], to: 'open' },
  requestExtension: { roles: ['operator', 'inspector', 'admin'], from: ['open'], pendingExtension: false },
  // A request stays decidable after the operator has meanwhile submitted evidence.
  decideExtension: { roles: ['inspector', 'supervisor', 'admin'], from: ['open', 'submitted'], pendingExtension: true },
  comment: { roles: ['admin', 'supervisor', 'inspector', 'operator'], from: ['open', 'submitted', 'closed'] },
};

/** Who may create inspections (`inspection.submit`). */
export const INSPECT_ROLES: readonly Role[] = ['inspector', 'admin'];

export type Refusal = 'forbidden' | 'invalid_transition';

/**
 * Whether `role` may take `action` on a finding in `status`; null when allowed.
 * Role is checked first: a role that may never do this is `forbidden`
 * whatever the status.
 */
export function refusal(
  action: FindingAction,
  role: Role,
  finding: { status: FindingStatus; hasPendingExtension: boolean },
): Refusal | null {
  const rule = FINDING_RULES[action];
  if (!rule.roles.includes(role)) return 'forbidden';
  if (!rule.from.includes(finding.status)) return 'invalid_transition';
  if (rule.pendingExtension !== undefined && rule.pendingExtension !== finding.hasPendingExtension) {
    return 'invalid_transition';
  }
  return null;
}

export function nextStatus(action: FindingAction, status: FindingStatus): FindingStatus {
  return FINDING_RULES[action].to ?? status;
}

export function canTake(action: FindingAction, role: Role): boolean {
  return FINDING_RULES[action].roles.includes(role);
}
