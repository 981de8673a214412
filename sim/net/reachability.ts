// Packet-level reachability: zones, conduits and micro-segmentation. No identities here.
import type { AssetNode, ServiceNode } from '../model/plantModel.js';
import type { Protocol } from '../model/catalog.js';
import { conduitAllows, type Topology } from './topology.js';

export type NetworkBlock = 'no-service' | 'conduit' | 'micro-segmentation' | 'quarantine';

export function serviceFor(target: AssetNode, protocol: Protocol): ServiceNode | undefined {
  return target.services.find((s) => s.protocol === protocol);
}

/**
 * Can a host with interfaces in `fromZones` open `service` on `target`? Inside a zone hosts reach
 * each other unless it is micro-segmented; between zones a conduit must allow the service, and
 * no conduit into or out of a `closed` (quarantined) zone does. A dual-homed target is reached
 * through any zone it has an interface in.
 */
export function networkReaches(
  topo: Topology,
  fromZones: readonly number[],
  target: AssetNode,
  service: ServiceNode,
  closed?: ReadonlySet<number>,
): NetworkBlock | null {
  let blockedBySegmentation = false;
  let blockedByQuarantine = false;
  for (const to of target.zones) {
    for (const z of fromZones) {
      if (z === to) {
        if (topo.microSegmented[z] === 1) blockedBySegmentation = true;
        else return null;
      } else if (conduitAllows(topo, z, to, service)) {
        if (closed === undefined || (!closed.has(z) && !closed.has(to))) return null;
        blockedByQuarantine = true;
      }
    }
  }
  return blockedByQuarantine ? 'quarantine' : blockedBySegmentation ? 'micro-segmentation' : 'conduit';
}

/** Does some open way from `fromZones` to `target` avoid every enclave gateway? */
export function reachesUngated(
  topo: Topology,
  fromZones: readonly number[],
  target: AssetNode,
  service: ServiceNode,
  closed?: ReadonlySet<number>,
): boolean {
  for (const to of target.zones) {
    if (topo.gated[to] === 1) continue;
    for (const z of fromZones) {
      if (z === to) {
        if (topo.microSegmented[z] === 0) return true;
      } else if (conduitAllows(topo, z, to, service) && !closed?.has(z) && !closed?.has(to)) return true;
    }
  }
  return false;
}

/** Zones whose assets a host in `fromZones` may reach on some service (a superset, for scanning). */
export function candidateZones(topo: Topology, fromZones: readonly number[]): number[] {
  const out: number[] = [];
  for (let to = 0; to < topo.zoneCount; to++) {
    if (
      fromZones.some((z) =>
        z === to ? topo.microSegmented[z] === 0 : topo.conduits[z * topo.zoneCount + to] !== undefined,
      )
    )
      out.push(to);
  }
  return out;
}
