// The single changes worth trying against a static worst case: only those that touch a step of its
// attack paths (a service a step crossed a conduit or the VPN with, a vulnerability or credential a
// step could use, a rule that could have allowed it). A change that touches no step leaves every
// path executable, so it cannot shrink the worst case: the list is complete for these kinds.
import type { FixKind } from '../contract/results.js';
import type { Protocol } from '../model/catalog.js';
import type { AssetNode, PlantModel } from '../model/plantModel.js';
import type { Conduit, Design, Scenario, Service } from '../model/schema.js';
import type { BlastRadius, PathStep } from './blastRadius.js';
import { ruleCandidates } from './fixRules.js';

/** One change, as data and as the copies of the scenario and design it makes. */
export interface FixCandidate {
  kind: FixKind;
  change: string;
  on: string[];
  /** True when the plant changes (the model is rebuilt), false when only the design does. */
  plant: boolean;
  apply(scenario: Scenario, design: Design): { scenario: Scenario; design: Design };
}

const ZT_SESSION = /^zt-session\(/;

export function fixCandidates(model: PlantModel, design: Design, radius: BlastRadius): FixCandidate[] {
  const out = new Map<string, FixCandidate>();
  const add = (key: string, c: FixCandidate) => {
    if (!out.has(key)) out.set(key, c);
  };
  const held = new Set(radius.credentials);
  const owned = new Set(radius.assets);
  const steps = uniqueSteps(radius);
  for (const step of steps) {
    const target = model.assets[model.assetIndex.get(step.to) ?? -1];
    if (step.action === 'harvest') {
      if (target)
        for (const { credential: c } of target.spec.credentials)
          if (held.has(c)) add(`cache ${c} ${target.id}`, uncache(target, c));
      continue;
    }
    if (target === undefined || step.action === 'login' || step.action === 'escalate' || step.action === 'read')
      continue;
    const protocol = model.vocab.action(step.action)?.protocol;
    if (protocol === undefined) continue;
    for (const v of target.vulnerabilities)
      if (v.service === protocol) add(`vuln ${v.id} ${target.id}`, patch(target, v.id));
    for (const c of model.credentials)
      if (held.has(c.id) && c.opens.has(target.index) && c.protocols.has(protocol)) {
        if (c.spec.kind === 'default-password') add(`default ${c.id} ${target.id}`, changeDefault(model, c.id, target));
        else
          for (const host of model.assets)
            if (owned.has(host.id) && host.spec.credentials.some((x) => x.credential === c.id))
              add(`cache ${c.id} ${host.id}`, uncache(host, c.id));
      }
    const sources = sourceZones(model, design, step.from);
    if (step.from === 'vpn-client') vpnCandidates(model, design, target, protocol, add);
    for (const [i, conduit] of effectiveConduits(model, design).entries())
      if (carries(model, conduit, sources, target, protocol))
        add(`conduit ${i} ${protocol}`, dropService(model, design, i, protocol));
    if (design.zt !== undefined && (ZT_SESSION.test(step.from) || gated(design, model, target)))
      ruleCandidates(model, design, target, step.action, add);
  }
  return [...out.values()];
}

/** Each step once (paths share their first steps), in path order. */
function uniqueSteps(radius: BlastRadius): PathStep[] {
  const seen = new Set<string>();
  const out: PathStep[] = [];
  for (const asset of radius.assets)
    for (const s of radius.paths[asset] ?? []) {
      const key = `${s.from}\u0000${s.to}\u0000${s.action}\u0000${s.means}`;
      if (!seen.has(key)) {
        seen.add(key);
        out.push(s);
      }
    }
  return out;
}

export function effectiveConduits(model: PlantModel, design: Design): Conduit[] {
  return design.conduits ?? model.scenario.plant.conduits;
}

/** Zones a step leaves from: a host's, the connectors' for a brokered session, none for the VPN (it routes). */
function sourceZones(model: PlantModel, design: Design, from: string): string[] {
  const host = model.assetIndex.get(from);
  if (host !== undefined) return model.assets[host]!.zones.map((z) => model.zones[z]!.id);
  if (ZT_SESSION.test(from))
    return (design.zt?.connectors ?? []).map((c) => model.zones[model.assets[model.assetIndex.get(c)!]!.zone]!.id);
  return [];
}

const gated = (design: Design, model: PlantModel, target: AssetNode) =>
  target.zones.some((z) => design.gateways.some((g) => g.zone === model.zones[z]!.id));

function carries(model: PlantModel, c: Conduit, from: string[], target: AssetNode, protocol: Protocol): boolean {
  const to = target.zones.map((z) => model.zones[z]!.id);
  // Inside a shared zone no conduit is crossed.
  if (from.length === 0 || from.some((z) => to.includes(z))) return false;
  const side = (ref: string, zones: string[]) => ref === '*' || zones.includes(ref);
  const forward = side(c.from, from) && side(c.to, to);
  const backward = c.bidirectional && side(c.to, from) && side(c.from, to);
  if (!(forward || backward)) return false;
  return c.services === 'any' || c.services.some((s) => s.protocol === protocol);
}

/** Every service the plant's assets expose: what "any" stands for when one protocol is taken out of it. */
function plantServices(model: PlantModel): Service[] {
  const seen = new Map<string, Service>();
  for (const a of model.assets) for (const s of a.services) seen.set(`${s.protocol}/${s.port}`, s);
  return [...seen.values()];
}

function without(model: PlantModel, services: 'any' | Service[], protocol: Protocol): Service[] {
  return (services === 'any' ? plantServices(model) : services).filter((s) => s.protocol !== protocol);
}

function conduitName(c: Conduit): string {
  return `${c.from} ${c.bidirectional ? '↔' : '→'} ${c.to}`;
}

function dropService(model: PlantModel, design: Design, index: number, protocol: Protocol): FixCandidate {
  const conduit = effectiveConduits(model, design)[index]!;
  return {
    kind: 'conduit-service',
    change: `remove ${protocol} from the conduit ${conduitName(conduit)}`,
    on: [conduit.from, conduit.to].filter((z) => z !== '*'),
    plant: false,
    apply: (scenario, d) => {
      const list = effectiveConduits(model, d);
      const services = without(model, list[index]!.services, protocol);
      // A conduit left with no service is no conduit.
      const conduits = list.flatMap((c, i) => (i !== index ? [c] : services.length === 0 ? [] : [{ ...c, services }]));
      return { scenario, design: { ...d, conduits } };
    },
  };
}

function vpnCandidates(
  model: PlantModel,
  design: Design,
  target: AssetNode,
  protocol: Protocol,
  add: (key: string, c: FixCandidate) => void,
): void {
  const vpn = design.vpn;
  if (vpn === undefined) return;
  add(`vpn-service ${protocol}`, {
    kind: 'vpn-service',
    change: `stop the VPN carrying ${protocol}`,
    on: [vpn.concentrator],
    plant: false,
    apply: (scenario, d) => ({
      scenario,
      design: { ...d, vpn: { ...d.vpn!, services: without(model, d.vpn!.services, protocol) } },
    }),
  });
  const zones = target.zones.map((z) => model.zones[z]!.id);
  for (const zone of vpn.routes === '*' ? zones : zones.filter((z) => vpn.routes.includes(z)))
    add(`vpn-route ${zone}`, {
      kind: 'vpn-route',
      change: `stop routing ${zone} to VPN clients`,
      on: [zone],
      plant: false,
      apply: (scenario, d) => {
        const routes = d.vpn!.routes === '*' ? model.zones.map((z) => z.id) : d.vpn!.routes;
        return { scenario, design: { ...d, vpn: { ...d.vpn!, routes: routes.filter((r) => r !== zone) } } };
      },
    });
}

function patch(target: AssetNode, vulnerability: string): FixCandidate {
  return {
    kind: 'vulnerability',
    change: `patch ${vulnerability} on ${target.id}`,
    on: [target.id],
    plant: true,
    apply: (scenario, design) => ({
      scenario: withAsset(scenario, target.index, (a) => ({
        ...a,
        vulnerabilities: a.vulnerabilities.filter((v) => v.id !== vulnerability),
      })),
      design,
    }),
  };
}

function uncache(host: AssetNode, credential: string): FixCandidate {
  return {
    kind: 'cached-credential',
    change: `stop caching ${credential} on ${host.id} (remove it, or rotate it after each use)`,
    on: [host.id],
    plant: true,
    apply: (scenario, design) => ({
      scenario: withAsset(scenario, host.index, (a) => ({
        ...a,
        credentials: a.credentials.filter((c) => c.credential !== credential),
      })),
      design,
    }),
  };
}

function changeDefault(model: PlantModel, credential: string, target: AssetNode): FixCandidate {
  return {
    kind: 'default-password',
    change: `change the default password ${credential} on ${target.id}`,
    on: [target.id],
    plant: true,
    apply: (scenario, design) => {
      const c = model.credentials[model.credentialIndex.get(credential)!]!;
      const opens = model.assets.filter((a) => c.opens.has(a.index) && a.index !== target.index).map((a) => a.id);
      const credentials = scenario.identities.credentials.map((x) => (x.id === credential ? { ...x, opens } : x));
      return { scenario: { ...scenario, identities: { ...scenario.identities, credentials } }, design };
    },
  };
}

function withAsset(
  scenario: Scenario,
  index: number,
  edit: (a: Scenario['plant']['assets'][number]) => Scenario['plant']['assets'][number],
): Scenario {
  const assets = scenario.plant.assets.map((a, i) => (i === index ? edit(a) : a));
  return { ...scenario, plant: { ...scenario.plant, assets } };
}
