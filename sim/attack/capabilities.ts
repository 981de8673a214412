// What an attacker at an origin can do to one asset with what it knows: the moves, each with the
// access-layer answer that allowed it. Shared by the static blast radius and the simulated agent,
// so a run can never do what the static analysis says is impossible.
import { ACTIONS, PROTOCOLS, actionsOfProtocol, type Action } from '../model/catalog.js';
import type { AssetNode } from '../model/plantModel.js';
import type { Vulnerability } from '../model/schema.js';
import type { AccessLayer, AccessState, ConnectOutcome, Origin } from '../net/AccessLayer.js';

export interface Knowledge {
  /** Credential indices the attacker holds. */
  credentials: ReadonlySet<number>;
  /** User indices whose second factor the attacker has (insider, live session). */
  mfaUsers: ReadonlySet<number>;
}

export type Means =
  | { kind: 'credential'; credential: number }
  | { kind: 'vulnerability'; vulnerability: Vulnerability }
  | { kind: 'unauthenticated' }
  | { kind: 'granted' };

export type Effect = 'own-host' | 'control' | 'learn-credentials';

export interface Move {
  target: number;
  action: Action;
  means: Means;
  effect: Effect;
  outcome: ConnectOutcome & { ok: true };
}

export interface Attempt {
  target: number;
  action: Action;
  outcome: ConnectOutcome;
}

/**
 * Every move against `target` from `origin`, plus the first refused connection (to explain why an
 * asset stayed out of reach). Moves come in a fixed order: grants and credentials before exploits.
 */
export function movesAgainst(
  access: AccessLayer,
  origin: Origin,
  target: AssetNode,
  know: Knowledge,
  state: AccessState,
): { moves: Move[]; refused: Attempt | null } {
  const moves: Move[] = [];
  const found: { refused: Attempt | null } = { refused: null };
  for (const service of target.services) {
    const info = PROTOCOLS[service.protocol];
    const actions = actionsOfProtocol(service.protocol);
    // Logging on owns only hosts one can run tools on; exploits below still apply to the rest.
    if (info.interactive && target.foothold) {
      const action = actions[0]!;
      if (origin.kind === 'broker') {
        const ok = tryConnect(access, origin, target, action, state, found);
        if (ok)
          moves.push({ target: target.index, action, means: { kind: 'granted' }, effect: 'own-host', outcome: ok });
        continue;
      }
      const cred = usableCredential(access, target, service.protocol, know);
      if (cred !== undefined) {
        const ok = tryConnect(access, origin, target, action, state, found);
        if (ok)
          moves.push({
            target: target.index,
            action,
            means: { kind: 'credential', credential: cred },
            effect: 'own-host',
            outcome: ok,
          });
      }
    }
    if (target.controller && info.unauthenticated) {
      for (const action of actions) {
        if (ACTIONS[action].level === 'read') continue;
        // Downloading a program needs the project password when the PLC has one.
        const needsProject = ACTIONS[action].level === 'program' && target.programProtected;
        const cred = needsProject ? usableCredential(access, target, service.protocol, know) : undefined;
        if (needsProject && cred === undefined) continue;
        const ok = tryConnect(access, origin, target, action, state, found);
        if (ok) {
          const means: Means =
            cred === undefined ? { kind: 'unauthenticated' } : { kind: 'credential', credential: cred };
          moves.push({ target: target.index, action, means, effect: 'control', outcome: ok });
          break;
        }
      }
    }
    for (const vulnerability of target.vulnerabilities) {
      if (vulnerability.service !== service.protocol || vulnerability.effect === 'denial-of-service') continue;
      const ok = tryConnect(access, origin, target, actions[0]!, state, found);
      if (!ok) continue;
      const effect: Effect =
        vulnerability.effect === 'credential-leak' ? 'learn-credentials' : target.controller ? 'control' : 'own-host';
      if (effect === 'own-host' && !target.foothold) continue;
      moves.push({
        target: target.index,
        action: actions[0]!,
        means: { kind: 'vulnerability', vulnerability },
        effect,
        outcome: ok,
      });
    }
  }
  return { moves, refused: found.refused };
}

/** Connects, remembering the first refusal: it explains why an asset stayed out of reach. */
function tryConnect(
  access: AccessLayer,
  origin: Origin,
  target: AssetNode,
  action: Action,
  state: AccessState,
  found: { refused: Attempt | null },
) {
  const outcome = access.connect(origin, target.index, action, state);
  if (!outcome.ok) {
    found.refused ??= { target: target.index, action, outcome };
    return null;
  }
  return outcome;
}

/** A held credential that logs on to `target` over `protocol` and whose MFA binding the attacker can satisfy. */
export function usableCredential(
  access: AccessLayer,
  target: AssetNode,
  protocol: string,
  know: Knowledge,
): number | undefined {
  for (const c of know.credentials) {
    const cred = access.model.credentials[c]!;
    if (cred.spec.kind === 'vpn-account' || cred.spec.kind === 'user-account') continue;
    if (!cred.opens.has(target.index) || !cred.protocols.has(protocol as never)) continue;
    if (cred.spec.mfaBound && !cred.owners.some((o) => know.mfaUsers.has(o))) continue;
    return c;
  }
  return undefined;
}
