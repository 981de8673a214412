// The attacker agent: one operator acting from its footholds with what it has discovered, one
// technique at a time. Every connection goes through the design's access layer; on a zero-trust
// design the brokered requests also go through the live session table (continuous evaluation).
import type { Action } from '../model/catalog.js';
import type { EventHandle, RandomStream } from '../kernel/index.js';
import type { AccessState, ConnectOutcome, Origin } from '../net/AccessLayer.js';
import type { Approval, Decision } from '../policy/types.js';
import { APPROVAL_DELAY, approvalValidHours } from '../world/approver.js';
import { discoverable } from '../net/discovery.js';
import { identityOf, observationOf } from './observation.js';
import type { World } from '../world/World.js';
import { movesAgainst, type Move } from './capabilities.js';
import { describeMeans, footholdName } from './describe.js';
import { initialEntry, remoteFootholds, type Foothold } from './initialAccess.js';
import { resolveTechnique, techniqueForMove, type Technique } from './techniques.js';
import { targetScorer } from './strategy.js';
import { TargetList } from './TargetList.js';

interface LiveFoothold extends Foothold {
  name: string;
  revoked: boolean;
  scanned: boolean;
  /** PDP session carrying this brokered foothold's connections, once one was granted. */
  sessionId: string | null;
  denied: number;
  /** What its scan showed, 1 by asset: the agent does not hammer targets its own scan found unreachable. */
  visible: Uint8Array | null;
  /** Attempt-group ids (see attemptKey): by name, and for a host by its zones (-1 otherwise). */
  group: number;
  zoneGroup: number;
}

const IDLE_RETRY_HOURS = 4;

export class Attacker {
  private readonly rng: RandomStream;
  private readonly footholds: LiveFoothold[] = [];
  private readonly targets: TargetList;
  private readonly score: (asset: number, discoveryOrder: number) => number;
  private readonly scanned = new WeakSet<readonly number[]>();
  /** Attempts made since the last retry, as attemptKey numbers. */
  private readonly tried = new Set<number>();
  /** Interned attempt-group names: foothold names and host zone lists. */
  private readonly groups = new Map<string, number>();
  private readonly opened: Set<string>;
  private readonly credentials: Set<number>;
  private readonly mfaUsers: Set<number>;
  private mfaUntil = Infinity;
  private readonly device;
  private scriptIndex = 0;
  /** Just-in-time approvals the attacker talked the approver into, by rule. */
  private readonly approvals = new Map<string, Approval>();
  /** Rules it has asked approval for: once each, again only after a granted one expires. */
  private readonly asked = new Set<string>();
  /** Set while it has nothing left to try; holds the timer of its next look, if any. */
  private stalled: { timer: EventHandle | null } | null = null;

  constructor(private readonly world: World) {
    this.rng = world.kernel.stream('attacker');
    this.targets = new TargetList(world.model.assets.length);
    this.score = targetScorer(world);
    const entry = initialEntry(world.access, world.attack);
    this.credentials = entry.knowledge.credentials;
    this.mfaUsers = entry.knowledge.mfaUsers;
    this.device = entry.device;
    // The tunnels the entry opened: learning credentials later does not open them twice.
    this.opened = entry.opened;
    const ia = world.attack.initialAccess;
    // A live session's second factor lasts only as long as the session the victim opened.
    if (ia.kind === 'compromised-device' && ia.liveSession)
      this.mfaUntil = ia.at + (world.design.zt?.sessionTtlHours ?? Infinity);
    world.kernel.scheduleAt(ia.at, () => {
      for (const f of entry.footholds) this.gain(f, 'attack.initial');
      for (const a of entry.owned) this.ownHost(a, 'phishing', 'T0865', null);
      if (this.footholds.length === 0) {
        world.emit({
          type: 'attack.initial',
          actor: 'attacker',
          technique: 'T0822',
          outcome: 'failure',
          detail: `${ia.kind}: nothing it holds opens a way in under this design`,
        });
      }
      world.onResponse.push(() => this.checkFootholds());
      this.next();
    });
  }

  /** The access state its own connections see: the run's, plus the approvals it obtained. */
  private state(): AccessState {
    return { ...this.world.accessState(), approvals: this.approvals };
  }

  private get stepOverrides() {
    return [this.world.model.scenario.techniques, this.world.attack.techniques] as const;
  }

  private technique(id: string): Technique {
    return resolveTechnique(id, ...this.stepOverrides);
  }

  private gain(f: Foothold, type: 'attack.initial' | 'attack.step'): void {
    const model = this.world.model;
    const name = footholdName(f.origin, model);
    const group = this.group(name);
    const zoneGroup = f.origin.kind === 'host' ? this.group(`z${model.assets[f.origin.asset]!.zones.join(',')}`) : -1;
    this.footholds.push({
      ...f,
      name,
      revoked: false,
      scanned: false,
      sessionId: null,
      denied: 0,
      visible: null,
      group,
      zoneGroup,
    });
    this.targets.footholdAdded();
    this.world.emit({
      type,
      actor: 'attacker',
      technique: f.technique,
      target: name,
      outcome: 'success',
      detail: f.label,
    });
    this.act(this.technique(f.technique), {
      zone: -1,
      crossesZone: false,
      viaVpn: f.origin.kind === 'vpn',
      pdpDecided: f.origin.kind === 'broker',
      denied: false,
      onHost: null,
      industrial: false,
      identity: identityOf(f),
    });
  }

  /** Counts an attacker action and lets the sensors see it; `audited` when the trail holds it although no PDP decided it here. */
  private act(
    t: Technique,
    o: Omit<Parameters<World['observe']>[0], 'technique' | 'observability'>,
    audited = false,
  ): void {
    this.world.attackerActions++;
    if (audited || o.pdpDecided || (o.viaVpn && o.zone === -1)) this.world.auditedActions++;
    this.world.observe({ technique: t.id, observability: t.observability, ...o });
  }

  private alive(f: LiveFoothold): boolean {
    const w = this.world;
    if (f.revoked) return false;
    switch (f.origin.kind) {
      case 'host':
        return !w.isolated.has(f.origin.asset);
      case 'vpn':
        return !w.disabledVpnAccounts.has(f.origin.account);
      case 'broker':
        return f.origin.subject.user === undefined || !w.locks.has(f.origin.subject.user);
      case 'internet':
        return !w.isolated.has(f.origin.exposed);
    }
  }

  private checkFootholds(): void {
    for (const f of this.footholds) if (!f.revoked && !this.alive(f)) this.lose(f, 'the defenders cut it off');
  }

  private lose(f: LiveFoothold, why: string): void {
    f.revoked = true;
    this.world.emit({
      type: 'policy.revoke',
      actor: f.origin.kind === 'broker' ? 'pdp' : 'defender',
      target: f.name,
      outcome: 'info',
      detail: `attacker loses ${f.name}: ${why}`,
    });
    if (this.footholds.every((x) => x.revoked) && this.world.detectedAt !== null) this.world.contain();
  }

  private originFor(f: LiveFoothold): Origin {
    if (f.origin.kind !== 'broker') return f.origin;
    const user = f.origin.subject.user;
    const hasMfa =
      user !== undefined && this.mfaUsers.has(this.world.model.userIndex.get(user)!) && this.world.now < this.mfaUntil;
    return { ...f.origin, mfa: hasMfa };
  }

  /** The main loop: discover from fresh footholds, else attack the best target. */
  private next(): void {
    const w = this.world;
    this.stalled = null;
    if (this.footholds.every((f) => !this.alive(f))) return;
    if (w.attack.script !== undefined) return this.nextScripted(w.attack.script);
    const fresh = this.footholds.find((f) => !f.scanned && this.alive(f));
    if (fresh) return this.discover(fresh);
    // Targets it holds no means against cost no time: move on to the next one in this same step.
    for (;;) {
      const pick = this.choose();
      if (pick === null) break;
      if (this.attempt(pick.foothold, pick.target)) return;
    }
    // Nothing left to try with what it knows: wait for windows to open or sessions to change.
    const stalled: { timer: EventHandle | null } = { timer: null };
    if (w.now + IDLE_RETRY_HOURS < w.horizon) {
      stalled.timer = w.kernel.schedule(IDLE_RETRY_HOURS, () => this.retryNow());
    }
    this.stalled = stalled;
  }

  /** A scripted playbook: each step names a technique and a target; the agent finds a foothold that can do it. */
  private nextScripted(script: NonNullable<World['attack']['script']>): void {
    const w = this.world;
    const step = script[this.scriptIndex++];
    if (step === undefined) return;
    const tech = this.technique(step.technique);
    const alive = this.footholds.filter((f) => this.alive(f)).reverse();
    if (tech.tactic === 'discovery') return alive[0] ? this.discover(alive[0], tech.id) : undefined;
    const target = step.target === undefined ? undefined : w.model.assetIndex.get(step.target);
    let refusal: {
      f: LiveFoothold;
      action: Action;
      reason: string;
      outcome: { decision: Decision | null; mitigation: string | null };
    } | null = null;
    for (const f of target === undefined ? [] : alive) {
      const { moves, refused } = movesAgainst(
        w.access,
        this.originFor(f),
        w.model.assets[target!]!,
        { credentials: this.credentials, mfaUsers: this.liveMfaUsers() },
        this.state(),
      );
      const move = moves.find((m) => stepMatches(tech, m, w));
      if (move !== undefined) {
        const duration = this.rng.sample(
          move.means.kind === 'vulnerability' ? move.means.vulnerability.timeToExploit : tech.duration,
        );
        w.kernel.schedule(duration, () => this.complete(f, move, tech));
        return;
      }
      if (refused !== null && refusal === null && !refused.outcome.ok)
        refusal = { f, action: refused.action, reason: refused.outcome.reason, outcome: refused.outcome };
    }
    if (refusal !== null)
      return this.refusedAttempt(refusal.f, refusal.action, target!, refusal.reason, refusal.outcome);
    w.emit({
      type: 'attack.step',
      actor: 'attacker',
      technique: tech.id,
      ...(step.target ? { target: step.target } : {}),
      outcome: 'failure',
      detail: `${tech.name}${step.target ? ` on ${step.target}` : ''}: no foothold can do it with what the attacker holds`,
    });
    w.kernel.schedule(0.05, () => this.next());
  }

  private discover(f: LiveFoothold, technique?: string): void {
    f.scanned = true;
    const w = this.world;
    const model = w.model;
    const origin = f.origin;
    const tech = origin.kind === 'broker' ? 'T0840' : (technique ?? 'T0846');
    const found = discoverable(w.access, this.originFor(f), this.state());
    const t = this.technique(tech);
    const duration = this.rng.sample(t.duration);
    w.kernel.schedule(duration, () => {
      if (!this.alive(f)) return this.next();
      f.visible = visibleSet(found, model.assets.length);
      // Hosts in the zones of an earlier scan see the same list: nothing new to rank.
      const fresh = this.scanned.has(found) ? 0 : this.learnAssets(found);
      this.scanned.add(found);
      w.emit({
        type: 'attack.discover',
        actor: 'attacker',
        technique: t.id,
        source: f.name,
        outcome: 'success',
        detail: `${t.name} from ${f.name}: ${fresh} new hosts`,
      });
      const zone = origin.kind === 'host' ? model.assets[origin.asset]!.zone : -1;
      this.act(t, {
        zone,
        crossesZone: origin.kind !== 'host',
        viaVpn: origin.kind === 'vpn',
        pdpDecided: origin.kind === 'broker',
        denied: false,
        onHost: origin.kind === 'host' ? origin.asset : null,
        industrial: false,
        identity: identityOf(f),
      });
      this.next();
    });
  }

  /** Adds newly known assets to the ranked targets; returns how many were new. */
  private learnAssets(assets: Iterable<number>): number {
    const w = this.world;
    return this.targets.learn(assets, (a) => w.owned[a] === 1 || w.controlled[a] === 1, this.score);
  }

  /** The best target with a foothold not yet tried against it (the list keeps the ranking). */
  private choose(): { foothold: LiveFoothold; target: number } | null {
    const w = this.world;
    const pick = this.targets.next(
      this.footholds.length,
      (a) => !w.owned[a] && !w.controlled[a],
      (i, a) => {
        const f = this.footholds[i]!;
        if (!this.alive(f) || (f.visible !== null && f.visible[a] !== 1)) return false;
        const key = this.attemptKey(f, a);
        if (this.tried.has(key)) return false;
        this.tried.add(key);
        return true;
      },
    );
    return pick === null ? null : { foothold: this.footholds[pick.foothold]!, target: pick.asset };
  }

  /**
   * One number per (group, target). Hosts in the same zones are interchangeable against a target
   * outside any enclave gateway, so they share their zones' group; other footholds go by name.
   */
  private attemptKey(f: LiveFoothold, target: number): number {
    const w = this.world;
    const byZones = f.zoneGroup >= 0 && w.access.topology.gated[w.model.assets[target]!.zone] !== 1;
    return (byZones ? f.zoneGroup : f.group) * w.model.assets.length + target;
  }

  private group(name: string): number {
    let id = this.groups.get(name);
    if (id === undefined) this.groups.set(name, (id = this.groups.size));
    return id;
  }

  /** Tries one target from one foothold; false when the attacker has nothing to try it with. */
  private attempt(f: LiveFoothold, targetIndex: number): boolean {
    const w = this.world;
    const target = w.model.assets[targetIndex]!;
    const origin = this.originFor(f);
    const know = { credentials: this.credentials, mfaUsers: this.liveMfaUsers() };
    const { moves, refused } = movesAgainst(w.access, origin, target, know, this.state());
    const move = moves.find((m) => m.effect !== 'learn-credentials') ?? moves[0];
    if (move === undefined) {
      if (refused === null) return false;
      this.refusedAttempt(
        f,
        refused.action,
        targetIndex,
        refused.outcome.ok ? '' : refused.outcome.reason,
        refused.outcome,
      );
      return true;
    }
    const tech = this.technique(techniqueForMove(move, w.model));
    const duration = this.rng.sample(
      move.means.kind === 'vulnerability' ? move.means.vulnerability.timeToExploit : tech.duration,
    );
    w.kernel.schedule(duration, () => this.complete(f, move, tech));
    return true;
  }

  private liveMfaUsers(): Set<number> {
    return this.world.now < this.mfaUntil ? this.mfaUsers : new Set();
  }

  /** The step ends: re-check the connection (sessions may have been revoked meanwhile), roll for success. */
  private complete(f: LiveFoothold, move: Move, tech: Technique): void {
    const w = this.world;
    const target = w.model.assets[move.target]!;
    if (!this.alive(f)) return this.next();
    const origin = this.originFor(f);
    const { outcome, inSession } =
      f.origin.kind === 'broker'
        ? this.brokered(f, move.target, move.action)
        : { outcome: w.access.connect(origin, move.target, move.action, this.state()), inSession: false };
    if (f.origin.kind !== 'broker') w.recordDecision(f.name, target.id, move.action, outcome.decision);
    if (!outcome.ok) return this.refusedAttempt(f, move.action, move.target, outcome.reason, outcome, inSession);
    const p = tech.probability * (move.means.kind === 'vulnerability' ? move.means.vulnerability.probability : 1);
    const success = this.rng.bernoulli(p);
    const decidedBy = outcome.decision?.effect === 'allow' ? outcome.decision.ruleId : undefined;
    this.act(tech, this.observation(f, move.target, move.action, outcome.layer !== 'network', false));
    w.emit({
      type: 'attack.step',
      actor: 'attacker',
      technique: tech.id,
      source: f.name,
      target: target.id,
      action: move.action,
      ...(decidedBy === undefined ? {} : { decision: decidedBy }),
      outcome: success ? 'success' : 'failure',
      detail: `${tech.name}: ${move.action} on ${target.id} via ${describeMeans(w.model, move.means)}`,
    });
    if (success) {
      if (move.effect === 'own-host') this.ownHost(move.target, describeMeans(w.model, move.means), tech.id, f);
      else if (move.effect === 'control') this.control(move.target, f, move.action, outcome.layer !== 'network');
      else this.learnCredentials(target.storedCredentials);
    }
    this.next();
  }

  /**
   * Brokered connections ride the live PDP session once one was granted: it counts denials and
   * revokes. `inSession` says the request went through the session table, which counted it.
   */
  private brokered(f: LiveFoothold, target: number, action: Action): { outcome: ConnectOutcome; inSession: boolean } {
    const w = this.world;
    const outcome = w.access.connect(this.originFor(f), target, action, this.state());
    if (w.sessions === null || f.origin.kind !== 'broker') return { outcome, inSession: false };
    const request = { subject: f.origin.subject, resource: w.access.resource(w.model.assets[target]!), action };
    if (f.sessionId !== null) {
      const live = w.sessions.get(f.sessionId);
      if (live?.state === 'open') {
        const decision = w.sessions.request(
          f.sessionId,
          request.resource,
          action,
          outcome.ok && outcome.connector !== null ? w.model.assets[outcome.connector]!.id : undefined,
        );
        if (w.sessions.get(f.sessionId)?.state === 'revoked') this.lose(f, 'continuous evaluation revoked the session');
        if (decision.effect !== 'allow' && outcome.ok)
          return {
            outcome: {
              ok: false,
              block: 'broker',
              reason: `the session's policy denies ${action}`,
              decision,
              mitigation: 'M0801',
            },
            inSession: true,
          };
        return { outcome, inSession: true };
      }
    }
    if (outcome.ok) {
      const origin = this.originFor(f);
      const mfa = origin.kind === 'broker' && origin.mfa;
      const source = outcome.connector === null ? {} : { source: w.model.assets[outcome.connector]!.id };
      const opened = w.sessions.open(
        { ...request, ...source },
        { time: w.now, mfa, locks: w.locks, approvals: this.approvals },
        w.design.zt!.sessionTtlHours,
      );
      if (opened.session) f.sessionId = opened.session.id;
    }
    return { outcome, inSession: false };
  }

  private refusedAttempt(
    f: LiveFoothold,
    action: Action,
    target: number,
    reason: string,
    outcome: { decision: Decision | null; mitigation?: string | null },
    inSession = false,
  ): void {
    const w = this.world;
    // Held for a just-in-time approval is not a denial: not in the count, not to the sensors.
    const decision = outcome.decision;
    const held = decision?.effect === 'pending';
    if (held) {
      this.askApproval(f, decision.ruleId, decision.approvalBy);
      w.heldForApproval++;
    } else {
      w.deniedRequests++;
    }
    w.block(outcome.mitigation ?? null);
    const pdp = decision !== null && decision !== undefined;
    if (pdp && f.sessionId === null) w.recordDecision(f.name, w.model.assets[target]!.id, action, decision);
    this.act(this.technique('T0886'), this.observation(f, target, action, pdp, !held));
    w.emit({
      type: 'attack.denied',
      actor: 'attacker',
      source: f.name,
      target: w.model.assets[target]!.id,
      action,
      outcome: 'denied',
      detail: reason,
      ...(outcome.mitigation ? { mitigation: outcome.mitigation } : {}),
    });
    // A pending decision is not a denial, and a request made inside the session was counted there.
    if (f.origin.kind === 'broker' && decision?.effect === 'deny' && !inSession) {
      f.denied++;
      if (f.sessionId !== null && w.sessions) {
        w.sessions.signal({ kind: 'denied', sessionId: f.sessionId });
        if (w.sessions.get(f.sessionId)?.state === 'revoked')
          this.lose(f, 'continuous evaluation revoked the session after repeated denied requests');
      } else if (f.denied >= (w.design.zt?.maxDenied ?? Infinity))
        this.lose(f, 'the broker closed the session after repeated denied requests');
    }
    w.kernel.schedule(0.05, () => this.next());
  }

  /**
   * A decision waits for a just-in-time approval: the attacker asks for it, posing as the
   * technician, and the approver grants it with the attack's approvalFatigue chance.
   */
  private askApproval(f: LiveFoothold, ruleId: string, approver: string): void {
    const w = this.world;
    const chance = w.attack.approvalFatigue;
    if (chance === 0 || this.asked.has(ruleId)) return;
    this.asked.add(ruleId);
    // Its own stream: the chance moves no other draw of the run.
    const rng = w.kernel.stream('attacker.approvals');
    const granted = rng.bernoulli(chance);
    w.kernel.schedule(rng.sample(APPROVAL_DELAY), () => {
      const asked = `${f.name} asks ${approver} to approve rule ${ruleId}`;
      if (!granted) {
        w.emit({
          type: 'policy.approve',
          actor: 'defender',
          source: f.name,
          decision: ruleId,
          outcome: 'denied',
          detail: `${asked}: refused`,
        });
        // The PDP logs the refusal like any decision, so zero-trust telemetry may flag it.
        const remote = this.technique('T0886');
        w.observe({
          technique: remote.id,
          observability: remote.observability,
          zone: -1,
          crossesZone: false,
          viaVpn: false,
          pdpDecided: true,
          denied: true,
          onHost: null,
          industrial: false,
          identity: identityOf(f),
          note: `approval of rule ${ruleId} refused`,
        });
        return;
      }
      const hours = approvalValidHours(w.access.policy, ruleId);
      const approval = { expiresAt: w.now + hours };
      this.approvals.set(ruleId, approval);
      for (const g of this.footholds)
        if (g.sessionId !== null && w.sessions?.get(g.sessionId)?.state === 'open')
          w.sessions.grant(g.sessionId, ruleId, approval);
      w.kernel.schedule(hours, () => this.asked.delete(ruleId));
      w.emit({
        type: 'policy.approve',
        actor: 'defender',
        source: f.name,
        decision: ruleId,
        outcome: 'success',
        detail: `${asked}: granted for ${hours} h (approval fatigue)`,
      });
      this.retryNow();
    });
  }

  /** New means: try every target again, at once if it was waiting for something to change. */
  private retryNow(): void {
    this.tried.clear();
    this.targets.retryAll();
    const stalled = this.stalled;
    if (stalled === null) return; // a step is under way and will look again when it ends
    if (stalled.timer !== null) this.world.kernel.cancel(stalled.timer);
    this.next();
  }

  private observation(f: LiveFoothold, target: number, action: Action, pdpDecided: boolean, denied: boolean) {
    return observationOf(this.world.model, f, target, action, pdpDecided, denied);
  }

  private ownHost(asset: number, means: string, technique: string, from: LiveFoothold | null): void {
    const w = this.world;
    if (w.owned[asset]) return;
    w.owned[asset] = 1;
    const a = w.model.assets[asset]!;
    if (from === null)
      w.emit({
        type: 'attack.initial',
        actor: 'attacker',
        technique,
        target: a.id,
        outcome: 'success',
        detail: `${a.id} owned through ${means}`,
      });
    this.gain({ origin: { kind: 'host', asset }, label: `${a.id} owned`, technique: 'T0867' }, 'attack.step');
    this.learnCredentials(a.storedCredentials);
  }

  /**
   * The manipulation rides the write that took the controller: in the audit trail when that write
   * was, but not a second PDP decision for the sensors to see.
   */
  private control(asset: number, from: LiveFoothold, action: Action, writeAudited: boolean): void {
    const w = this.world;
    if (w.controlled[asset]) return;
    w.controlled[asset] = 1;
    const a = w.model.assets[asset]!;
    if (w.firstPlcAt === null) w.firstPlcAt = w.now;
    if (!w.attack.impact || a.line < 0 || w.lineImpactAt[a.line] !== null) return;
    w.lineImpactAt[a.line] = w.now;
    const t = this.technique('T0831');
    this.act(t, this.observation(from, asset, action, false, false), writeAudited);
    w.emit({
      type: 'attack.impact',
      actor: 'attacker',
      technique: t.id,
      source: from.name,
      target: a.id,
      outcome: 'success',
      detail: `${t.name}: line ${w.model.lines[a.line]!.id} disrupted`,
    });
  }

  private learnCredentials(creds: readonly number[]): void {
    const fresh = creds.filter((c) => !this.credentials.has(c));
    if (fresh.length === 0) return;
    for (const c of fresh) {
      this.credentials.add(c);
      this.learnAssets(this.world.model.credentials[c]!.opens);
    }
    this.tried.clear();
    this.targets.retryAll();
    for (const f of remoteFootholds(
      this.world.access,
      { credentials: this.credentials, mfaUsers: this.liveMfaUsers() },
      this.device,
      this.opened,
    ))
      this.gain(f, 'attack.step');
  }
}

/** Footholds in the same zones see the same hosts: share one map per discovery result. */
const VISIBLE = new WeakMap<readonly number[], Uint8Array>();
function visibleSet(found: readonly number[], assetCount: number): Uint8Array {
  let set = VISIBLE.get(found);
  if (set === undefined) {
    set = new Uint8Array(assetCount);
    for (const a of found) set[a] = 1;
    VISIBLE.set(found, set);
  }
  return set;
}

/** Does a move carry out a scripted step? Impact steps take any move that commands a controller. */
function stepMatches(tech: Technique, move: Move, w: World): boolean {
  const commands =
    tech.tactic === 'impair-process-control' ||
    tech.tactic === 'impact' ||
    tech.tactic === 'inhibit-response' ||
    tech.id === 'T0843';
  if (commands) return move.effect === 'control';
  if (move.effect === 'control') return false;
  return techniqueForMove(move, w.model) === tech.id || (tech.id === 'T0886' && move.effect === 'own-host');
}
