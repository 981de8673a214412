// The static blast radius: the worst case an attack reaches under a design, ignoring probability,
// timing and detection. A fixed point of footholds × knowledge → owned hosts, learned credentials
// and new footholds, with one shortest attack path to every owned asset.
import { describeMeans, footholdName } from '../attack/describe.js';
import { movesAgainst, type Knowledge, type Move } from '../attack/capabilities.js';
import { initialEntry, remoteFootholds, type Foothold } from '../attack/initialAccess.js';
import { techniqueFor, techniqueForMove } from '../attack/techniques.js';
import type { Action } from '../model/catalog.js';
import type { AssetNode } from '../model/plantModel.js';
import type { AccessLayer, Origin } from '../net/AccessLayer.js';
import { probeStates, policyWindows } from '../net/probeStates.js';
import { candidateZones } from '../net/reachability.js';
import { Provenance } from './provenance.js';
import type { Attack } from '../model/schema.js';
import { approveAll } from '../policy/index.js';

export { probeStates, policyWindows };

export interface PathStep {
  from: string;
  to: string;
  /** `harvest`: a credential read off a host the attacker owns (from and to are that host). */
  action: Action | 'login' | 'harvest';
  means: string;
  technique: string;
}

export interface BlastRadius {
  design: string;
  attack: string;
  /** Owned hosts and controlled controllers, in plant order. */
  assets: string[];
  plcs: string[];
  lines: string[];
  lowestLevel: number | null;
  footholds: string[];
  credentials: string[];
  paths: Record<string, PathStep[]>;
}

const NONE: ReadonlySet<number> = new Set();

interface Node {
  foothold: Foothold;
  /** The path that created this foothold. */
  path: PathStep[];
  name: string;
}

export function staticBlastRadius(access: AccessLayer, attack: Attack): BlastRadius {
  return staticPlan(access, attack).radius;
}

/** The blast radius with the origin behind every foothold name its paths use: what a replay over real connections needs. */
export function staticPlan(
  access: AccessLayer,
  attack: Attack,
): { radius: BlastRadius; origins: ReadonlyMap<string, Origin> } {
  const model = access.model;
  const entry = initialEntry(access, attack);
  const know = { credentials: new Set<number>(), mfaUsers: entry.knowledge.mfaUsers };
  // Held credentials by the asset they open, in the order learned. A move against an asset only
  // ever uses a credential that opens it, so its search runs over these few, not over all held.
  const heldFor: (Set<number> | undefined)[] = new Array(model.assets.length);
  const hold = (c: number) => {
    know.credentials.add(c);
    for (const t of model.credentials[c]!.opens) (heldFor[t] ??= new Set()).add(c);
  };
  const knowledgeAgainst = (t: number): Knowledge => ({ credentials: heldFor[t] ?? NONE, mfaUsers: know.mfaUsers });
  for (const c of entry.knowledge.credentials) if (!know.credentials.has(c)) hold(c);
  // An attacker that can talk approvers round is, at worst, approved for everything it asks.
  const approvals = attack.approvalFatigue > 0 ? approveAll(access.policy, () => Infinity) : undefined;
  const states = probeStates(model, attack.initialAccess.at, policyWindows(access)).map((s) =>
    approvals === undefined ? s : { ...s, approvals },
  );
  const owned = new Uint8Array(model.assets.length);
  const paths: (PathStep[] | undefined)[] = new Array(model.assets.length);
  const nodes: Node[] = [];
  const opened = entry.opened;
  // Target → nodes that reach it but lacked the means, in the order they tried. A node tries a
  // target once from the main loop (zone lists are disjoint) and a retry does not add it again,
  // so a list holds no repeats.
  const waiting: (number[] | undefined)[] = new Array(model.assets.length);
  const targets = new TargetLists(access);
  const queue: number[] = [];
  // hopeless[t] = how many credentials were held when every means against t came up empty
  // without a single refused connection: no other (non-brokered) origin can do better until
  // something new is learned.
  const hopeless = new Int32Array(model.assets.length).fill(-1);

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
  /** `how(c)` is the path that ends with learning credential c. */
  const learn = (creds: readonly number[], how: (c: number) => PathStep[]) => {
    const fresh = creds.filter((c) => !know.credentials.has(c));
    if (fresh.length === 0) return;
    for (const c of fresh) {
      hold(c);
      provenance.learned(c, how(c));
    }
    for (const f of remoteFootholds(access, know, entry.device, opened)) addEntry(f);
    // A snapshot: a retry that fails again stays on the list.
    for (const c of fresh)
      for (const t of model.credentials[c]!.opens) {
        const list = waiting[t];
        if (list !== undefined) for (const n of list.slice()) if (!owned[t]) tryTarget(n, t, true);
      }
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
    // A move with a credential runs after the steps that taught it, from wherever the node stands.
    const before = move.means.kind === 'credential' ? [move.means.credential] : [];
    const path = [...provenance.of(before, nodes[n]!.path), step];
    if (move.effect === 'learn-credentials') return learn(target.storedCredentials, () => path);
    if (owned[t]) return;
    owned[t] = 1;
    paths[t] = path;
    if (move.effect === 'own-host') {
      addNode({ origin: { kind: 'host', asset: t }, label: target.id, technique: step.technique }, path, target.id);
      learn(target.storedCredentials, (c) => [...path, provenance.harvest(target, c)]);
    }
  };
  const tryTarget = (n: number, t: number, retry = false) => {
    const origin = nodes[n]!.foothold.origin;
    if (origin.kind === 'host' && origin.asset === t) return;
    const brokered = origin.kind === 'broker';
    if (brokered || hopeless[t] !== know.credentials.size) {
      let refusedAny = false;
      for (const state of states) {
        for (;;) {
          const held = know.credentials.size;
          const { moves, refused } = movesAgainst(access, origin, model.assets[t]!, knowledgeAgainst(t), state);
          if (refused !== null) refusedAny = true;
          // Learning credentials never ends the search for a way in.
          for (const m of moves) if (m.effect === 'learn-credentials') own(n, m);
          if (owned[t]) return;
          const taking = moves.find((x) => x.effect !== 'learn-credentials');
          if (taking) return own(n, taking);
          // What the target leaked may open the target itself: look again.
          if (know.credentials.size === held) break;
        }
      }
      if (!brokered && !refusedAny) hopeless[t] = know.credentials.size;
    }
    if (!retry) (waiting[t] ??= []).push(n);
  };

  for (const f of entry.footholds) addEntry(f);
  const phishing = techniqueFor('phishing-entry');
  for (const a of entry.owned) {
    owned[a] = 1;
    const step: PathStep = {
      from: 'attacker',
      to: model.assets[a]!.id,
      action: 'login',
      means: 'phishing',
      technique: phishing,
    };
    paths[a] = [step];
    addNode(
      { origin: { kind: 'host', asset: a }, label: model.assets[a]!.id, technique: phishing },
      [step],
      model.assets[a]!.id,
    );
    learn(model.assets[a]!.storedCredentials, (c) => [step, provenance.harvest(model.assets[a]!, c)]);
  }
  for (let head = 0; head < queue.length; head++) {
    const n = queue[head]!;
    for (const list of targets.of(nodes[n]!.foothold.origin)) {
      // Owned targets leave the list as it is walked (the lists are this computation's own), so
      // the next host of a 100,000-asset flat plant walks what is left, not every asset again.
      let kept = 0;
      for (let i = 0; i < list.length; i++) {
        const t = list[i]!;
        if (owned[t]) continue;
        tryTarget(n, t);
        if (!owned[t]) list[kept++] = t;
      }
      list.length = kept;
    }
  }
  const origins = new Map(nodes.map((n) => [n.name, n.foothold.origin]));
  return { radius: summarize(access, attack, owned, paths, nodes, know), origins };
}

/**
 * Targets worth trying from an origin. Hosts sharing zones share non-gated targets: the first of a
 * group tries them, the others only the gated ones (where the PDP decides per device).
 */
class TargetLists {
  private readonly seen = new Set<string>();
  private readonly gatedOnly = new Map<string, number[][]>();
  private readonly dualHomed: readonly AssetNode[];
  /** Each zone's assets, this computation's copy: the search drops owned ones from it. */
  private readonly zoneLists: (number[] | undefined)[] = [];

  constructor(private readonly access: AccessLayer) {
    this.dualHomed = access.model.assets.filter((a) => a.zones.length > 1);
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
    const zones = candidateZones(topology, fromZones).filter((z) => !gatedOnly || topology.gated[z] === 1);
    const lists = zones.map((z) => (this.zoneLists[z] ??= model.zones[z]!.assets.slice()));
    // Dual-homed hosts are reached through their other zones too (a repeat is skipped as owned or cheap).
    const dual = this.dualHomed.filter(
      (a) => a.zones.some((z, i) => i > 0 && zones.includes(z)) && !zones.includes(a.zone),
    );
    if (dual.length > 0) lists.push(dual.map((a) => a.index));
    return lists;
  }
}

function summarize(
  access: AccessLayer,
  attack: Attack,
  owned: Uint8Array,
  paths: readonly (PathStep[] | undefined)[],
  nodes: Node[],
  know: Knowledge,
): BlastRadius {
  const { model } = access;
  const ownedAssets = model.assets.filter((a) => owned[a.index]);
  const lines = new Set(ownedAssets.filter((a) => a.line >= 0).map((a) => model.lines[a.line]!.id));
  // A loop, not Math.min(...levels): a spread of 100,000 arguments can overflow the stack.
  const lowestLevel = ownedAssets.reduce<number | null>(
    (low, a) => (low === null || a.level < low ? a.level : low),
    null,
  );
  return {
    design: access.design.id,
    attack: attack.id,
    assets: ownedAssets.map((a) => a.id),
    plcs: ownedAssets.filter((a) => a.controller).map((a) => a.id),
    lines: model.lines.map((l) => l.id).filter((l) => lines.has(l)),
    lowestLevel,
    footholds: nodes.map((n) => n.name),
    credentials: [...know.credentials].sort((a, b) => a - b).map((c) => model.credentials[c]!.id),
    paths: Object.fromEntries(ownedAssets.map((a) => [a.id, paths[a.index]!])),
  };
}
