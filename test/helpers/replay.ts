// Replays a static blast radius's attack paths against the access layer, step by step in path
// order: each step may use only what earlier steps of the same path gave the attacker.
import { remoteFootholds, initialEntry } from '../../sim/attack/initialAccess.js';
import { ACTIONS, PROTOCOLS, type Action } from '../../sim/model/catalog.js';
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
 * only tunnels opened, hosts owned and credentials learned earlier on the same path.
 */
export function replayPaths(access: AccessLayer, attack: Attack, radius: BlastRadius): Replay {
  const model = access.model;
  const entry = initialEntry(access, attack);
  const states = probeStates(model, attack.initialAccess.at);
  const problems: string[] = [];
  const brokered: Replay['brokered'] = [];

  for (const [asset, path] of Object.entries(radius.paths)) {
    const held = new Set(entry.knowledge.credentials);
    const owned = new Set<string>();
    const tunnels = new Map<string, Origin>();
    const openTunnels = () => {
      const know = { credentials: held, mfaUsers: entry.knowledge.mfaUsers };
      for (const f of [...entry.footholds, ...remoteFootholds(access, know, entry.device, new Set())])
        tunnels.set(footholdName(f.origin, model), f.origin);
    };
    const learn = (creds: readonly number[]) => {
      for (const c of creds) held.add(c);
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
          owned.add(step.to);
        } else if (!tunnels.has(step.to)) problem('no tunnel of that name opens with what the attacker holds so far');
        return;
      }
      if (step.action === 'harvest') {
        const c = model.credentialIndex.get(step.means.replace(/^credential /, ''));
        const host = model.assetIndex.get(step.from);
        if (step.from !== step.to || !owned.has(step.from)) return void problem('harvests on a host not owned yet');
        if (c === undefined || host === undefined || !model.assets[host]!.storedCredentials.includes(c))
          return void problem(`${step.from} caches no such credential`);
        return learn([c]);
      }
      const origin: Origin | undefined =
        tunnels.get(step.from) ??
        (owned.has(step.from) ? { kind: 'host', asset: model.assetIndex.get(step.from)! } : undefined);
      if (origin === undefined)
        return void problem(`starts on ${step.from}, which is neither an open tunnel nor a host owned so far`);
      const target = model.assetIndex.get(step.to);
      if (target === undefined) return void problem('unknown target');
      const action = step.action as Action;
      if (!states.some((state) => access.connect(origin, target, action, state).ok))
        problem('the access layer refuses this connection at every probe time');
      if (origin.kind === 'broker') brokered.push({ step, origin });
      const node = model.assets[target]!;
      const protocol = ACTIONS[action].protocol;
      const [how, name] = [step.means.split(' ')[0], step.means.split(' ')[1]];
      if (how === 'credential') {
        const c = model.credentialIndex.get(name!);
        if (c === undefined || !held.has(c)) problem(`credential ${name} is not held at this point of the path`);
        else if (!model.credentials[c]!.opens.has(target) || !model.credentials[c]!.protocols.has(protocol))
          problem(`credential ${name} does not open ${step.to} over ${protocol}`);
      } else if (how === 'exploit') {
        const vulnerability = node.vulnerabilities.find((v) => v.id === name && v.service === protocol);
        if (vulnerability === undefined) problem(`${step.to} has no ${name} on ${protocol}`);
        else if (vulnerability.effect === 'credential-leak') return learn(node.storedCredentials);
      } else if (step.means === 'unauthenticated protocol') {
        if (!node.controller || !PROTOCOLS[protocol].unauthenticated || ACTIONS[action].level === 'read')
          problem('not an unauthenticated command to a controller');
      } else if (step.means === 'brokered grant') {
        if (origin.kind !== 'broker') problem('a grant outside a brokered session');
      } else problem(`unknown means "${step.means}"`);
      owned.add(step.to);
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
