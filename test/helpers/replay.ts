// Replays a static blast radius's attack paths against the access layer, step by step in path
// order: each step may use only what earlier steps of the same path gave the attacker.
import { remoteFootholds, initialEntry } from '../../sim/attack/initialAccess.js';
import type { Action } from '../../sim/model/catalog.js';
import { PRIVILEGE, type Privilege } from '../../sim/model/plantModel.js';
import { footholdName } from '../../sim/attack/describe.js';
import { probeStates, type BlastRadius, type PathStep } from '../../sim/metrics/blastRadius.js';
import type { AccessLayer, Origin } from '../../sim/net/AccessLayer.js';
import { resourceMatches, subjectMatches } from '../../sim/policy/match.js';
import type { Attack } from '../../sim/model/schema.js';

export interface Replay {
  problems: string[];
  /** Steps taken from a brokered session, with the session's origin. */
  brokered: { step: PathStep; origin: Origin & { kind: 'broker' } }[];
}

/**
 * Each path is walked in order from the entry, as an attacker would execute it: a step may use
 * only tunnels opened, hosts owned (at the privilege held there), credentials learned and hidden
 * hosts found earlier on the same path.
 */
export function replayPaths(access: AccessLayer, attack: Attack, radius: BlastRadius): Replay {
  const model = access.model;
  const vocab = model.vocab;
  const entry = initialEntry(access, attack);
  const states = probeStates(model, attack.initialAccess.at);
  const problems: string[] = [];
  const brokered: Replay['brokered'] = [];

  for (const [asset, path] of Object.entries(radius.paths)) {
    const held = new Set(entry.knowledge.credentials);
    const owned = new Map<string, Privilege>();
    const found = new Set<number>();
    const tunnels = new Map<string, Origin>();
    const openTunnels = () => {
      const know = { credentials: held, mfaUsers: entry.knowledge.mfaUsers };
      for (const f of [...entry.footholds, ...remoteFootholds(access, know, entry.device, new Set())])
        tunnels.set(footholdName(f.origin, model), f.origin);
    };
    const learn = (creds: readonly number[], hosts: readonly number[] = []) => {
      for (const c of creds) held.add(c);
      for (const h of hosts) found.add(h);
      openTunnels();
    };
    openTunnels();
    path.forEach((step, i): void => {
      const where = `${asset} step ${i} (${step.from} → ${step.to} ${step.action} via ${step.means})`;
      const problem = (why: string) => problems.push(`${where}: ${why}`);
      if (step.action === 'login') {
        if (step.from !== 'attacker') return void problem('a login that does not start at the attacker');
        if (step.means === 'phishing') {
          if (attack.initialAccess.kind !== 'phishing' || attack.initialAccess.asset !== step.to)
            problem('phished a host the attack does not name');
          owned.set(step.to, PRIVILEGE.user);
        } else if (!tunnels.has(step.to)) problem('no tunnel of that name opens with what the attacker holds so far');
        return;
      }
      const local = step.action === 'harvest' || step.action === 'escalate' || step.action === 'read';
      if (local) {
        const host = model.assetIndex.get(step.from);
        const privilege = owned.get(step.from);
        if (step.from !== step.to || host === undefined || privilege === undefined)
          return void problem(`${step.action} on a host not owned yet`);
        const node = model.assets[host]!;
        const name = step.means.split(' ')[1]!;
        if (step.action === 'escalate') {
          if (!node.vulnerabilities.some((v) => v.id === name && v.effect === 'privilege-escalation'))
            return void problem(`${step.from} has no local privilege escalation ${name}`);
          owned.set(step.from, PRIVILEGE.admin);
          return;
        }
        if (step.action === 'harvest') {
          const c = model.credentialIndex.get(name);
          const cached = access.hosts.cached(host).find((x) => x.credential === c);
          if (c === undefined || cached === undefined) return void problem(`${step.from} caches no such credential`);
          if (cached.privilege > privilege) return void problem(`${name} needs administrator on ${step.from}`);
          return learn([c]);
        }
        const doc = node.documents.find((d) => d.id === name);
        if (doc === undefined) return void problem(`${step.from} keeps no document ${name}`);
        if (doc.privilege > privilege) return void problem(`document ${name} needs administrator on ${step.from}`);
        return learn(doc.credentials, doc.hosts);
      }
      const origin: Origin | undefined =
        tunnels.get(step.from) ??
        (owned.has(step.from) ? { kind: 'host', asset: model.assetIndex.get(step.from)! } : undefined);
      if (origin === undefined)
        return void problem(`starts on ${step.from}, which is neither an open tunnel nor a host owned so far`);
      const target = model.assetIndex.get(step.to);
      if (target === undefined) return void problem('unknown target');
      if (access.hosts.hidden[target] === 1 && !found.has(target) && origin.kind !== 'broker')
        return void problem(`${step.to} answers no scan and no document read so far names it`);
      const action = step.action as Action;
      const info = vocab.action(action);
      if (info === undefined) return void problem(`unknown action ${action}`);
      if (origin.kind === 'broker') brokered.push({ step, origin });
      const node = model.assets[target]!;
      const protocol = info.protocol;
      const [how, name] = [step.means.split(' ')[0], step.means.split(' ')[1]];
      // The step must go through one service that both lets it through and takes its means.
      const doors = node.services.flatMap((s, k) => (s.protocol === protocol ? [k] : []));
      const opens = (k: number) => states.some((state) => access.connect(origin, target, action, state, k).ok);
      const need = (k: number) => access.hosts.requirements(node, k)[vocab.actionsOf(protocol).indexOf(action)]!;
      let privilege: Privilege = PRIVILEGE.user;
      if (how === 'credential') {
        const c = model.credentialIndex.get(name!);
        if (c === undefined || !held.has(c))
          return void problem(`credential ${name} is not held at this point of the path`);
        const cred = model.credentials[c]!;
        const takes = (k: number) => {
          const r = need(k);
          if (r.kind === 'credentials') return r.credentials.includes(c);
          return r.kind === 'account' && cred.opens.has(target) && cred.protocols.has(protocol);
        };
        if (!doors.some((k) => takes(k) && opens(k)))
          problem(`credential ${name} opens no reachable ${protocol} service of ${step.to}`);
        if (cred.spec.privilege === 'admin') privilege = PRIVILEGE.admin;
      } else if (how === 'exploit') {
        const vulnerability = node.vulnerabilities.find((v) => v.id === name && v.service === protocol);
        if (vulnerability === undefined) return void problem(`${step.to} has no ${name} on ${protocol}`);
        if (!doors.some(opens)) problem('the access layer refuses this connection at every probe time');
        if (vulnerability.effect === 'credential-leak') return learn(access.hosts.cachedIds(target));
        if (vulnerability.privilege !== 'user') privilege = PRIVILEGE.admin;
      } else if (step.means === 'unauthenticated protocol') {
        const useful = info.meaning === 'interactive-logon' ? node.foothold : node.controller && info.level !== 'read';
        if (!useful || !doors.some((k) => need(k).kind === 'open' && opens(k)))
          problem('not an unauthenticated command or logon through a reachable service');
      } else if (step.means === 'brokered grant') {
        if (origin.kind !== 'broker') problem('a grant outside a brokered session');
        if (!doors.some(opens)) problem('the access layer refuses this connection at every probe time');
      } else return void problem(`unknown means "${step.means}"`);
      if (info.meaning === 'file-transfer') {
        for (const d of node.documents) if (d.privilege <= privilege) learn(d.credentials, d.hosts);
        return;
      }
      if (!owned.has(step.to) || owned.get(step.to)! < privilege) owned.set(step.to, privilege);
    });
  }
  return { problems, brokered };
}

/** Does some allow rule of the design's policy name this subject and this asset? */
export function someRuleNames(access: AccessLayer, origin: Origin & { kind: 'broker' }, assetId: string): boolean {
  const resource = access.resource(access.model.assets[access.model.assetIndex.get(assetId)!]!);
  return access.policy.rules.some(
    (r) =>
      r.effect === 'allow' &&
      subjectMatches(r, origin.subject) &&
      r.resources.some((p) => resourceMatches(p, resource)),
  );
}
