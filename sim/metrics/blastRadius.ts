// The static blast radius: the worst case an attack reaches under a design, ignoring probability,
// timing and detection. A fixed point of footholds × knowledge → owned hosts, learned credentials
// and new footholds, with one shortest attack path to every owned asset.
import { describeMeans, footholdName } from '../attack/describe.js';
import { movesAgainst, type Knowledge, type Move } from '../attack/capabilities.js';
import { initialEntry, remoteFootholds, type Foothold } from '../attack/initialAccess.js';
import { techniqueFor, techniqueForMove } from '../attack/techniques.js';
import type { Action } from '../model/catalog.js';
import { PRIVILEGE, type Privilege } from '../model/plantModel.js';
import type { AccessLayer, Origin } from '../net/AccessLayer.js';
import { probeStates, policyWindows } from '../net/probeStates.js';
import { localGains, type LocalGain } from './localGains.js';
import { Provenance } from './provenance.js';
import { explainStops, type Stop } from './stops.js';
import { TargetLists } from './targetLists.js';
import type { Attack } from '../model/schema.js';
import { approveAll } from '../policy/index.js';

/** No credentials or hosts to account for: shared, never modified. */
const NO_INDICES: readonly number[] = [];

export { probeStates, policyWindows };

export interface PathStep {
  from: string;
  to: string;
  /**
   * Local steps stay on a host the attacker holds (from and to are that host): `harvest` reads a
   * cached credential, `escalate` makes it administrator there, `read` reads a document.
   */
  action: Action | 'login' | 'harvest' | 'escalate' | 'read';
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
  /** Only when asked for: why each asset some foothold tried stayed out of reach. */
  stopped?: Stop[];
}

const NONE: ReadonlySet<number> = new Set();

interface Node {
  foothold: Foothold;
  /** The path that created this foothold. */
  path: PathStep[];
  name: string;
}

export interface PlanOptions {
  /** Say which layer stopped the attacker at each asset it tried and did not take. */
  explain?: boolean;
}

export function staticBlastRadius(access: AccessLayer, attack: Attack, options: PlanOptions = {}): BlastRadius {
  return staticPlan(access, attack, options).radius;
}

/** The blast radius with the origin behind every foothold name its paths use: what a replay over real connections needs. */
export function staticPlan(
  access: AccessLayer,
  attack: Attack,
  options: PlanOptions = {},
): { radius: BlastRadius; origins: ReadonlyMap<string, Origin> } {
  const model = access.model;
  const entry = initialEntry(access, attack);
  const know = { credentials: new Set<number>(), mfaUsers: entry.knowledge.mfaUsers };
  // Held credentials by the asset they open, in the order learned. A move against an asset only
  // ever uses a credential that opens it, so its search runs over these few, not over all held.
  const heldFor: (Set<number> | undefined)[] = new Array(model.assets.length);
  const hold = (c: number) => {
    know.credentials.add(c);
    for (const t of access.hosts.targetsOf(c)) (heldFor[t] ??= new Set()).add(c);
  };
  const knowledgeAgainst = (t: number): Knowledge => ({ credentials: heldFor[t] ?? NONE, mfaUsers: know.mfaUsers });
  for (const c of entry.knowledge.credentials) if (!know.credentials.has(c)) hold(c);
  // An attacker that can talk approvers round is, at worst, approved for everything it asks.
  const approvals = attack.approvalFatigue > 0 ? approveAll(access.policy, () => Infinity) : undefined;
  const states = probeStates(model, attack.initialAccess.at, policyWindows(access)).map((s) =>
    approvals === undefined ? s : { ...s, approvals },
  );
  // The privilege held on each asset (0: not held). A host held as user whose cache or documents
  // need administrator, and that has no local escalation, is taken again when a move gives more.
  const owned = new Uint8Array(model.assets.length);
  const adminOnly = new Int8Array(model.assets.length).fill(-1); // memo: 1 when only administrator reads it all
  const done = (t: number): boolean => {
    if (owned[t] === 0) return false;
    if (owned[t] === PRIVILEGE.admin) return true;
    if (adminOnly[t] === -1) adminOnly[t] = access.hosts.needsAdministrator(t) ? 1 : 0;
    return adminOnly[t] === 0;
  };
  const paths: (PathStep[] | undefined)[] = new Array(model.assets.length);
  const nodes: Node[] = [];
  const opened = entry.opened;
  // Target → nodes that reach it but lacked the means, in the order they tried. A node tries a
  // target once from the main loop (zone lists are disjoint) and a retry does not add it again,
  // so a list holds no repeats.
  const waiting: (number[] | undefined)[] = new Array(model.assets.length);
  const hidden = access.hosts.hidden;
  const known = new Uint8Array(model.assets.length); // hidden hosts a document named
  const unseen = new Map<number, Set<number>>(); // hidden target → nodes that would try it once known
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
      for (const t of access.hosts.targetsOf(c)) {
        const list = waiting[t];
        if (list !== undefined) for (const n of list.slice()) if (!done(t)) tryTarget(n, t, true);
      }
  };
  /** Hidden hosts a document named become targets, after the steps that read it. */
  const reveal = (hosts: readonly number[], path: PathStep[]) => {
    for (const t of hosts) {
      if (hidden[t] !== 1 || known[t]) continue;
      known[t] = 1;
      provenance.found(t, path);
      for (const n of unseen.get(t) ?? []) if (!done(t)) tryTarget(n, t);
    }
  };
  /** What a held host (or a file transfer) gives: one learn for every credential, then the hosts. */
  const gain = (gains: readonly LocalGain[], path: PathStep[]) => {
    if (gains.length === 0) return;
    const by = new Map<number, PathStep[]>();
    for (const g of gains) for (const c of g.credentials) if (!by.has(c)) by.set(c, [...path, ...g.steps]);
    learn([...by.keys()], (c) => by.get(c)!);
    for (const g of gains) reveal(g.hosts, [...path, ...g.steps]);
  };
  const holdHost = (t: number, privilege: Privilege, path: PathStep[], technique: string) => {
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
    // A move with a credential runs after the steps that taught it, from wherever the node stands.
    const before = move.means.kind === 'credential' ? [move.means.credential] : NO_INDICES;
    const path = [...provenance.of(before, nodes[n]!.path, hidden[t] === 1 ? [t] : NO_INDICES), step];
    if (move.effect === 'learn-credentials') return learn(access.hosts.cachedIds(t), () => path);
    if (move.effect === 'read-files') return gain(localGains(access, provenance, target, move.privilege, true), path);
    if (owned[t]) {
      // Taken again with more: what administrator reads there is learned after this path.
      if (move.effect === 'own-host' && move.privilege > owned[t]!) {
        owned[t] = move.privilege;
        gain(localGains(access, provenance, target, move.privilege), path);
      }
      return;
    }
    owned[t] = move.effect === 'control' ? PRIVILEGE.admin : move.privilege;
    paths[t] = path;
    if (move.effect === 'own-host') holdHost(t, move.privilege, path, step.technique);
  };
  const tryTarget = (n: number, t: number, retry = false) => {
    const origin = nodes[n]!.foothold.origin;
    if (origin.kind === 'host' && origin.asset === t) return;
    // A hidden host is attacked only once a document named it (a brokered portal lists it anyway).
    if (hidden[t] === 1 && !known[t] && origin.kind !== 'broker') {
      const list = unseen.get(t);
      if (list === undefined) unseen.set(t, new Set([n]));
      else list.add(n);
      return;
    }
    const brokered = origin.kind === 'broker';
    if (brokered || hopeless[t] !== know.credentials.size) {
      let refusedAny = false;
      for (const state of states) {
        for (;;) {
          const held = know.credentials.size;
          const { moves, refused } = movesAgainst(access, origin, model.assets[t]!, knowledgeAgainst(t), state);
          if (refused !== null) refusedAny = true;
          // Learning never ends the search for a way in.
          for (const m of moves) if (m.effect === 'learn-credentials' || m.effect === 'read-files') own(n, m);
          if (done(t)) return;
          take(n, moves);
          if (done(t)) return;
          // What the target leaked may open the target itself: look again.
          if (know.credentials.size === held) break;
        }
      }
      if (!brokered && !refusedAny) hopeless[t] = know.credentials.size;
    }
    if (!retry) (waiting[t] ??= []).push(n);
  };

  /** The first move that takes the target (its path is the asset's), then the most privileged one when it gives more. */
  const take = (n: number, moves: readonly Move[]) => {
    let first: Move | undefined;
    let best: Move | undefined;
    for (const m of moves) {
      if (m.effect !== 'own-host' && m.effect !== 'control') continue;
      first ??= m;
      if (best === undefined || m.privilege > best.privilege) best = m;
    }
    if (first !== undefined) own(n, first);
    if (best !== undefined && best !== first) own(n, best);
  };

  for (const f of entry.footholds) addEntry(f);
  const phishing = techniqueFor('phishing-entry');
  for (const a of entry.owned) {
    owned[a] = PRIVILEGE.user;
    const step: PathStep = {
      from: 'attacker',
      to: model.assets[a]!.id,
      action: 'login',
      means: 'phishing',
      technique: phishing,
    };
    paths[a] = [step];
    holdHost(a, PRIVILEGE.user, [step], phishing);
  }
  for (let head = 0; head < queue.length; head++) {
    const n = queue[head]!;
    for (const list of targets.of(nodes[n]!.foothold.origin)) {
      // Owned targets leave the list as it is walked (the lists are this computation's own), so
      // the next host of a 100,000-asset flat plant walks what is left, not every asset again.
      let kept = 0;
      for (let i = 0; i < list.length; i++) {
        const t = list[i]!;
        if (done(t)) continue;
        tryTarget(n, t);
        if (!done(t)) list[kept++] = t;
      }
      list.length = kept;
    }
  }
  const origins = new Map(nodes.map((n) => [n.name, n.foothold.origin]));
  const radius = summarize(access, attack, owned, paths, nodes, know);
  if (options.explain) {
    const tried = new Map<number, Origin>();
    waiting.forEach((ns, t) => {
      if (ns !== undefined && ns.length > 0 && !owned[t] && !tried.has(t)) tried.set(t, nodes[ns[0]!]!.foothold.origin);
    });
    for (const [t, ns] of unseen) if (!owned[t] && !tried.has(t)) tried.set(t, nodes[[...ns][0]!]!.foothold.origin);
    radius.stopped = explainStops(access, tried, know, states, known);
  }
  return { radius, origins };
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
