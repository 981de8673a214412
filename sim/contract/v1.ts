// Version 1 of the results bundle, kept only so upgradeBundle can read files written before
// version 2. Everything but the trace is as in version 2.
import type { ResultsBundle, BundleDesign } from './bundle.js';
import type { RunResult } from './trace.js';

/** Version 1's single event shape: the kind of event was spread over type, outcome, technique and detail. */
export interface TraceEventV1 {
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
  actor: 'attacker' | 'defender' | 'technician' | 'pdp';
  technique?: string;
  source?: string;
  target?: string;
  action?: string;
  decision?: string;
  outcome: 'success' | 'failure' | 'denied' | 'pending' | 'info';
  detail: string;
  mitigation?: string;
}

export type RunResultV1 = Omit<RunResult, 'trace'> & { trace: TraceEventV1[] };

export type BundleDesignV1 = Omit<BundleDesign, 'representativeRun'> & { representativeRun: RunResultV1 };

export type ResultsBundleV1 = Omit<ResultsBundle, 'schemaVersion' | 'designs'> & {
  schemaVersion: 1;
  designs: BundleDesignV1[];
};
