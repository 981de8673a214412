// One design's access logic: every connection attempt — from an owned host, a VPN client, a
// zero-trust brokered session or the internet — goes through here and gets a located answer.
import type { Action, Mitigation } from '../model/catalog.js';
import type { AssetNode, PlantModel, ServiceNode } from '../model/plantModel.js';
import { compilePolicy, decide, type CompiledPolicy } from '../policy/index.js';
import { resourceMatches, subjectMatches } from '../policy/match.js';
import type { Decision, DecisionContext, ResourceAttributes, SubjectAttributes } from '../policy/types.js';
import type { Design } from '../model/schema.js';
import { firewallAllows } from './hostFirewall.js';
import { HostRules } from './hostRules.js';
import { networkReaches, reachesUngated } from './reachability.js';
import { buildTopology, type Topology } from './topology.js';

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
  | 'host-firewall';

export type ConnectOutcome =
  | { ok: true; layer: 'network' | 'gateway' | 'broker'; connector: number | null; decision: Decision | null }
  | { ok: false; block: Block; reason: string; decision: Decision | null; mitigation: Mitigation | null };

/** The run-time state the answer depends on: the clock, approvals, locks and isolated hosts. */
export interface AccessState {
  time: number;
  approvals?: DecisionContext['approvals'];
  locks?: ReadonlySet<string>;
  isolated?: ReadonlySet<number>;
}

const MITIGATION_OF: Partial<Record<Block, Mitigation>> = {
  conduit: 'M0930',
  'micro-segmentation': 'M0930',
  'vpn-route': 'M0930',
  gateway: 'M0935',
  broker: 'M0801',
  'no-connector': 'M0930',
  isolated: 'M0930',
  'not-exposed': 'M0930',
  'host-firewall': 'M0937',
};

export class AccessLayer {
  readonly topology: Topology;
  readonly policy: CompiledPolicy;
  readonly connectors: readonly number[];
  /** What each host enforces and holds under this design: service authentication, firewall, caches. */
  readonly hosts: HostRules;
  private readonly resources: (ResourceAttributes | undefined)[] = [];
  private readonly hostSubjects: (SubjectAttributes | undefined)[] = [];
  /** First connector reaching (target, service) when none is isolated; -1 for none. */
  private readonly connectorOf = new Map<string, number>();

  constructor(
    readonly model: PlantModel,
    readonly design: Design,
  ) {
    this.topology = buildTopology(model, design);
    this.policy = compilePolicy(design.zt?.policy.rules ?? [], model.scenario.windows);
    this.connectors = (design.zt?.connectors ?? []).map((c) => model.assetIndex.get(c)!);
    this.hosts = new HostRules(model, design);
  }

  /** The asset as the PDP sees it (built once per asset; treat as read-only). */
  resource(asset: AssetNode): ResourceAttributes {
    let r = this.resources[asset.index];
    if (r === undefined) {
      const line = asset.line >= 0 ? this.model.lines[asset.line]!.id : undefined;
      r = this.resources[asset.index] = {
        id: asset.id,
        zone: this.model.zones[asset.zone]!.id,
        ...(line === undefined ? {} : { line }),
        kind: asset.kind,
        level: asset.level,
      };
    }
    return r;
  }

  /** A host speaks for itself at an enclave gateway: its asset id is the device. */
  hostSubject(asset: AssetNode): SubjectAttributes {
    return (this.hostSubjects[asset.index] ??= {
      device: asset.id,
      roles: [],
      groups: [],
      managedDevice: false,
      posture: {},
    });
  }

  /**
   * Assets some allow rule names for `subject`: a superset of what a brokered session can ever be
   * granted, whatever the conditions. Everything else the PDP denies.
   */
  grantable(subject: SubjectAttributes): number[] {
    const rules = this.policy.rules.filter((r) => r.effect === 'allow' && subjectMatches(r, subject));
    if (rules.length === 0) return [];
    return this.model.assets
      .filter((a) => rules.some((r) => r.resources.some((p) => resourceMatches(p, this.resource(a)))))
      .map((a) => a.index);
  }

  /**
   * Can `origin` perform `action` on the target? Every service of the action's protocol is tried
   * (ssh on 22 and on 2222 are separate doors), or only the one at index `only`; the first that
   * opens answers, else the first refusal. The host's own firewall has the last word.
   */
  connect(origin: Origin, targetIndex: number, action: Action, state: AccessState, only?: number): ConnectOutcome {
    const target = this.model.assets[targetIndex]!;
    const protocol = this.model.vocab.protocolOf(action);
    if (state.isolated?.has(targetIndex)) return this.blocked('isolated', `${target.id} is isolated`);
    let refused: ConnectOutcome | undefined;
    const firewall = this.hosts.firewall(targetIndex);
    for (let i = 0; i < target.services.length; i++) {
      const service = target.services[i]!;
      if (service.protocol !== protocol || (only !== undefined && i !== only)) continue;
      let outcome = this.connectService(origin, target, service, action, state);
      if (outcome.ok && firewall !== null) {
        const source = origin.kind === 'host' ? origin.asset : origin.kind === 'broker' ? outcome.connector : null;
        if (!firewallAllows(this.model, firewall, source, service))
          outcome = this.blocked(
            'host-firewall',
            `the host firewall of ${target.id} drops ${service.protocol}/${service.port}`,
            outcome.decision,
          );
      }
      if (outcome.ok) return outcome;
      refused ??= outcome;
    }
    return refused ?? this.blocked('no-service', `${target.id} exposes no ${protocol} service`);
  }

  private connectService(
    origin: Origin,
    target: AssetNode,
    service: ServiceNode,
    action: Action,
    state: AccessState,
  ): ConnectOutcome {
    switch (origin.kind) {
      case 'host': {
        if (state.isolated?.has(origin.asset))
          return this.blocked('isolated', `${this.model.assets[origin.asset]!.id} is isolated`);
        const src = this.model.assets[origin.asset]!;
        const block = networkReaches(this.topology, src.zones, target, service);
        if (block !== null)
          return this.blocked(
            block,
            `${src.id} cannot reach ${target.id}:${service.protocol}/${service.port} (${block})`,
          );
        // A dual-homed target may be entered around its gateway.
        const ungated =
          target.zones.length === 1
            ? this.topology.gated[target.zone] !== 1
            : reachesUngated(this.topology, src.zones, target, service);
        if (ungated) return { ok: true, layer: 'network', connector: null, decision: null };
        return this.throughGateway(this.hostSubject(src), false, target, action, state, undefined);
      }
      case 'vpn': {
        const vpn = this.design.vpn;
        if (vpn === undefined) return this.blocked('vpn-route', 'this design has no VPN');
        const routes = vpn.routes;
        // A dual-homed target is routed when any of its zones is.
        const routed =
          routes === '*' ? target.zones : target.zones.filter((z) => routes.includes(this.model.zones[z]!.id));
        const allowed =
          vpn.services === 'any' ||
          vpn.services.some((s) => s.protocol === service.protocol && s.port === service.port);
        if (routed.length === 0 || !allowed)
          return this.blocked(
            'vpn-route',
            `the VPN does not route ${service.protocol} to ${this.model.zones[target.zone]!.id}`,
          );
        if (routed.some((z) => this.topology.gated[z] !== 1))
          return { ok: true, layer: 'network', connector: null, decision: null };
        const anonymous: SubjectAttributes = { roles: [], groups: [], managedDevice: false, posture: {} };
        return this.throughGateway(anonymous, false, target, action, state, 'vpn');
      }
      case 'broker':
        return this.brokered(origin.subject, origin.mfa, target, service, action, state);
      case 'internet':
        if (!this.design.internetFacing)
          return this.blocked('not-exposed', `this design exposes nothing to the internet`);
        if (origin.exposed !== target.index)
          return this.blocked('not-exposed', `${target.id} is not reachable from the internet`);
        return { ok: true, layer: 'network', connector: null, decision: null };
    }
  }

  /** Zero trust: the PDP decides asset + function; the connection then leaves from a connector. */
  private brokered(
    subject: SubjectAttributes,
    mfa: boolean,
    target: AssetNode,
    service: ServiceNode,
    action: Action,
    state: AccessState,
  ): ConnectOutcome {
    if (this.connectors.length === 0) return this.blocked('broker', 'this design has no zero-trust broker');
    const connector = this.connectorFor(target, service, state.isolated);
    if (connector === undefined)
      return this.blocked('no-connector', `no connector reaches ${target.id}:${service.protocol}`);
    const decision = decide(
      this.policy,
      { subject, resource: this.resource(target), action, source: this.model.assets[connector]!.id },
      this.context(mfa, state),
    );
    if (decision.effect !== 'allow')
      return this.blocked(
        'broker',
        `the policy ${decision.effect === 'pending' ? 'awaits approval' : 'denies'} ${action} on ${target.id}`,
        decision,
      );
    return { ok: true, layer: 'broker', connector, decision };
  }

  private connectorFor(
    target: AssetNode,
    service: ServiceNode,
    isolated: ReadonlySet<number> | undefined,
  ): number | undefined {
    const find = () =>
      this.connectors.find(
        (c) =>
          !isolated?.has(c) && networkReaches(this.topology, this.model.assets[c]!.zones, target, service) === null,
      );
    if (isolated !== undefined && isolated.size > 0) return find();
    const key = `${target.index}:${service.protocol}/${service.port}`;
    let c = this.connectorOf.get(key);
    if (c === undefined) this.connectorOf.set(key, (c = find() ?? -1));
    return c < 0 ? undefined : c;
  }

  /** The connection can only enter through an enclave gateway: the PDP decides. */
  private throughGateway(
    subject: SubjectAttributes,
    mfa: boolean,
    target: AssetNode,
    action: Action,
    state: AccessState,
    source: string | undefined,
  ): ConnectOutcome {
    const decision = decide(
      this.policy,
      { subject, resource: this.resource(target), action, ...(source === undefined ? {} : { source }) },
      this.context(mfa, state),
    );
    if (decision.effect !== 'allow')
      return this.blocked(
        'gateway',
        `the enclave gateway of ${this.model.zones[target.zone]!.id} denies ${action} on ${target.id}`,
        decision,
      );
    return { ok: true, layer: 'gateway', connector: null, decision };
  }

  private context(mfa: boolean, state: AccessState): DecisionContext {
    return { time: state.time, mfa, approvals: state.approvals, locks: state.locks };
  }

  private blocked(block: Block, reason: string, decision: Decision | null = null): ConnectOutcome {
    return { ok: false, block, reason, decision, mitigation: MITIGATION_OF[block] ?? null };
  }
}
