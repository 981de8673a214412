// What an attacker at an origin can do to one asset with what it knows: the moves, each with the
// access-layer answer that allowed it. Shared by the static blast radius and the simulated agent,
// so a run can never do what the static analysis says is impossible.
import type { Action } from '../model/catalog.js';
import type { Requirement } from '../model/auth.js';
import { PRIVILEGE, type AssetNode, type Privilege } from '../model/plantModel.js';
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

/** `read-files`: a file transfer reads the host's documents without owning it. */
export type Effect = 'own-host' | 'control' | 'learn-credentials' | 'read-files';

export interface Move {
  target: number;
  action: Action;
  /** Index of the target's service it goes through: two services of one protocol are two doors. */
  service: number;
  means: Means;
  effect: Effect;
  /** What owning the host or reading its files gives (user unless an admin logon or an exploit). */
  privilege: Privilege;
  outcome: ConnectOutcome & { ok: true };
}

export interface Attempt {
  target: number;
  action: Action;
  outcome: ConnectOutcome;
}

/**
 * Every move against `target` from `origin`, plus the first refused connection and the first
 * action the attacker reached but lacked the credential for (to explain why an asset stayed out of
 * reach). Moves come in a fixed order: grants and credentials before exploits.
 */
export function movesAgainst(
  access: AccessLayer,
  origin: Origin,
  target: AssetNode,
  know: Knowledge,
  state: AccessState,
): { moves: Move[]; refused: Attempt | null; locked: Action | null } {
  const moves: Move[] = [];
  const found: { refused: Attempt | null } = { refused: null };
  let locked: Action | null = null;
  const vocab = access.model.vocab;
  const documents = target.documents.length > 0;
  // A hot loop of the static blast radius: no closures made per service.
  for (let s = 0; s < target.services.length; s++) {
    const service = target.services[s]!;
    const actions = vocab.actionsOf(service.protocol);
    const meanings = vocab.meaningsOf(service.protocol);
    let needs: readonly Requirement[] | null = null;
    let brokeredLogon = false;
    let controlled = false;
    for (let i = 0; i < actions.length; i++) {
      const meaning = meanings[i];
      const logon = meaning === 'interactive-logon' && target.foothold;
      const command = (meaning === 'write' || meaning === 'program') && target.controller && !controlled;
      const files = meaning === 'file-transfer' && documents;
      if (!logon && !command && !files) continue;
      const action = actions[i]!;
      // Logging on owns only hosts one can run tools on; exploits below still apply to the rest.
      if (logon && origin.kind === 'broker') {
        // The broker logs the session on: the grant is the logon.
        brokeredLogon = true;
        const ok = tryConnect(access, origin, target, action, s, state, found);
        if (ok) moves.push(move(target, action, s, { kind: 'granted' }, 'own-host', PRIVILEGE.user, ok));
        continue;
      }
      needs ??= access.hosts.requirements(target, s);
      const means = meansFor(access, target, service.protocol, needs[i]!, know);
      if (means === undefined) {
        locked ??= action;
        continue;
      }
      const ok = tryConnect(access, origin, target, action, s, state, found);
      if (!ok) continue;
      if (command) {
        moves.push(move(target, action, s, means, 'control', PRIVILEGE.user, ok));
        controlled = true;
      } else
        moves.push(move(target, action, s, means, logon ? 'own-host' : 'read-files', privilegeOf(access, means), ok));
    }
    if (brokeredLogon) continue;
    for (const vulnerability of target.vulnerabilities) {
      if (vulnerability.service !== service.protocol || vulnerability.effect === 'denial-of-service') continue;
      const ok = tryConnect(access, origin, target, actions[0]!, s, state, found);
      if (!ok) continue;
      const effect: Effect =
        vulnerability.effect === 'credential-leak' ? 'learn-credentials' : target.controller ? 'control' : 'own-host';
      if (effect === 'own-host' && !target.foothold) continue;
      const privilege = vulnerability.privilege === 'user' ? PRIVILEGE.user : PRIVILEGE.admin;
      moves.push(move(target, actions[0]!, s, { kind: 'vulnerability', vulnerability }, effect, privilege, ok));
    }
  }
  return { moves, refused: found.refused, locked };
}

function move(
  target: AssetNode,
  action: Action,
  service: number,
  means: Means,
  effect: Effect,
  privilege: Privilege,
  outcome: ConnectOutcome & { ok: true },
): Move {
  return { target: target.index, action, service, means, effect, privilege, outcome };
}

/** How the attacker meets a requirement with what it holds; undefined when it cannot. */
function meansFor(
  access: AccessLayer,
  target: AssetNode,
  protocol: string,
  need: Requirement,
  know: Knowledge,
): Means | undefined {
  switch (need.kind) {
    case 'open':
      return { kind: 'unauthenticated' };
    case 'account': {
      const c = usableCredential(access, target, protocol, know);
      return c === undefined ? undefined : { kind: 'credential', credential: c };
    }
    case 'credentials': {
      const c = need.credentials.find((x) => know.credentials.has(x) && mfaSatisfied(access, x, know));
      return c === undefined ? undefined : { kind: 'credential', credential: c };
    }
  }
}

function privilegeOf(access: AccessLayer, means: Means): Privilege {
  return means.kind === 'credential' && access.model.credentials[means.credential]!.spec.privilege === 'admin'
    ? PRIVILEGE.admin
    : PRIVILEGE.user;
}

function mfaSatisfied(access: AccessLayer, c: number, know: Knowledge): boolean {
  const cred = access.model.credentials[c]!;
  return !cred.spec.mfaBound || cred.owners.some((o) => know.mfaUsers.has(o));
}

/** Connects, remembering the first refusal: it explains why an asset stayed out of reach. */
function tryConnect(
  access: AccessLayer,
  origin: Origin,
  target: AssetNode,
  action: Action,
  service: number,
  state: AccessState,
  found: { refused: Attempt | null },
) {
  const outcome = access.connect(origin, target.index, action, state, service);
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
    if (!cred.opens.has(target.index) || !cred.protocols.has(protocol)) continue;
    if (!mfaSatisfied(access, c, know)) continue;
    return c;
  }
  return undefined;
}
