// What the access layer answers about and with: where a connection starts, the run-time state
// the answer depends on, and the located answer with the block and mitigation that refused it.
import type { Mitigation } from '../model/catalog.js';
import type { Decision, DecisionContext, SubjectAttributes } from '../policy/types.js';

/** Where a connection starts. A brokered session carries its identity; a VPN client only an address. */
export type Origin =
  | { kind: 'host'; asset: number }
  | { kind: 'vpn'; account: string }
  | { kind: 'broker'; subject: SubjectAttributes; mfa: boolean }
  | { kind: 'internet'; exposed: number };

export type Block =
  | 'no-service'
  | 'conduit'
  | 'micro-segmentation'
  | 'vpn-route'
  | 'gateway'
  | 'broker'
  | 'no-connector'
  | 'isolated'
  | 'not-exposed'
  | 'host-firewall'
  | 'quarantine'
  | 'vpn-shut'
  | 'broker-shut';

/** The tunnels a defender can shut: the VPN concentrator, the zero-trust broker. */
export type Tunnel = 'vpn' | 'broker';

export type ConnectOutcome =
  | { ok: true; layer: 'network' | 'gateway' | 'broker'; connector: number | null; decision: Decision | null }
  | { ok: false; block: Block; reason: string; decision: Decision | null; mitigation: Mitigation | null };

/** The run-time state the answer depends on: the clock, approvals, locks and the defenders' cuts. */
export interface AccessState {
  time: number;
  approvals?: DecisionContext['approvals'];
  locks?: ReadonlySet<string>;
  isolated?: ReadonlySet<number>;
  /** Zones whose every conduit in and out is closed; traffic inside them still flows. */
  quarantined?: ReadonlySet<number>;
  shut?: ReadonlySet<Tunnel>;
}

export const MITIGATION_OF: Partial<Record<Block, Mitigation>> = {
  conduit: 'M0930',
  'micro-segmentation': 'M0930',
  'vpn-route': 'M0930',
  gateway: 'M0935',
  broker: 'M0801',
  'no-connector': 'M0930',
  isolated: 'M0930',
  'not-exposed': 'M0930',
  'host-firewall': 'M0937',
  quarantine: 'M0930',
  'vpn-shut': 'M0942',
  'broker-shut': 'M0942',
};

/** The quarantined zones, or undefined when there are none (the common case, kept cheap). */
export function quarantine(state: AccessState): ReadonlySet<number> | undefined {
  return state.quarantined !== undefined && state.quarantined.size > 0 ? state.quarantined : undefined;
}
