// The attacker agent: one operator acting from its footholds with what it has discovered, one
// technique at a time. This is its strategy loop; its footholds, discovery, session protocol,
// approval requests and gains live beside it. Every connection goes through the design's access
// layer; on a zero-trust design brokered requests also go through the live session table.
import type { EventHandle } from '../kernel/index.js';
import type { Action } from '../model/catalog.js';
import type { PlantModel } from '../model/plantModel.js';
import type { World } from '../world/World.js';
import { Approvals } from './Approvals.js';
import { AttackerState } from './AttackerState.js';
import { movesAgainst, type Move } from './capabilities.js';
import { Conquest } from './Conquest.js';
import { describeMeans } from './describe.js';
import { Discovery } from './Discovery.js';
import { Footholds, type LiveFoothold } from './Footholds.js';
import { HostWork, type LocalStep } from './HostWork.js';
import { initialEntry, type Entry } from './initialAccess.js';
import { observationOf } from './observation.js';
import { pointless } from './pointless.js';
import { Reentry } from './Reentry.js';
import { REGROUP_HOURS, type Refusal, Refusals } from './Refusals.js';
import { SessionProtocol } from './SessionProtocol.js';
import { plays, techniqueFor, techniqueForMove, type Technique } from './techniques.js';

/** Hours it waits, with nothing left to try, before it looks again (windows open, sessions change). */
const IDLE_RETRY_HOURS = 4;

export class Attacker {
  private readonly s: AttackerState;
  private readonly entry: Entry;
  private readonly footholds: Footholds;
  private readonly discovery: Discovery;
  private readonly sessions: SessionProtocol;
  private readonly approvals: Approvals;
  private readonly conquest: Conquest;
  private readonly work: HostWork;
  private readonly refusals: Refusals;
  private readonly reentry: Reentry;
  private scriptIndex = 0;
  /** Set while it has nothing left to try; holds the timer of its next look, if any. */
  private stalled: { timer: EventHandle | null } | null = null;

  constructor(private readonly world: World) {
    this.entry = initialEntry(world.access, world.attack);
    this.s = new AttackerState(world, this.entry);
    this.footholds = new Footholds(this.s);
    this.discovery = new Discovery(this.s, this.footholds, () => this.next());
    this.sessions = new SessionProtocol(this.s, this.footholds);
    this.approvals = new Approvals(this.s, this.sessions, () => this.retryNow('means'));
    this.work = new HostWork(this.s, (credentials, host) =>
      this.conquest.learnCredentials(credentials, this.footholdOn(host)),
    );
    this.conquest = new Conquest(this.s, this.footholds, this.work);
    this.refusals = new Refusals(this.s, this.sessions, this.approvals, () => this.next());
    this.reentry = new Reentry(this.s, this.footholds, this.entry, () => this.next());
  }

  /** Schedules the initial access; after each containment, the attempt to come back. */
  start(): void {
    this.world.kernel.scheduleAt(this.world.attack.initialAccess.at, () => this.enter());
    this.reentry.start();
  }

  private enter(): void {
    const w = this.world;
    for (const f of this.entry.footholds) this.footholds.gain(f, true);
    const phishing = techniqueFor('phishing-entry');
    for (const a of this.entry.owned) this.conquest.ownHost(a, 'phishing', phishing, null);
    if (this.footholds.list.length === 0) {
      w.emit({
        type: 'attack.no-entry',
        technique: techniqueFor('remote-login'),
        detail: `${w.attack.initialAccess.kind}: nothing it holds opens a way in under this design`,
      });
    }
    w.onResponse.push((lifted) => {
      this.footholds.checkAll();
      if (lifted) this.retryNow('means');
    });
    this.next();
  }

  /** The main loop: discover from fresh footholds, else attack the best target. */
  private next(): void {
    const w = this.world;
    this.stalled = null;
    if (this.footholds.allLost()) return;
    if (w.attack.script !== undefined) return this.nextScripted(w.attack.script);
    const local = this.work.pending();
    if (local !== null) return this.work.run(local, () => this.next());
    const fresh = this.footholds.list.find((f) => !f.scanned && this.footholds.alive(f));
    if (fresh) return this.discovery.discover(fresh);
    // Targets it holds no means against cost no time: move on to the next one in this same step.
    for (;;) {
      const pick = this.choose();
      if (pick === null) break;
      if (this.attempt(pick.foothold, pick.target)) return;
    }
    const stalled: { timer: EventHandle | null } = { timer: null };
    if (w.now + IDLE_RETRY_HOURS < w.horizon)
      stalled.timer = w.kernel.schedule(IDLE_RETRY_HOURS, () => this.retryNow('time'));
    this.stalled = stalled;
  }

  /** A scripted playbook: each step names a technique and a target; the agent finds a foothold that can do it. */
  private nextScripted(script: NonNullable<World['attack']['script']>): void {
    const w = this.world;
    const s = this.s;
    const step = script[this.scriptIndex++];
    if (step === undefined) return;
    const tech = s.technique(step.technique);
    const alive = this.footholds.list.filter((f) => this.footholds.alive(f)).reverse();
    if (tech.tactic === 'discovery') return alive[0] ? this.discovery.discover(alive[0], tech.id) : undefined;
    const kind = localKind(tech);
    if (kind !== null) {
      const local = this.work.pending(
        kind,
        step.target === undefined ? undefined : w.model.assetIndex.get(step.target),
      );
      if (local !== null) return this.work.run(local, () => this.next());
    }
    const target = step.target === undefined ? undefined : w.model.assetIndex.get(step.target);
    let refusal: { f: LiveFoothold; action: Action; reason: string; outcome: Refusal } | null = null;
    let nothingNew = false;
    for (const f of target === undefined ? [] : alive) {
      const { moves, refused } = movesAgainst(
        w.access,
        s.originFor(f),
        w.model.assets[target!]!,
        s.knowledge(),
        s.state(),
      );
      const matching = moves.filter((m) => stepMatches(tech, m, w.model));
      const move = matching.find((m) => !pointless(s, this.work, m));
      if (move !== undefined) {
        w.kernel.schedule(this.duration(move, tech), () => this.complete(f, move, tech));
        return;
      }
      if (matching.length > 0) nothingNew = true;
      if (refused !== null && refusal === null && !refused.outcome.ok)
        refusal = { f, action: refused.action, reason: refused.outcome.reason, outcome: refused.outcome };
    }
    if (refusal !== null)
      return this.refusals.refused(refusal.f, refusal.action, target!, refusal.reason, refusal.outcome);
    w.emit({
      type: 'attack.unable',
      technique: tech.id,
      ...(step.target ? { target: step.target } : {}),
      detail: `${tech.name}${step.target ? ` on ${step.target}` : ''}: ${nothingNew ? 'it would give the attacker nothing new' : 'no foothold can do it with what the attacker holds'}`,
    });
    w.kernel.schedule(REGROUP_HOURS, () => this.next());
  }

  /** The best target with a foothold not yet tried against it (the list keeps the ranking). */
  private choose(): { foothold: LiveFoothold; target: number } | null {
    const w = this.world;
    const { footholds, s } = this;
    const pick = s.targets.next(
      footholds.list.length,
      (a) => (!w.owned[a] && !w.controlled[a]) || this.work.wantsRetake(a),
      (i, a) => {
        const f = footholds.list[i]!;
        // A host hidden from scans was never in one: it is tried once something named it.
        const unseen = f.visible !== null && f.visible[a] !== 1 && w.access.hosts.hidden[a] !== 1;
        if (!footholds.alive(f) || unseen) return false;
        const key = footholds.attemptKey(f, a);
        if (s.tried.has(key)) return false;
        s.tried.add(key);
        return true;
      },
    );
    return pick === null ? null : { foothold: footholds.list[pick.foothold]!, target: pick.asset };
  }

  /** Tries one target from one foothold; false when the attacker has nothing to try it with. */
  private attempt(f: LiveFoothold, targetIndex: number): boolean {
    const w = this.world;
    const s = this.s;
    const { moves, refused } = movesAgainst(
      w.access,
      s.originFor(f),
      w.model.assets[targetIndex]!,
      s.knowledge(),
      s.state(),
    );
    const useful = moves.filter((m) => !pointless(s, this.work, m));
    const move = useful.find((m) => m.effect === 'own-host' || m.effect === 'control') ?? useful[0];
    if (move === undefined) {
      if (moves.length > 0 || refused === null || refused.outcome.ok) return false;
      if (refused.outcome.decision === null) s.refusedForGood.add(this.footholds.attemptKey(f, targetIndex));
      this.refusals.refused(f, refused.action, targetIndex, refused.outcome.reason, refused.outcome);
      return true;
    }
    const tech = s.technique(techniqueForMove(move, w.model));
    w.kernel.schedule(this.duration(move, tech), () => this.complete(f, move, tech));
    return true;
  }

  private duration(move: Move, tech: Technique): number {
    return this.s.rng.sample(
      move.means.kind === 'vulnerability' ? move.means.vulnerability.timeToExploit : tech.duration,
    );
  }

  /** The step ends: re-check the connection (sessions may have been revoked meanwhile), roll for success. */
  private complete(f: LiveFoothold, move: Move, tech: Technique): void {
    const w = this.world;
    const s = this.s;
    const target = w.model.assets[move.target]!;
    if (!this.footholds.alive(f)) return this.next();
    const { outcome, inSession } =
      f.origin.kind === 'broker'
        ? this.sessions.connect(f, move.target, move.action, move.service)
        : {
            outcome: w.access.connect(s.originFor(f), move.target, move.action, s.state(), move.service),
            inSession: false,
          };
    if (f.origin.kind !== 'broker') w.recordDecision(f.name, target.id, move.action, outcome.decision);
    if (!outcome.ok) {
      if (outcome.decision === null) s.refusedForGood.add(this.footholds.attemptKey(f, move.target));
      return this.refusals.refused(f, move.action, move.target, outcome.reason, outcome, inSession);
    }
    const p = tech.probability * (move.means.kind === 'vulnerability' ? move.means.vulnerability.probability : 1);
    const success = s.rng.bernoulli(p);
    const rule = outcome.decision?.effect === 'allow' ? outcome.decision.ruleId : undefined;
    const pdpDecided = outcome.layer !== 'network';
    s.act(tech, observationOf(w.model, f, move.target, move.action, pdpDecided, false));
    const means = describeMeans(w.model, move.means);
    w.emit({
      type: 'attack.step',
      technique: tech.id,
      foothold: f.name,
      target: target.id,
      action: move.action,
      ...(rule === undefined ? {} : { rule }),
      outcome: success ? 'success' : 'failure',
      detail: `${tech.name}: ${move.action} on ${target.id} via ${means}`,
    });
    if (success) {
      const credential = move.means.kind === 'credential' ? move.means.credential : undefined;
      if (move.effect === 'own-host') this.conquest.ownHost(move.target, means, tech.id, f, move.privilege, credential);
      else if (move.effect === 'control') this.conquest.control(move.target, f, move.action, pdpDecided);
      else if (move.effect === 'read-files') this.work.readRemote(move.target, move.privilege);
      else this.conquest.learnCredentials(w.access.hosts.cachedIds(move.target), f);
    }
    this.next();
  }

  /** The live foothold on a host it holds, if any: the parent of what that host gives. */
  private footholdOn(host: number): LiveFoothold | null {
    return this.footholds.list.find((f) => !f.revoked && f.origin.kind === 'host' && f.origin.asset === host) ?? null;
  }

  /** Something changed: try every target again, at once if it was waiting for a change. */
  private retryNow(reason: 'means' | 'time'): void {
    this.s.forgetTries(reason);
    const stalled = this.stalled;
    if (stalled === null) return; // a step is under way and will look again when it ends
    if (stalled.timer !== null) this.world.kernel.cancel(stalled.timer);
    this.next();
  }
}

/** The local step a scripted technique names, if it names one. */
function localKind(tech: Technique): LocalStep['kind'] | null {
  if (plays(tech, 'credential-harvest')) return 'harvest';
  if (plays(tech, 'privilege-escalation')) return 'escalate';
  if (plays(tech, 'read-knowledge')) return 'read';
  return null;
}

/** Does a move carry out a scripted step? Commanding steps take any move that commands a controller. */
function stepMatches(tech: Technique, move: Move, model: PlantModel): boolean {
  if (plays(tech, 'command-controller')) return move.effect === 'control';
  if (move.effect === 'control') return false;
  return techniqueForMove(move, model) === tech.id || (plays(tech, 'logon') && move.effect === 'own-host');
}
