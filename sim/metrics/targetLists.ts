// The targets a static analysis tries from each origin: what the network lets the origin address.
import type { AssetNode } from '../model/plantModel.js';
import type { AccessLayer, Origin } from '../net/AccessLayer.js';
import { candidateZones } from '../net/reachability.js';

/**
 * Targets worth trying from an origin. Hosts sharing zones share non-gated targets: the first of a
 * group tries them, the others only the gated ones (where the PDP decides per device) and those
 * whose host firewall names source hosts.
 */
export class TargetLists {
  private readonly seen = new Set<string>();
  private readonly gatedOnly = new Map<string, number[][]>();
  /** Each zone's assets, this computation's copy: the search drops owned ones from it. */
  private readonly zoneLists: (number[] | undefined)[] = [];
  private readonly dualHomed: readonly AssetNode[];
  private readonly sourceSpecific: readonly AssetNode[];

  constructor(private readonly access: AccessLayer) {
    this.dualHomed = access.model.assets.filter((a) => a.zones.length > 1);
    this.sourceSpecific = access.model.assets.filter((a) => access.hosts.sourceSpecific[a.index] === 1);
  }

  /** Lists of target indices, in plant order; a list may be shared between origins and shortened by the search. */
  of(origin: Origin): number[][] {
    const { model } = this.access;
    switch (origin.kind) {
      case 'internet':
        return [[origin.exposed]];
      case 'broker':
        // A brokered session cannot scan: only what some rule names for its subject can open.
        return [this.access.grantable(origin.subject)];
      case 'vpn': {
        const routes = this.access.design.vpn?.routes ?? [];
        return [
          model.assets
            .filter((a) => routes === '*' || a.zones.some((z) => routes.includes(model.zones[z]!.id)))
            .map((a) => a.index),
        ];
      }
      case 'host': {
        const src = model.assets[origin.asset]!;
        const group = src.zones.join(',');
        if (!this.seen.has(group)) {
          this.seen.add(group);
          return this.inZones(src.zones, false);
        }
        let lists = this.gatedOnly.get(group);
        if (lists === undefined) this.gatedOnly.set(group, (lists = this.inZones(src.zones, true)));
        return lists;
      }
    }
  }

  private inZones(fromZones: readonly number[], gatedOnly: boolean): number[][] {
    const { model, topology } = this.access;
    const candidates = candidateZones(topology, fromZones);
    const zones = candidates.filter((z) => !gatedOnly || topology.gated[z] === 1);
    const lists = zones.map((z) => (this.zoneLists[z] ??= model.zones[z]!.assets.slice()));
    // Dual-homed hosts are reached through their other zones too (a repeat is skipped as owned or cheap).
    const dual = this.dualHomed.filter(
      (a) => a.zones.some((z, i) => i > 0 && zones.includes(z)) && !zones.includes(a.zone),
    );
    if (dual.length > 0) lists.push(dual.map((a) => a.index));
    if (gatedOnly) {
      const own = this.sourceSpecific.filter((a) => a.zones.some((z) => candidates.includes(z)));
      if (own.length > 0) lists.push(own.map((a) => a.index));
    }
    return lists;
  }
}
