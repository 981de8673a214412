// The compiled plant: integer ids, resolved references and adjacency arrays, built once per
// scenario so the engines index arrays instead of looking up strings.
import { ASSET_KINDS, PROTOCOLS, type AssetKind, type Protocol } from './catalog.js';
import type { Asset, Credential, Device, Line, Scenario, Selector, User, Vulnerability, Zone } from './schema.js';

/**
 * The catalog's own string for each protocol. Strings parsed from a scenario are equal to these but
 * not the same objects, and every Map lookup or comparison on them compared characters: 30 ns a
 * probe, most of a 10,000-host scan's cost.
 */
const PROTOCOL_NAMES = new Map(Object.keys(PROTOCOLS).map((p) => [p, p as Protocol]));

export interface ServiceNode {
  protocol: Protocol;
  port: number;
}

export interface AssetNode {
  index: number;
  id: string;
  kind: AssetKind;
  spec: Asset;
  /** Primary zone first, then any zones it is dual-homed into. */
  zones: number[];
  zone: number;
  line: number;
  level: number;
  ip: number;
  services: ServiceNode[];
  vulnerabilities: Vulnerability[];
  /** Credential indices stored on the host. */
  storedCredentials: number[];
  controller: boolean;
  foothold: boolean;
  /** A PLC project password guards program downloads to it. */
  programProtected: boolean;
}

export interface ZoneNode {
  index: number;
  id: string;
  level: number;
  spec: Zone;
  assets: number[];
}

export interface CredentialNode {
  index: number;
  id: string;
  spec: Credential;
  owners: number[];
  shared: boolean;
  /** Assets the credential logs on to. */
  opens: Set<number>;
  protocols: ReadonlySet<Protocol>;
}

export interface PlantModel {
  scenario: Scenario;
  zones: ZoneNode[];
  lines: Line[];
  assets: AssetNode[];
  users: User[];
  devices: Device[];
  credentials: CredentialNode[];
  zoneIndex: ReadonlyMap<string, number>;
  lineIndex: ReadonlyMap<string, number>;
  assetIndex: ReadonlyMap<string, number>;
  userIndex: ReadonlyMap<string, number>;
  deviceIndex: ReadonlyMap<string, number>;
  credentialIndex: ReadonlyMap<string, number>;
}

export function ipToInt(ip: string): number {
  const p = ip.split('.').map(Number);
  return (((p[0]! << 24) >>> 0) + (p[1]! << 16) + (p[2]! << 8) + p[3]!) >>> 0;
}

const indexOf = <T extends { id: string }>(items: readonly T[]) => new Map(items.map((x, i) => [x.id, i]));

/** Builds the compiled model from a validated scenario (references are known to resolve). */
export function buildPlantModel(scenario: Scenario): PlantModel {
  const { plant, identities } = scenario;
  const zoneIndex = indexOf(plant.zones);
  const lineIndex = indexOf(plant.lines);
  const assetIndex = indexOf(plant.assets);
  const credentialIndex = indexOf(identities.credentials);
  const userIndex = indexOf(identities.users);
  const zones: ZoneNode[] = plant.zones.map((z, index) => ({ index, id: z.id, level: z.level, spec: z, assets: [] }));
  const assets: AssetNode[] = plant.assets.map((a, index) => {
    const zone = zoneIndex.get(a.zone)!;
    const kind = a.kind as AssetKind;
    zones[zone]!.assets.push(index);
    return {
      index,
      id: a.id,
      kind,
      spec: a,
      zone,
      zones: [zone, ...a.dualHomed.map((z) => zoneIndex.get(z)!)],
      line: a.line === undefined ? -1 : lineIndex.get(a.line)!,
      level: zones[zone]!.level,
      ip: ipToInt(a.ip),
      services: a.services.map((s) => ({ protocol: PROTOCOL_NAMES.get(s.protocol)!, port: s.port })),
      vulnerabilities: a.vulnerabilities,
      storedCredentials: a.credentials.map((c) => credentialIndex.get(c)!),
      controller: ASSET_KINDS[kind].controller,
      foothold: ASSET_KINDS[kind].foothold,
      programProtected: false,
    };
  });
  const model: PlantModel = {
    scenario,
    zones,
    lines: plant.lines,
    assets,
    users: identities.users,
    devices: identities.devices,
    credentials: [],
    zoneIndex,
    lineIndex,
    assetIndex,
    userIndex,
    deviceIndex: indexOf(identities.devices),
    credentialIndex,
  };
  model.credentials = identities.credentials.map((c, index) => ({
    index,
    id: c.id,
    spec: c,
    owners: c.owners.map((o) => userIndex.get(o)!),
    shared: c.owners.length > 1,
    opens: new Set(c.opens.flatMap((sel) => selectAssets(model, sel))),
    protocols: new Set(c.protocols ?? defaultProtocols(c)),
  }));
  for (const c of model.credentials)
    if (c.spec.kind === 'plc-project') for (const a of c.opens) assets[a]!.programProtected = true;
  return model;
}

function defaultProtocols(c: Credential): Protocol[] {
  const all = Object.keys(PROTOCOLS) as Protocol[];
  if (c.kind === 'plc-project') return all.filter((p) => PROTOCOLS[p].unauthenticated);
  if (c.kind === 'default-password') return all;
  return all.filter((p) => PROTOCOLS[p].interactive);
}

/** Asset indices a selector names: an id, or every asset whose labels all match. */
export function selectAssets(model: PlantModel, sel: Selector): number[] {
  if (typeof sel === 'string') {
    const i = model.assetIndex.get(sel);
    return i === undefined ? [] : [i];
  }
  return model.assets.filter((a) => assetMatches(model, a, sel)).map((a) => a.index);
}

export function assetMatches(model: PlantModel, a: AssetNode, sel: Selector): boolean {
  if (typeof sel === 'string') return a.id === sel;
  return (
    (sel.zone === undefined || model.zones[a.zone]!.id === sel.zone) &&
    (sel.line === undefined || (a.line >= 0 && model.lines[a.line]!.id === sel.line)) &&
    (sel.kind === undefined || a.kind === sel.kind) &&
    (sel.level === undefined || a.level === sel.level)
  );
}
