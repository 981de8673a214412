// One design's access logic: every connection attempt — from an owned host, a VPN client, a
// zero-trust brokered session or the internet — goes through here and gets a located answer.
import type { Action } from '../model/catalog.js';
import type { AssetNode, PlantModel, ServiceNode } from '../model/plantModel.js';
import { compilePolicy, decide, type CompiledPolicy } from '../policy/index.js';
import { resourceMatches, subjectMatches, type ResourcePattern } from '../policy/match.js';
import type { Decision, DecisionContext, ResourceAttributes, SubjectAttributes } from '../policy/types.js';
import type { Design } from '../model/schema.js';
import { type AccessState, type Block, type ConnectOutcome, MITIGATION_OF, type Origin, quarantine } from './access.js';
import { firewallAllows } from './hostFirewall.js';
import { HostRules } from './hostRules.js';
import { networkReaches, reachesUngated } from './reachability.js';

export type { AccessState, Block, ConnectOutcome, Origin, Tunnel } from './access.js';
import { buildTopology, type Topology } from './topology.js';

export class AccessLayer {
  readonly topology: Topology;
  readonly policy: CompiledPolicy;
  readonly connectors: readonly number[];
  /** What each host enforces and holds under this design: service authentication, firewall, caches. */
  readonly hosts: HostRules;
  private readonly resources: (ResourceAttributes | undefined)[] = [];
  private readonly hostSubjects: (SubjectAttributes | undefined)[] = [];
  /** First connector reaching (target, service) when none is isolated, by service and target; -1 for none, -2 not yet known. */
  private readonly connectorOf = new Map<string, Int32Array>();
  private byLine: number[][] | undefined;

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
   * granted, whatever the conditions. Everything else the PDP denies. In plant order; each
   * distinct resource pattern is matched once, against its zone's or line's assets when it names one.
   */
  grantable(subject: SubjectAttributes): number[] {
    const patterns = new Map<string, ResourcePattern>();
    for (const r of this.policy.rules)
      if (r.effect === 'allow' && subjectMatches(r, subject))
        for (const p of r.resources) patterns.set(typeof p === 'string' ? p : JSON.stringify(p), p);
    const { assets } = this.model;
    if (patterns.has('*')) return assets.map((a) => a.index);
    const granted = new Uint8Array(assets.length);
    for (const p of patterns.values()) {
      if (typeof p === 'string') {
        const i = this.model.assetIndex.get(p);
        if (i !== undefined) granted[i] = 1;
        continue;
      }
      for (const i of this.candidatesFor(p))
        if (!granted[i] && resourceMatches(p, this.resource(assets[i]!))) granted[i] = 1;
    }
    return assets.filter((a) => granted[a.index]).map((a) => a.index);
  }

  /** Assets a selector may match: its zone's, its line's, or all. */
  private candidatesFor(selector: Exclude<ResourcePattern, string>): readonly number[] {
    const { model } = this;
    if (selector.zone !== undefined) {
      const z = model.zoneIndex.get(selector.zone);
      return z === undefined ? [] : model.zones[z]!.assets;
    }
    if (selector.line !== undefined) {
      const l = model.lineIndex.get(selector.line);
      if (l === undefined) return [];
      if (this.byLine === undefined) {
        const byLine: number[][] = model.lines.map(() => []);
        for (const a of model.assets) if (a.line >= 0) byLine[a.line]!.push(a.index);
        this.byLine = byLine;
      }
      return this.byLine[l]!;
    }
    return model.assets.map((a) => a.index);
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
        const closed = quarantine(state);
        const block = networkReaches(this.topology, src.zones, target, service, closed);
        if (block !== null)
          return this.blocked(
            block,
            `${src.id} cannot reach ${target.id}:${service.protocol}/${service.port} (${block})`,
          );
        // A dual-homed target may be entered around its gateway.
        const ungated =
          target.zones.length === 1
            ? this.topology.gated[target.zone] !== 1
            : reachesUngated(this.topology, src.zones, target, service, closed);
        if (ungated) return { ok: true, layer: 'network', connector: null, decision: null };
        return this.throughGateway(this.hostSubject(src), false, target, action, state, undefined);
      }
      case 'vpn': {
        const vpn = this.design.vpn;
        if (vpn === undefined) return this.blocked('vpn-route', 'this design has no VPN');
        if (state.shut?.has('vpn')) return this.blocked('vpn-shut', 'the VPN concentrator is shut');
        const routes = vpn.routes;
        // A dual-homed target is routed when any of its zones is; the tunnel enters a zone like a conduit.
        const anyRouted =
          routes === '*' ? target.zones : target.zones.filter((z) => routes.includes(this.model.zones[z]!.id));
        const closed = quarantine(state);
        const routed = closed === undefined ? anyRouted : anyRouted.filter((z) => !closed.has(z));
        if (routed.length === 0 && anyRouted.length > 0)
          return this.blocked('quarantine', `${this.model.zones[target.zone]!.id} is quarantined`);
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
        if (target.zones.every((z) => state.quarantined?.has(z)))
          return this.blocked('quarantine', `${this.model.zones[target.zone]!.id} is quarantined`);
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
    if (state.shut?.has('broker')) return this.blocked('broker-shut', 'the zero-trust broker is shut');
    const connector = this.connectorFor(target, service, state);
    if (connector === undefined) {
      if (target.zones.every((z) => state.quarantined?.has(z)))
        return this.blocked('quarantine', `${this.model.zones[target.zone]!.id} is quarantined`);
      return this.blocked('no-connector', `no connector reaches ${target.id}:${service.protocol}`);
    }
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

  /** A connector in a quarantined zone has lost its way out to the broker. */
  private connectorFor(target: AssetNode, service: ServiceNode, state: AccessState): number | undefined {
    const { isolated } = state;
    const closed = quarantine(state);
    const find = () =>
      this.connectors.find((c) => {
        const zones = this.model.assets[c]!.zones;
        if (isolated?.has(c) || zones.some((z) => closed?.has(z))) return false;
        return networkReaches(this.topology, zones, target, service, closed) === null;
      });
    if ((isolated !== undefined && isolated.size > 0) || closed !== undefined) return find();
    const key = `${service.protocol}/${service.port}`;
    let known = this.connectorOf.get(key);
    if (known === undefined) this.connectorOf.set(key, (known = new Int32Array(this.model.assets.length).fill(-2)));
    if (known[target.index] === -2) known[target.index] = find() ?? -1;
    const c = known[target.index]!;
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
