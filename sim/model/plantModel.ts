// The compiled plant: integer ids, resolved references and adjacency arrays, built once per
// scenario so the engines index arrays instead of looking up strings.
import { ASSET_KINDS, type AssetKind, type Protocol } from './catalog.js';
import type { Asset, Credential, Device, Line, Scenario, Selector, User, Vulnerability, Zone } from './schema.js';
import { Vocabulary } from './vocabulary.js';

/** Privilege on a host, ordered: an administrator reads what a user reads. */
export type Privilege = 1 | 2;
export const PRIVILEGE = { user: 1, admin: 2 } as const satisfies Record<string, Privilege>;

export interface ServiceNode {
  protocol: Protocol;
  port: number;
}

/** A credential cached on a host, and the privilege that reads it. */
export interface CachedNode {
  credential: number;
  privilege: Privilege;
}

/** A file on a host naming other hosts or holding credentials. */
export interface DocumentNode {
  id: string;
  privilege: Privilege;
  hosts: number[];
  credentials: number[];
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
  /** Credential indices cached on the host, at any privilege. */
  storedCredentials: number[];
  cached: CachedNode[];
  documents: DocumentNode[];
  controller: boolean;
  foothold: boolean;
  /** A PLC project password guards program downloads to it. */
  programProtected: boolean;
}

export interface ZoneNode {
  index: number;
  id: string;
  /** The lowest level it spans; `top` the highest (equal unless it spans levels). */
  level: number;
  top: number;
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
  /** Built-in and declared protocols and actions. */
  vocab: Vocabulary;
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

/** The host's first local privilege escalation, if it has one. */
export function localEscalation(asset: AssetNode): Vulnerability | undefined {
  return asset.vulnerabilities.find((v) => v.effect === 'privilege-escalation');
}

/** A zone's levels as [lowest, highest]. */
export function levelRange(level: Zone['level']): [number, number] {
  return typeof level === 'number' ? [level, level] : level;
}

/**
 * An asset's Purdue level: its own, else its zone's; in a zone spanning levels, controllers sit at
 * the lowest and everything else at the highest.
 */
export function assetLevel(zoneLevel: Zone['level'], asset: Asset): number {
  if (asset.level !== undefined) return asset.level;
  const [low, high] = levelRange(zoneLevel);
  return ASSET_KINDS[asset.kind as AssetKind]?.controller ? low : high;
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
  const vocab = new Vocabulary(scenario.protocols);
  const zones: ZoneNode[] = plant.zones.map((z, index) => {
    const [level, top] = levelRange(z.level);
    return { index, id: z.id, level, top, spec: z, assets: [] };
  });
  // Strings parsed from a scenario are equal to the vocabulary's but not the same objects; a Map
  // lookup on them compares characters: 30 ns a probe, most of a 10,000-host scan's cost.
  const protocolName = new Map(vocab.protocolNames().map((p) => [p, p]));
  const privilege = (p: 'user' | 'admin') => PRIVILEGE[p];
  const assets: AssetNode[] = plant.assets.map((a, index) => {
    const zone = zoneIndex.get(a.zone)!;
    const kind = a.kind as AssetKind;
    const z = zones[zone]!;
    z.assets.push(index);
    const cached =
      a.credentials.length === 0
        ? []
        : a.credentials.map((c) => ({
            credential: credentialIndex.get(c.credential)!,
            privilege: privilege(c.privilege),
          }));
    return {
      index,
      id: a.id,
      kind,
      spec: a,
      zone,
      zones: [zone, ...a.dualHomed.map((z) => zoneIndex.get(z)!)],
      line: a.line === undefined ? -1 : lineIndex.get(a.line)!,
      level: a.level ?? (ASSET_KINDS[kind].controller ? z.level : z.top),
      ip: ipToInt(a.ip),
      services: a.services.map((s) => ({ protocol: protocolName.get(s.protocol) ?? s.protocol, port: s.port })),
      vulnerabilities: a.vulnerabilities,
      storedCredentials: cached.map((c) => c.credential),
      cached,
      documents: [],
      controller: ASSET_KINDS[kind].controller,
      foothold: ASSET_KINDS[kind].foothold,
      programProtected: false,
    };
  });
  const model: PlantModel = {
    scenario,
    vocab,
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
    protocols: new Set(c.protocols ?? defaultProtocols(c, vocab)),
  }));
  plant.assets.forEach((a, i) => {
    if (a.documents.length === 0) return;
    assets[i]!.documents = a.documents.map((d) => ({
      id: d.id,
      privilege: privilege(d.privilege),
      hosts: [...new Set(d.hosts.flatMap((sel) => selectAssets(model, sel)))],
      credentials: d.credentials.map((c) => credentialIndex.get(c)!),
    }));
  });
  for (const c of model.credentials)
    if (c.spec.kind === 'plc-project') for (const a of c.opens) assets[a]!.programProtected = true;
  return model;
}

function defaultProtocols(c: Credential, vocab: Vocabulary): Protocol[] {
  const all = vocab.protocolNames();
  if (c.kind === 'plc-project') return all.filter((p) => !vocab.protocol(p)!.declared && vocab.protocol(p)!.industrial);
  if (c.kind === 'default-password') return all;
  return all.filter((p) => vocab.protocol(p)!.interactive);
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
