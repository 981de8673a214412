// A service naming a declared protocol without a port takes the declaration's port. The services
// are parsed before the declarations are known, so this runs once the whole scenario is parsed.
import { UNRESOLVED_PORT } from './schemaBase.js';

interface PortedService {
  protocol: string;
  port: number;
}

interface WithServices {
  protocols: readonly { id: string; port: number }[];
  plant: {
    assets: readonly {
      services: readonly PortedService[];
      firewall?: { allow: readonly FirewallRule[] } | undefined;
    }[];
    conduits: readonly { services: 'any' | readonly PortedService[] }[];
  };
  designs: readonly {
    conduits?: readonly { services: 'any' | readonly PortedService[] }[] | undefined;
    vpn?: { services: 'any' | readonly PortedService[] } | undefined;
    hardening: readonly { firewall?: { allow: readonly FirewallRule[] } | undefined }[];
  }[];
}

interface FirewallRule {
  services?: readonly PortedService[] | undefined;
}

/** Fills the ports in place; a protocol nobody declared keeps UNRESOLVED_PORT for the reference check to report. */
export function resolveDeclaredPorts<S extends WithServices>(scenario: S): S {
  if (scenario.protocols.length === 0) return scenario;
  const ports = new Map(scenario.protocols.map((p) => [p.id, p.port]));
  const fill = (services: 'any' | readonly PortedService[] | undefined) => {
    if (services === undefined || services === 'any') return;
    for (const s of services) if (s.port === UNRESOLVED_PORT) s.port = ports.get(s.protocol) ?? UNRESOLVED_PORT;
  };
  const fillFirewall = (f: { allow: readonly FirewallRule[] } | undefined) => {
    for (const rule of f?.allow ?? []) fill(rule.services);
  };
  for (const a of scenario.plant.assets) {
    fill(a.services);
    fillFirewall(a.firewall);
  }
  for (const c of scenario.plant.conduits) fill(c.services);
  for (const d of scenario.designs) {
    for (const c of d.conduits ?? []) fill(c.services);
    fill(d.vpn?.services);
    for (const h of d.hardening) fillFirewall(h.firewall);
  }
  return scenario;
}
