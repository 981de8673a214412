// The vocabulary of live sessions: the clock they run on, the signals they hear, how they end.
import type { AccessRequest, DenyReason, Obligations } from './types.js';

/** What the PDP needs from a clock; the simulation kernel satisfies it. Times in simulated hours. */
export interface Scheduler {
  schedule(delay: number, fn: () => void): number;
  cancel(handle: number): boolean;
  readonly now: number;
}

export interface AuditSink {
  append(time: number, event: { type: string } & Record<string, unknown>): unknown;
}

export type Signal =
  | { kind: 'posture'; device: string; posture: Readonly<Record<string, boolean | string | number>> }
  | { kind: 'lock'; id: string }
  | { kind: 'unlock'; id: string }
  | { kind: 'mfa-stale'; user: string }
  | { kind: 'approval-expired'; ruleId: string }
  | { kind: 'risk'; user?: string; device?: string; score: number }
  | { kind: 'denied'; sessionId: string };

export type RevokeCause = Exclude<Signal['kind'], 'unlock'> | 'window' | 'approval-expiry' | 'sweep';

export interface RevokeReason {
  cause: RevokeCause;
  detail: string;
  reasons: DenyReason[];
}

export interface Session {
  readonly id: string;
  readonly openedAt: number;
  /** Current attributes: posture signals update the subject. */
  readonly request: AccessRequest;
  readonly ruleId: string;
  readonly obligations: Obligations;
  readonly expiresAt: number;
  readonly mfa: boolean;
  readonly denied: number;
  readonly state: 'open' | 'closed' | 'revoked';
  readonly endedAt: number | null;
}

export interface SessionTableOptions {
  audit?: AuditSink | undefined;
  /** Denied requests within a session that revoke it. */
  maxDenied?: number;
  /** Risk scores at or above this revoke the user's or device's sessions. */
  riskThreshold?: number;
  onRevoke?: (session: Session, reason: RevokeReason) => void;
  onClose?: (session: Session, reason: 'expired' | 'closed') => void;
}
