// The event trace of one run: the only contract between the simulation and the viewer.
// Times are simulated hours; ids are scenario ids.

export type Actor = 'attacker' | 'defender' | 'technician' | 'pdp';

export type Outcome = 'success' | 'failure' | 'denied' | 'pending' | 'info';

export interface TraceEvent {
  t: number;
  type:
    | 'attack.initial'
    | 'attack.discover'
    | 'attack.step'
    | 'attack.denied'
    | 'attack.impact'
    | 'defense.detect'
    | 'defense.respond'
    | 'defense.recover'
    | 'policy.revoke'
    | 'policy.approve'
    | 'workload.request'
    | 'workload.access';
  actor: Actor;
  technique?: string;
  source?: string;
  target?: string;
  action?: string;
  /** The rule that decided, for PDP-decided connections. */
  decision?: string;
  outcome: Outcome;
  detail: string;
  /** ATT&CK for ICS mitigation that refused the step. */
  mitigation?: string;
}

export interface RunMetrics {
  compromisedAssets: number;
  compromisedPlcs: number;
  linesImpacted: number;
  lowestLevel: number | null;
  timeToFirstPlcHours: number | null;
  timeToDetectionHours: number | null;
  timeToContainmentHours: number | null;
  productionLoss: number;
  attackerActions: number;
  deniedRequests: number;
  /** Requests the PDP held for a just-in-time approval (not counted as denied). */
  heldForApproval: number;
  auditedShare: number;
  workloadRequests: number;
  workloadFailures: number;
  timeToAccessHours: number | null;
  privilegeExposure: number;
}

export const METRIC_NAMES = [
  'compromisedAssets',
  'compromisedPlcs',
  'linesImpacted',
  'lowestLevel',
  'timeToFirstPlcHours',
  'timeToDetectionHours',
  'timeToContainmentHours',
  'productionLoss',
  'attackerActions',
  'deniedRequests',
  'heldForApproval',
  'auditedShare',
  'workloadRequests',
  'workloadFailures',
  'timeToAccessHours',
  'privilegeExposure',
] as const satisfies readonly (keyof RunMetrics)[];

export interface RunResult {
  scenario: string | null;
  design: string;
  attack: string;
  seed: number | string;
  horizonHours: number;
  metrics: RunMetrics;
  compromised: string[];
  linesImpacted: string[];
  blockedBy: Record<string, number>;
  trace: TraceEvent[];
}
