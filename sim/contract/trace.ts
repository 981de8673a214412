// The event trace of one run, as it leaves the simulator: a union of namespaced events, each with
// the fields it always carries. Times are simulated hours; ids are scenario ids. A consumer reads
// what happened from `type`; `technique` is the ATT&CK for ICS id to show, never a thing to branch on.

/** Where a foothold sits: an owned host, a VPN tunnel, a brokered zero-trust session, the internet. */
export type FootholdVia = 'host' | 'vpn' | 'broker' | 'internet';

interface At {
  t: number;
  /** One line in words, for timelines and tooltips. */
  detail: string;
}

/** The initial access gave the attacker a foothold: a tunnel, an internet-facing device or a phished host. */
export interface AttackInitial extends At {
  type: 'attack.initial';
  technique: string;
  foothold: string;
  via: FootholdVia;
}

/** Nothing the attacker holds at the start opens a way in under this design. */
export interface AttackNoEntry extends At {
  type: 'attack.no-entry';
  technique: string;
}

/** A foothold gained on the way: a host it now runs tools on, or a tunnel opened with a learned credential. */
export interface AttackFoothold extends At {
  type: 'attack.foothold';
  technique: string;
  foothold: string;
  via: FootholdVia;
}

/** A foothold listed the hosts it can reach. */
export interface AttackDiscover extends At {
  type: 'attack.discover';
  technique: string;
  foothold: string;
}

/** A connection went through and the technique was tried: it worked or failed. */
export interface AttackStep extends At {
  type: 'attack.step';
  technique: string;
  foothold: string;
  target: string;
  action: string;
  /** The policy rule that allowed the connection, when a PDP decided it. */
  rule?: string;
  outcome: 'success' | 'failure';
}

/** A credential cached on a host the attacker holds was read off it (or the try failed). */
export interface AttackHarvest extends At {
  type: 'attack.harvest';
  technique: string;
  host: string;
  credential: string;
  outcome: 'success' | 'failure';
}

/** A user-level hold on a host became administrator through a local vulnerability (or the try failed). */
export interface AttackEscalate extends At {
  type: 'attack.escalate';
  technique: string;
  host: string;
  vulnerability: string;
  outcome: 'success' | 'failure';
}

/** A document on a host the attacker holds was read: the hosts and credentials it names become known. */
export interface AttackRead extends At {
  type: 'attack.read';
  technique: string;
  host: string;
  document: string;
  outcome: 'success' | 'failure';
}

/** A scripted step that no foothold can carry out with what the attacker holds. */
export interface AttackUnable extends At {
  type: 'attack.unable';
  technique: string;
  target?: string;
}

/** A connection the network or the policy refused. */
export interface AttackRefused extends At {
  type: 'attack.refused';
  foothold: string;
  target: string;
  action: string;
  /** The ATT&CK for ICS mitigation that refused it. */
  mitigation?: string;
  /** The policy rule behind the refusal, when a PDP decided it and a rule matched. */
  rule?: string;
}

/** A connection the PDP holds until a just-in-time approval of `rule` arrives. */
export interface AttackHeld extends At {
  type: 'attack.held';
  foothold: string;
  target: string;
  action: string;
  rule: string;
  mitigation?: string;
}

/** A commanded controller took its production line down. */
export interface AttackImpact extends At {
  type: 'attack.impact';
  technique: string;
  foothold: string;
  target: string;
  line: string;
}

/** The attacker lost a foothold: isolated, its account disabled or locked, or its session revoked. */
export interface AttackFootholdLost extends At {
  type: 'attack.foothold-lost';
  foothold: string;
  via: FootholdVia;
}

/** After a containment the attacker came back in with a way nobody closed: a credential, an exposed service, a device. */
export interface AttackReentry extends At {
  type: 'attack.reentry';
  technique: string;
  /** The footholds it came back through. */
  footholds: string[];
}

/** The approver granted a just-in-time approval someone asked for from `requester`. */
export interface ApprovalGranted extends At {
  type: 'approval.granted';
  rule: string;
  requester: string;
}

export interface ApprovalRefused extends At {
  type: 'approval.refused';
  rule: string;
  requester: string;
}

/** A sensor flagged an attacker action. */
export interface DefenseDetect extends At {
  type: 'defense.detect';
  sensor: string;
  technique: string;
  /** The host the action ran on, when it ran on one. */
  host?: string;
  /** The identity it ran under (a user or a VPN account), when there is one. */
  identity?: string;
}

/** A response round starts: the playbook runs, each step at its own time, on what the defenders know. */
export interface DefenseRespond extends At {
  type: 'defense.respond';
}

/** The investigation found a foothold of the attacker's that no sensor had named. */
export interface DefenseFind extends At {
  type: 'defense.find';
  foothold: string;
  via: FootholdVia;
}

/** One playbook step ran: `targets` are the hosts, zones, identities, credentials or tunnels it cut. */
export interface DefenseAct extends At {
  type: 'defense.act';
  /** The playbook action, e.g. isolate-host, rotate-credentials. */
  action: string;
  targets: string[];
  /** failed: the step did not work this time (its odds); the next round tries again. */
  outcome: 'done' | 'failed';
}

/** A cut with a duration ended: a reimaged host is back in service, a zone or a tunnel reopened. */
export interface DefenseLift extends At {
  type: 'defense.lift';
  action: string;
  target: string;
}

/** The attacker lost its last foothold after a detection: contained, and the lines' recovery starts. */
export interface DefenseContain extends At {
  type: 'defense.contain';
}

/** The PDP locked an identity on its own telemetry: live sessions revoked, new ones refused. */
export interface PdpBlock extends At {
  type: 'pdp.block';
  identity: string;
}

/** A disrupted line is back in production. */
export interface LineRecovered extends At {
  type: 'line.recovered';
  line: string;
}

/** A technician asks for access to assets. */
export interface WorkloadRequest extends At {
  type: 'workload.request';
  user: string;
  targets: string[];
}

export interface WorkloadAccess extends At {
  type: 'workload.access';
  user: string;
}

/** A technician's request got no access. */
export interface WorkloadFailed extends At {
  type: 'workload.failed';
  user: string;
}

export type TraceEvent =
  | AttackInitial
  | AttackNoEntry
  | AttackFoothold
  | AttackDiscover
  | AttackStep
  | AttackHarvest
  | AttackEscalate
  | AttackRead
  | AttackUnable
  | AttackRefused
  | AttackHeld
  | AttackImpact
  | AttackFootholdLost
  | AttackReentry
  | ApprovalGranted
  | ApprovalRefused
  | DefenseDetect
  | DefenseRespond
  | DefenseFind
  | DefenseAct
  | DefenseLift
  | DefenseContain
  | PdpBlock
  | LineRecovered
  | WorkloadRequest
  | WorkloadAccess
  | WorkloadFailed;

/** An event as a process emits it; the world stamps the time. */
export type UntimedEvent = Untimed<TraceEvent>;
type Untimed<E> = E extends TraceEvent ? Omit<E, 't'> : never;

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

export type MetricName = (typeof METRIC_NAMES)[number];

/** What a scenario's expectation may bound: every run metric, and the share of runs that reach a PLC. */
export const EXPECTABLE_METRICS = [...METRIC_NAMES, 'plcReachedProbability'] as const;

export type ExpectableMetric = (typeof EXPECTABLE_METRICS)[number];

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
