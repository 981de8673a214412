// The static blast radius as it was before the performance work (no caches, no shortcuts): the
// reference the optimized staticBlastRadius must match exactly, paths included.
import { approveAll } from '../../sim/policy/index.js';
import { movesAgainst, type Knowledge, type Move } from '../../sim/attack/capabilities.js';
import { initialEntry, remoteFootholds, type Foothold } from '../../sim/attack/initialAccess.js';
import { techniqueForMove } from '../../sim/attack/techniques.js';
import { PRIVILEGE, type AssetNode, type Privilege } from '../../sim/model/plantModel.js';
import type { AccessLayer, Origin } from '../../sim/net/AccessLayer.js';
import { candidateZones } from '../../sim/net/reachability.js';
import { describeMeans, footholdName } from '../../sim/attack/describe.js';
import { probeStates, type BlastRadius, type PathStep } from '../../sim/metrics/blastRadius.js';
import type { Attack } from '../../sim/model/schema.js';
import { Provenance } from '../../sim/metrics/provenance.js';
import { localGains, type LocalGain } from '../../sim/metrics/localGains.js';

/** No credentials or hosts to account for: shared, never modified. */
const NO_INDICES: readonly number[] = [];

interface Node {
  foothold: Foothold;
  /** The path that created this foothold. */
  path: PathStep[];
  name: string;
}

export function referenceBlastRadius(access: AccessLayer, attack: Attack): BlastRadius {
  const model = access.model;
  const entry = initialEntry(access, attack);
  const know = { credentials: new Set(entry.knowledge.credentials), mfaUsers: entry.knowledge.mfaUsers };
  const approvals = attack.approvalFatigue > 0 ? approveAll(access.policy, () => Infinity) : undefined;
  const states = probeStates(model, attack.initialAccess.at).map((s) =>
    approvals === undefined ? s : { ...s, approvals },
  );
  // The privilege held on each asset; a host held as user is tried again, for what administrator reads there.
  const owned = new Uint8Array(model.assets.length);
  const done = (t: number) => owned[t] === PRIVILEGE.admin;
  const paths = new Map<number, PathStep[]>();
  const nodes: Node[] = [];
  const opened = entry.opened;
  const waiting = new Map<number, Set<number>>(); // target → nodes that reach it but lacked the means
  const seenGroups = new Set<string>();
  const hidden = access.hosts.hidden;
  const known = new Uint8Array(model.assets.length);
  const unseen = new Map<number, Set<number>>();
  const dualHomed = model.assets.filter((a) => a.zones.length > 1);
  const queue: number[] = [];

  const addNode = (foothold: Foothold, path: PathStep[], name: string) => {
    nodes.push({ foothold, path, name });
    queue.push(nodes.length - 1);
  };
  const provenance = new Provenance(model);
  const addEntry = (f: Foothold) => {
    const name = footholdName(f.origin, model);
    const login: PathStep = { from: 'attacker', to: name, action: 'login', means: f.label, technique: f.technique };
    addNode(f, [...provenance.of(provenance.openedWith(f)), login], name);
  };
  const learn = (creds: readonly number[], how: (c: number) => PathStep[]) => {
    const fresh = creds.filter((c) => !know.credentials.has(c));
    if (fresh.length === 0) return;
    for (const c of fresh) {
      know.credentials.add(c);
      provenance.learned(c, how(c));
    }
    for (const f of remoteFootholds(access, know, entry.device, opened)) addEntry(f);
    // A snapshot: a retry that fails again puts its node back on the list.
    for (const c of fresh)
      for (const t of access.hosts.targetsOf(c))
        for (const n of [...(waiting.get(t) ?? [])]) if (!done(t)) tryTarget(n, t);
  };
  const reveal = (hosts: readonly number[], path: PathStep[]) => {
    for (const t of hosts) {
      if (hidden[t] !== 1 || known[t]) continue;
      known[t] = 1;
      provenance.found(t, path);
      for (const n of unseen.get(t) ?? []) if (!done(t)) tryTarget(n, t);
    }
  };
  const gain = (gains: readonly LocalGain[], path: PathStep[]) => {
    if (gains.length === 0) return;
    const by = new Map<number, PathStep[]>();
    for (const g of gains) for (const c of g.credentials) if (!by.has(c)) by.set(c, [...path, ...g.steps]);
    learn([...by.keys()], (c) => by.get(c)!);
    for (const g of gains) reveal(g.hosts, [...path, ...g.steps]);
  };
  const hold = (t: number, privilege: Privilege, path: PathStep[], technique: string) => {
    const target = model.assets[t]!;
    addNode({ origin: { kind: 'host', asset: t }, label: target.id, technique }, path, target.id);
    gain(localGains(access, provenance, target, privilege), path);
  };
  const own = (n: number, move: Move) => {
    const t = move.target;
    const target = model.assets[t]!;
    const step: PathStep = {
      from: nodes[n]!.name,
      to: target.id,
      action: move.action,
      means: describeMeans(model, move.means),
      technique: techniqueForMove(move, model),
    };
    const before = move.means.kind === 'credential' ? [move.means.credential] : NO_INDICES;
    const path = [...provenance.of(before, nodes[n]!.path, hidden[t] === 1 ? [t] : NO_INDICES), step];
    if (move.effect === 'learn-credentials') return learn(access.hosts.cachedIds(t), () => path);
    if (move.effect === 'read-files') return gain(localGains(access, provenance, target, move.privilege, true), path);
    if (owned[t]) {
      if (move.effect === 'own-host' && move.privilege > owned[t]!) {
        owned[t] = move.privilege;
        gain(localGains(access, provenance, target, move.privilege), path);
      }
      return;
    }
    owned[t] = move.effect === 'control' ? PRIVILEGE.admin : move.privilege;
    paths.set(t, path);
    if (move.effect === 'own-host') hold(t, move.privilege, path, step.technique);
  };
  const tryTarget = (n: number, t: number) => {
    const origin = nodes[n]!.foothold.origin;
    if (origin.kind === 'host' && origin.asset === t) return;
    if (hidden[t] === 1 && !known[t] && origin.kind !== 'broker') {
      const list = unseen.get(t);
      if (list === undefined) unseen.set(t, new Set([n]));
      else list.add(n);
      return;
    }
    for (const state of states) {
      for (;;) {
        const held = know.credentials.size;
        const { moves } = movesAgainst(access, origin, model.assets[t]!, know, state);
        // Learning credentials never ends the search for a way in.
        for (const m of moves) if (m.effect === 'learn-credentials' || m.effect === 'read-files') own(n, m);
        if (done(t)) return;
        // The first move that takes it gives its path; the most privileged one, what it holds.
        const takes = moves.filter((x) => x.effect === 'own-host' || x.effect === 'control');
        if (takes.length > 0) {
          own(n, takes[0]!);
          own(
            n,
            takes.reduce((a, b) => (b.privilege > a.privilege ? b : a)),
          );
          if (done(t)) return;
        }
        // What the target leaked may open the target itself: look again.
        if (know.credentials.size === held) break;
      }
    }
    const list = waiting.get(t);
    if (list === undefined) waiting.set(t, new Set([n]));
    else list.add(n);
  };

  for (const f of entry.footholds) addEntry(f);
  for (const a of entry.owned) {
    owned[a] = PRIVILEGE.user;
    const step: PathStep = {
      from: 'attacker',
      to: model.assets[a]!.id,
      action: 'login',
      means: 'phishing',
      technique: 'T0865',
    };
    paths.set(a, [step]);
    hold(a, PRIVILEGE.user, [step], 'T0865');
  }
  while (queue.length > 0) {
    const n = queue.shift()!;
    for (const t of targetsOf(access, nodes[n]!.foothold.origin, seenGroups, dualHomed)) if (!done(t)) tryTarget(n, t);
  }
  return summarize(access, attack, owned, paths, nodes, know);
}

/** Targets worth trying from an origin. Hosts sharing zones share non-gated targets: try them once. */
function targetsOf(
  access: AccessLayer,
  origin: Origin,
  seenGroups: Set<string>,
  dualHomed: readonly AssetNode[],
): number[] {
  const { model, topology } = access;
  switch (origin.kind) {
    case 'internet':
      return [origin.exposed];
    case 'broker':
      return model.assets.map((a) => a.index);
    case 'vpn': {
      const routes = access.design.vpn?.routes ?? [];
      return model.assets
        .filter((a) => routes === '*' || a.zones.some((z) => routes.includes(model.zones[z]!.id)))
        .map((a) => a.index);
    }
    case 'host': {
      const src = model.assets[origin.asset]!;
      const group = src.zones.join(',');
      const firstOfGroup = !seenGroups.has(group);
      seenGroups.add(group);
      const candidates = candidateZones(topology, src.zones);
      const zones = candidates.filter((z) => firstOfGroup || topology.gated[z] === 1);
      const targets = zones.flatMap((z) => model.zones[z]!.assets);
      // Dual-homed hosts are reached through their other zones too; a firewall naming source hosts answers each alike.
      const dual = dualHomed.filter((a) => a.zones.some((z, i) => i > 0 && zones.includes(z)));
      const own = firstOfGroup
        ? []
        : model.assets.filter(
            (a) => access.hosts.sourceSpecific[a.index] === 1 && a.zones.some((z) => candidates.includes(z)),
          );
      const extra = [...dual, ...own];
      return extra.length === 0 ? targets : [...new Set([...targets, ...extra.map((a) => a.index)])];
    }
  }
}

function summarize(
  access: AccessLayer,
  attack: Attack,
  owned: Uint8Array,
  paths: Map<number, PathStep[]>,
  nodes: Node[],
  know: Knowledge,
): BlastRadius {
  const { model } = access;
  const ownedAssets = model.assets.filter((a) => owned[a.index]);
  const lines = new Set(ownedAssets.filter((a) => a.line >= 0).map((a) => model.lines[a.line]!.id));
  const levels = ownedAssets.map((a) => a.level);
  return {
    design: access.design.id,
    attack: attack.id,
    assets: ownedAssets.map((a) => a.id),
    plcs: ownedAssets.filter((a) => a.controller).map((a) => a.id),
    lines: model.lines.map((l) => l.id).filter((l) => lines.has(l)),
    lowestLevel: levels.length === 0 ? null : Math.min(...levels),
    footholds: nodes.map((n) => n.name),
    credentials: [...know.credentials].sort((a, b) => a - b).map((c) => model.credentials[c]!.id),
    paths: Object.fromEntries(ownedAssets.map((a) => [a.id, paths.get(a.index)!])),
  };
}
