// The PDP decides on attributes, never on the plant model, so a gateway can embed it.
import type { Action } from '../model/catalog.js';

export type Org = 'internal' | 'oem' | 'integrator';

export interface SubjectAttributes {
  user?: string;
  roles: readonly string[];
  groups: readonly string[];
  org?: Org;
  /** A device id, or an asset id for host-originated connections. */
  device?: string;
  managedDevice: boolean;
  posture: Readonly<Record<string, boolean | string | number>>;
}

export interface ResourceAttributes {
  id: string;
  zone: string;
  line?: string;
  kind: string;
  /** Purdue level of the asset's zone. */
  level: number;
}

export interface AccessRequest {
  subject: SubjectAttributes;
  resource: ResourceAttributes;
  action: Action;
  /** Tunnel or connector id the request comes through. */
  source?: string;
}

export interface Approval {
  expiresAt: number;
}

export interface DecisionContext {
  /** Simulated hours. */
  time: number;
  mfa: boolean;
  approvals?: ReadonlyMap<string /* ruleId */, Approval> | undefined;
  /** Locked user ids, device ids or asset ids. */
  locks?: ReadonlySet<string> | undefined;
}

export type ConditionName = 'mfa' | 'managedDevice' | 'window' | 'approval' | 'sources' | `posture.${string}`;

export type DenyReason =
  | { kind: 'locked'; on: 'user' | 'device' | 'resource'; id: string }
  | { kind: 'deny-rule'; ruleId: string; matched: string[] }
  | { kind: 'no-matching-rule' }
  | { kind: 'condition'; ruleId: string; condition: ConditionName; expected: string; found: string }
  | { kind: 'session-ended'; sessionId: string };

export interface Obligations {
  /** Shortest TTL any allowing rule asks for; null when none does. */
  ttlHours: number | null;
  /** True when any allowing rule requires the session to be recorded. */
  record: boolean;
}

export type Decision =
  | { effect: 'allow'; ruleId: string; obligations: Obligations; reasons: string[] }
  | { effect: 'deny'; ruleId: string | null; reasons: DenyReason[] }
  | { effect: 'pending'; ruleId: string; approvalBy: string; reasons: DenyReason[] };
