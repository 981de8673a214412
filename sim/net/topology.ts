// The network a design builds on the plant: which zone may open which service in which zone,
// which zones are micro-segmented, and which sit behind an enclave gateway.
import type { PlantModel, ServiceNode } from '../model/plantModel.js';
import type { Conduit, Design } from '../model/schema.js';

/** Allowed services for one (from zone, to zone) pair: any, or a set of "protocol:port". */
type Allowance = 'any' | Set<string>;

export interface Topology {
  model: PlantModel;
  design: Design;
  zoneCount: number;
  /** Row-major zoneCount × zoneCount; undefined = no conduit. */
  conduits: (Allowance | undefined)[];
  microSegmented: Uint8Array;
  gated: Uint8Array;
}

export const serviceKey = (s: ServiceNode) => `${s.protocol}:${s.port}`;

export function buildTopology(model: PlantModel, design: Design): Topology {
  const n = model.zones.length;
  const conduits: (Allowance | undefined)[] = new Array(n * n).fill(undefined);
  const zonesOf = (ref: string) => (ref === '*' ? model.zones.map((z) => z.index) : [model.zoneIndex.get(ref)!]);
  const add = (from: number, to: number, c: Conduit) => {
    const k = from * n + to;
    const cur = conduits[k];
    if (c.services === 'any' || cur === 'any') conduits[k] = 'any';
    else conduits[k] = new Set([...(cur ?? []), ...c.services.map(serviceKey)]);
  };
  for (const c of design.conduits ?? model.scenario.plant.conduits) {
    for (const from of zonesOf(c.from))
      for (const to of zonesOf(c.to)) {
        add(from, to, c);
        if (c.bidirectional) add(to, from, c);
      }
  }
  const microSegmented = new Uint8Array(n);
  model.zones.forEach((z) => (microSegmented[z.index] = z.spec.microSegmented ? 1 : 0));
  for (const z of design.microSegmented ?? []) microSegmented[model.zoneIndex.get(z)!] = 1;
  const gated = new Uint8Array(n);
  for (const g of design.gateways) gated[model.zoneIndex.get(g.zone)!] = 1;
  return { model, design, zoneCount: n, conduits, microSegmented, gated };
}

/** Does a conduit let traffic from zone `from` open `service` in zone `to`? */
export function conduitAllows(topo: Topology, from: number, to: number, service: ServiceNode): boolean {
  const a = topo.conduits[from * topo.zoneCount + to];
  return a === 'any' || (a?.has(serviceKey(service)) ?? false);
}
