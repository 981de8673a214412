// Replays a static blast radius's attack paths step by step against the access layer, each step
// on its own: the tunnel it logs in through, or the connection from the host the step starts on.
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

export function replayPaths(access: AccessLayer, attack: Attack, radius: BlastRadius): Replay {
  const model = access.model;
  const entry = initialEntry(access, attack);
  const held = new Set(radius.credentials.map((c) => model.credentialIndex.get(c)!));
  const tunnels = new Map<string, Origin>();
  for (const f of [
    ...entry.footholds,
    ...remoteFootholds(access, { credentials: held, mfaUsers: entry.knowledge.mfaUsers }, entry.device, new Set()),
  ])
    tunnels.set(footholdName(f.origin, model), f.origin);
  const owned = new Set(radius.assets);
  const states = probeStates(model, attack.initialAccess.at);
  const problems: string[] = [];
  const brokered: Replay['brokered'] = [];

  for (const [asset, path] of Object.entries(radius.paths)) {
    path.forEach((step, i): void => {
      const where = `${asset} step ${i} (${step.from} → ${step.to} ${step.action} via ${step.means})`;
      const problem = (why: string) => problems.push(`${where}: ${why}`);
      if (step.action === 'login') {
        if (step.from !== 'attacker') return void problem('a login that does not start at the attacker');
        if (step.means === 'phishing') {
          if (attack.initialAccess.kind !== 'phishing' || attack.initialAccess.asset !== step.to)
            problem('phished a host the attack does not name');
        } else if (!tunnels.has(step.to)) problem('no tunnel of that name opens with what the attacker holds');
        return;
      }
      const origin: Origin | undefined =
        tunnels.get(step.from) ??
        (owned.has(step.from) ? { kind: 'host', asset: model.assetIndex.get(step.from)! } : undefined);
      if (origin === undefined)
        return void problem(`starts on ${step.from}, which is neither a tunnel nor an owned host`);
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
        if (c === undefined || !held.has(c)) problem(`credential ${name} is not held`);
        else if (!model.credentials[c]!.opens.has(target) || !model.credentials[c]!.protocols.has(protocol))
          problem(`credential ${name} does not open ${step.to} over ${protocol}`);
      } else if (how === 'exploit') {
        if (!node.vulnerabilities.some((v) => v.id === name && v.service === protocol))
          problem(`${step.to} has no ${name} on ${protocol}`);
      } else if (step.means === 'unauthenticated protocol') {
        if (!node.controller || !PROTOCOLS[protocol].unauthenticated || ACTIONS[action].level === 'read')
          problem('not an unauthenticated command to a controller');
      } else if (step.means === 'brokered grant') {
        if (origin.kind !== 'broker') problem('a grant outside a brokered session');
      } else problem(`unknown means "${step.means}"`);
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
