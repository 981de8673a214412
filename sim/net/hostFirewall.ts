// A host's own firewall: inbound allow rules by source zone, source asset and service, checked
// after conduits and gateways. A connection with no source host (a VPN client, the internet) only
// passes a rule that names no source.
import type { PlantModel, ServiceNode } from '../model/plantModel.js';
import type { Firewall } from '../model/schema.js';
import { serviceKey } from './topology.js';

interface CompiledRule {
  zones: ReadonlySet<number> | null;
  assets: ReadonlySet<number> | null;
  services: ReadonlySet<string> | null;
}

export interface HostFirewall {
  rules: readonly CompiledRule[];
  /** Some rule names source assets. */
  namesAssets: boolean;
}

export function compileFirewall(model: PlantModel, firewall: Firewall): HostFirewall {
  const rules = firewall.allow.map((r) => ({
    zones: r.zones === undefined ? null : new Set(r.zones.map((z) => model.zoneIndex.get(z)!)),
    assets: r.assets === undefined ? null : new Set(r.assets.map((a) => model.assetIndex.get(a)!)),
    services: r.services === undefined ? null : new Set(r.services.map(serviceKey)),
  }));
  return { rules, namesAssets: rules.some((r) => r.assets !== null) };
}

/** Does the firewall let a connection from `source` (a host index, or null for none) open `service`? */
export function firewallAllows(
  model: PlantModel,
  firewall: HostFirewall,
  source: number | null,
  service: ServiceNode,
): boolean {
  return firewall.rules.some((r) => {
    if (r.services !== null && !r.services.has(serviceKey(service))) return false;
    if (r.zones === null && r.assets === null) return true;
    if (source === null) return false;
    return (
      (r.assets?.has(source) ?? false) || (r.zones !== null && model.assets[source]!.zones.some((z) => r.zones!.has(z)))
    );
  });
}
