// What each host enforces and holds under one design: how each of its services authenticates, its
// firewall, the credentials it caches, and whether it answers scans. The plant states them; a
// design's hardening replaces service authentication and firewalls and adds cached passwords.
import { requirementFor, statesAuth, type Requirement, type ServiceAuthSpec } from '../model/auth.js';
import {
  localEscalation,
  PRIVILEGE,
  selectAssets,
  type AssetNode,
  type CachedNode,
  type PlantModel,
  type ServiceNode,
} from '../model/plantModel.js';
import type { Design } from '../model/schema.js';
import { compileFirewall, type HostFirewall } from './hostFirewall.js';

type StatedAuth = ServiceAuthSpec & { protocol: string };

interface Hardened {
  /** Per service index, the authentication it states under this design. */
  services: (StatedAuth | undefined)[];
  firewall?: HostFirewall | null;
  cached: CachedNode[];
}

export class HostRules {
  /** 1 where the host answers no scan under this design. */
  readonly hidden: Uint8Array;
  readonly anyHidden: boolean;
  /** 1 where the host's firewall names source assets: hosts sharing zones get different answers. */
  readonly sourceSpecific: Uint8Array;
  private readonly hardened = new Map<number, Hardened>();
  private readonly firewalls: (HostFirewall | null)[];
  /** Per asset whose services state their authentication (or a design hardens them), per service. */
  private readonly stating = new Map<number, (readonly Requirement[])[]>();
  /** What services that state nothing need, by protocol: [no project password, project password]. */
  private readonly sharedDefaults = [
    new Map<string, readonly Requirement[]>(),
    new Map<string, readonly Requirement[]>(),
  ];
  /** Per credential, the assets whose services name it (beside those it opens). */
  private readonly namedBy = new Map<number, number[]>();

  constructor(
    private readonly model: PlantModel,
    design: Design,
  ) {
    const n = model.assets.length;
    this.hidden = new Uint8Array(n);
    for (const sel of design.hidden) for (const a of selectAssets(model, sel)) this.hidden[a] = 1;
    this.anyHidden = this.hidden.includes(1);
    this.firewalls = model.assets.map((a) =>
      a.spec.firewall === undefined ? null : compileFirewall(model, a.spec.firewall),
    );
    for (const h of design.hardening) {
      const targets = [...new Set(h.assets.flatMap((sel) => selectAssets(model, sel)))];
      for (const t of targets) {
        const asset = model.assets[t]!;
        let entry = this.hardened.get(t);
        if (entry === undefined) this.hardened.set(t, (entry = { services: [], cached: [] }));
        for (const hs of h.services)
          asset.services.forEach((s, i) => {
            if (s.protocol === hs.protocol && (hs.port === undefined || hs.port === s.port)) entry.services[i] = hs;
          });
        if (h.firewall !== undefined) this.firewalls[t] = compileFirewall(model, h.firewall);
        for (const c of h.credentials)
          entry.cached.push({
            credential: model.credentialIndex.get(c.credential)!,
            privilege: PRIVILEGE[c.privilege],
          });
      }
    }
    this.sourceSpecific = new Uint8Array(n);
    this.firewalls.forEach((f, i) => {
      if (f?.namesAssets) this.sourceSpecific[i] = 1;
    });
    for (const a of model.assets) {
      if (!this.hardened.has(a.index) && !a.spec.services.some((x) => statesAuth(x))) continue;
      this.stating.set(a.index, []);
      a.services.forEach((_, i) => {
        const stated = this.stated(a, i);
        const named = [
          ...(stated.password ?? []),
          ...Object.values(stated.auth ?? {}).flatMap((r) => (typeof r === 'string' ? [] : r)),
        ];
        for (const c of new Set(named)) {
          const index = model.credentialIndex.get(c)!;
          const list = this.namedBy.get(index);
          if (list === undefined) this.namedBy.set(index, [a.index]);
          else if (list[list.length - 1] !== a.index) list.push(a.index);
        }
      });
    }
  }

  /** The assets a credential may open: those it says it opens, and those whose services name it. */
  targetsOf(credential: number): Iterable<number> {
    const named = this.namedBy.get(credential);
    const opens = this.model.credentials[credential]!.opens;
    return named === undefined ? opens : new Set([...opens, ...named]);
  }

  /** What each action of the service needs, in the order of the protocol's actions. */
  requirements(target: AssetNode, serviceIndex: number): readonly Requirement[] {
    const row = this.stating.get(target.index);
    if (row === undefined) return this.defaults(target, target.services[serviceIndex]!.protocol);
    let reqs = row[serviceIndex];
    if (reqs === undefined) row[serviceIndex] = reqs = this.resolve(target, serviceIndex);
    return reqs;
  }

  firewall(target: number): HostFirewall | null {
    return this.firewalls[target]!;
  }

  /** The credentials cached on a host, the plant's then the design's. */
  cached(asset: number): readonly CachedNode[] {
    const extra = this.hardened.get(asset)?.cached;
    const own = this.model.assets[asset]!.cached;
    return extra === undefined || extra.length === 0 ? own : [...own, ...extra];
  }

  /**
   * Does the host keep a credential or document only administrator reads, with no local privilege
   * escalation to get there? Then a user on it is worth taking it again as administrator.
   */
  needsAdministrator(asset: number): boolean {
    const node = this.model.assets[asset]!;
    if (localEscalation(node) !== undefined) return false;
    return (
      this.cached(asset).some((c) => c.privilege > PRIVILEGE.user) ||
      node.documents.some((d) => d.privilege > PRIVILEGE.user)
    );
  }

  /** Every credential cached on a host, whatever the privilege that reads it. */
  cachedIds(asset: number): readonly number[] {
    const extra = this.hardened.get(asset)?.cached;
    const own = this.model.assets[asset]!.storedCredentials;
    return extra === undefined || extra.length === 0 ? own : [...own, ...extra.map((c) => c.credential)];
  }

  private stated(target: AssetNode, serviceIndex: number): StatedAuth {
    return this.hardened.get(target.index)?.services[serviceIndex] ?? target.spec.services[serviceIndex]!;
  }

  private resolve(target: AssetNode, serviceIndex: number): readonly Requirement[] {
    const { model } = this;
    const service: ServiceNode = target.services[serviceIndex]!;
    const stated = this.stated(target, serviceIndex);
    const actions = model.vocab.actionsOf(service.protocol);
    const compute = () =>
      actions.map((a) =>
        requirementFor(model.vocab, service.protocol, a, stated, target.programProtected, model.credentialIndex),
      );
    return statesAuth(stated) ? compute() : this.defaults(target, service.protocol);
  }

  /** Services that state nothing share their protocol's defaults. */
  private defaults(target: AssetNode, protocol: string): readonly Requirement[] {
    const { model } = this;
    const byProtocol = this.sharedDefaults[target.programProtected ? 1 : 0]!;
    let shared = byProtocol.get(protocol);
    if (shared === undefined) {
      const none = {};
      shared = model.vocab
        .actionsOf(protocol)
        .map((a) => requirementFor(model.vocab, protocol, a, none, target.programProtected, model.credentialIndex));
      byProtocol.set(protocol, shared);
    }
    return shared;
  }
}
