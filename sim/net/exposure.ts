// Differential reachability: what a design lets a fixed set of sources open, so two designs of the
// same plant can be compared connection by connection instead of by one attack's outcome.
import type { Action } from '../model/catalog.js';
import type { PlantModel } from '../model/plantModel.js';
import type { SubjectAttributes } from '../policy/types.js';
import type { AccessLayer, ConnectOutcome, Origin } from './AccessLayer.js';
import { probeStates } from './probeStates.js';
import { brokerSubject } from './subjects.js';

/** Where connections start: owned-host candidates, the VPN client, each user's brokered session. */
export interface ExposureSource {
  name: string;
  origin: Origin;
}

export interface ExposureEntry {
  source: string;
  asset: string;
  action: Action;
}

export interface ServiceExposure {
  asset: string;
  zone: string;
  /** "protocol/port" */
  service: string;
  /** How many sources open it with at least one function. */
  sources: number;
}

export interface Exposure {
  design: string;
  /** The probe times, simulated hours. */
  times: number[];
  sources: string[];
  /** Every allowed (source, asset, action), in source, plant and catalog order. */
  entries: ExposureEntry[];
  /** Per asset and service, most exposed first. */
  counts: ServiceExposure[];
}

export interface ExposureOptions {
  /** Start of the probe: the attack's start time (default 0). */
  at?: number;
}

/**
 * The common sources of a design: every asset one can run tools on (a foothold), the VPN client
 * when the design has a VPN, and each user's brokered session on their own device (with their
 * second factor when enrolled) when it has a zero-trust broker.
 */
export function exposureSources(access: AccessLayer): ExposureSource[] {
  const { model, design } = access;
  const out: ExposureSource[] = model.assets
    .filter((a) => a.foothold)
    .map((a) => ({ name: a.id, origin: { kind: 'host', asset: a.index } }));
  if (design.vpn !== undefined)
    out.push({ name: 'vpn-client', origin: { kind: 'vpn', account: design.vpn.accounts[0] ?? '' } });
  if (access.connectors.length > 0)
    model.users.forEach((user, i) =>
      out.push({
        name: `zt-session(${user.id})`,
        origin: { kind: 'broker', subject: sessionSubject(model, i), mfa: user.mfa },
      }),
    );
  return out;
}

/** A user's identity on their own device (the first device they own, if any). */
export function sessionSubject(model: PlantModel, userIndex: number): SubjectAttributes {
  const user = model.users[userIndex]!;
  return brokerSubject(
    model,
    userIndex,
    model.devices.find((d) => d.owner === user.id),
  );
}

/** Every (source, asset, action) the design allows at some probe time. */
export function exposure(access: AccessLayer, options: ExposureOptions = {}): Exposure {
  const { model } = access;
  const states = probeStates(model, options.at ?? 0);
  const sources = exposureSources(access);
  const entries: ExposureEntry[] = [];
  const reached = new Map<string, Set<string>>(); // "asset\tservice" → sources
  // Host sources in the same zones get the same network answers; only gateway decisions depend on
  // the host itself. Verdicts per zone group, target and action: 1 allowed, 0 refused.
  const shared = new Map<string, Int8Array>();
  const width = model.assets.length * 32;
  const allowed = (origin: Origin, target: number, action: Action): { ok: boolean; shared: boolean } => {
    // A gateway's decision or a firewall naming source hosts depends on the host itself.
    let deviceFree = access.hosts.sourceSpecific[target] !== 1;
    for (const state of states) {
      const out: ConnectOutcome = access.connect(origin, target, action, state);
      if (out.decision !== null) deviceFree = false;
      if (out.ok) return { ok: true, shared: deviceFree };
    }
    return { ok: false, shared: deviceFree };
  };
  for (const source of sources) {
    const origin = source.origin;
    const targets =
      origin.kind === 'broker' ? access.grantable(origin.subject).map((i) => model.assets[i]!) : model.assets;
    const group = origin.kind === 'host' ? model.assets[origin.asset]!.zones.join(',') : null;
    let verdicts = group === null ? undefined : shared.get(group);
    if (group !== null && verdicts === undefined) shared.set(group, (verdicts = new Int8Array(width).fill(-1)));
    for (const target of targets) {
      if (origin.kind === 'host' && origin.asset === target.index) continue;
      target.services.forEach((service, s) => {
        const reachedBy = (): void => {
          const key = `${target.id}\t${service.protocol}/${service.port}`;
          let set = reached.get(key);
          if (set === undefined) reached.set(key, (set = new Set()));
          set.add(source.name);
        };
        model.vocab.actionsOf(service.protocol).forEach((action, a) => {
          const slot = target.index * 32 + s * 4 + a;
          const cache = s < 8 && a < 4 ? verdicts : undefined;
          let ok: boolean;
          if (cache !== undefined && cache[slot]! >= 0) ok = cache[slot] === 1;
          else {
            const r = allowed(origin, target.index, action);
            ok = r.ok;
            if (cache !== undefined && r.shared) cache[slot] = ok ? 1 : 0;
          }
          if (!ok) return;
          entries.push({ source: source.name, asset: target.id, action });
          reachedBy();
        });
      });
    }
  }
  const counts: ServiceExposure[] = [];
  for (const a of model.assets)
    for (const s of a.services) {
      const service = `${s.protocol}/${s.port}`;
      const n = reached.get(`${a.id}\t${service}`)?.size ?? 0;
      if (n > 0) counts.push({ asset: a.id, zone: model.zones[a.zone]!.id, service, sources: n });
    }
  counts.sort((x, y) => y.sources - x.sources);
  return {
    design: access.design.id,
    times: states.map((s) => s.time),
    sources: sources.map((s) => s.name),
    entries,
    counts,
  };
}

export interface ExposureDiff {
  a: string;
  b: string;
  onlyA: ExposureEntry[];
  onlyB: ExposureEntry[];
}

const entryKey = (e: ExposureEntry) => `${e.source}\t${e.asset}\t${e.action}`;

/** The (source, asset, action) triples one design allows and the other does not. */
export function diffExposure(a: Exposure, b: Exposure): ExposureDiff {
  const inA = new Set(a.entries.map(entryKey));
  const inB = new Set(b.entries.map(entryKey));
  return {
    a: a.design,
    b: b.design,
    onlyA: a.entries.filter((e) => !inB.has(entryKey(e))),
    onlyB: b.entries.filter((e) => !inA.has(entryKey(e))),
  };
}

/** Sources that get the same targets, and those targets by zone and function set. */
export interface ExposureGroup {
  sources: string[];
  targets: { zone: string; assets: string[]; actions: Action[] }[];
  /** Number of (source, asset, action) triples the group stands for. */
  entries: number;
}

/**
 * Folds entries for reading. Sources with the same reach go together; hosts sharing their zones
 * count as the same when they differ only in reaching each other (no host reaches itself).
 * Targets are listed by zone and function set, in plant order.
 */
export function groupExposure(model: PlantModel, entries: readonly ExposureEntry[]): ExposureGroup[] {
  const bySource = new Map<string, Map<string, Action[]>>();
  for (const e of entries) {
    let assets = bySource.get(e.source);
    if (assets === undefined) bySource.set(e.source, (assets = new Map()));
    const actions = assets.get(e.asset);
    if (actions === undefined) assets.set(e.asset, [e.action]);
    else actions.push(e.action);
  }
  const zonesOf = (id: string) => {
    const i = model.assetIndex.get(id);
    return i === undefined ? null : model.assets[i]!.zones.join(',');
  };
  const groups = new Map<string, { sources: string[]; reach: Map<string, Set<Action>>; entries: number }>();
  for (const [source, assets] of bySource) {
    const home = zonesOf(source);
    const peer = (asset: string) => home !== null && bySource.has(asset) && zonesOf(asset) === home;
    const signature = `${home ?? source}|${[...assets]
      .filter(([asset]) => !peer(asset))
      .map(([asset, actions]) => `${asset}:${actions.join(',')}`)
      .join(' ')}`;
    let group = groups.get(signature);
    if (group === undefined) groups.set(signature, (group = { sources: [], reach: new Map(), entries: 0 }));
    group.sources.push(source);
    for (const [asset, actions] of assets) {
      const set = group.reach.get(asset) ?? new Set<Action>();
      for (const a of actions) set.add(a);
      group.reach.set(asset, set);
      group.entries += actions.length;
    }
  }
  return [...groups.values()].map((g) => {
    const targets: ExposureGroup['targets'] = [];
    const rows = new Map<string, ExposureGroup['targets'][number]>();
    const ordered = [...g.reach].sort((x, y) => model.assetIndex.get(x[0])! - model.assetIndex.get(y[0])!);
    for (const [asset, set] of ordered) {
      const zone = model.zones[model.assets[model.assetIndex.get(asset)!]!.zone]!.id;
      const actions = [...set];
      const key = `${zone}\t${actions.join(',')}`;
      const row = rows.get(key);
      if (row !== undefined) row.assets.push(asset);
      else {
        const fresh = { zone, assets: [asset], actions };
        rows.set(key, fresh);
        targets.push(fresh);
      }
    }
    return { sources: g.sources, targets, entries: g.entries };
  });
}
