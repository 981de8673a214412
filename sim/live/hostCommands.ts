// What an emulated host or controller answers on a service other than Modbus: a greeting, then
// one command a line — a logon with a credential, an exploit, a broker's grant, a command to a
// controller. The answers follow the model: which credential opens which asset over which
// protocol, which vulnerability sits on which service. Pure: a line in, a reply out.
import type { Requirement } from '../model/auth.js';
import type { Protocol } from '../model/catalog.js';
import type { AssetNode, CredentialNode, PlantModel } from '../model/plantModel.js';
import type { Secrets } from './secrets.js';
import { credentialMeets } from './serviceAuth.js';

export interface HostContext {
  model: PlantModel;
  asset: AssetNode;
  protocol: Protocol;
  secrets: Secrets;
  /**
   * What each action of this service needs under the design (in the protocol's action order).
   * Without it, the catalogue's rules before services stated their authentication.
   */
  needs?: readonly Requirement[];
}

/** What the connection has proved so far. */
export interface HostSession {
  projectUnlocked: boolean;
  /** Credentials it logged in with that open no session but unlock actions (a PLC password). */
  unlocked?: Set<number>;
}

export type HostReply =
  | { reply: string; effect: 'none' | 'own' | 'control' }
  | { reply: string; effect: 'leak'; credentials: string[] };

const GREETINGS: Partial<Record<Protocol, string>> = {
  ssh: 'SSH-2.0-segsim',
  vnc: 'RFB 003.008',
  rdp: 'RDP segsim',
  https: 'HTTP/1.1 200 segsim',
  http: 'HTTP/1.1 200 segsim',
  s7: 'S7COMM segsim',
};

export function greeting(ctx: HostContext): string {
  return `${GREETINGS[ctx.protocol] ?? `${ctx.protocol.toUpperCase()} segsim`} ${ctx.asset.id}`;
}

export function hostCommand(ctx: HostContext, session: HostSession, line: string): HostReply {
  const [verb, ...args] = line.trim().split(/\s+/);
  const { asset, protocol, secrets } = ctx;
  const info = ctx.model.vocab.protocol(protocol)!;
  const held = (): HostReply => ({ reply: `OK host ${secrets.hostToken(asset.id)}`, effect: 'own' });
  // A logon gives the host only over an interactive protocol; an exploit runs code whatever the service.
  const owns = (): HostReply => (asset.foothold && info.interactive ? held() : { reply: `OK session`, effect: 'none' });
  switch (verb) {
    case 'LOGIN': {
      const problem = loginProblem(ctx, args);
      if (problem !== null) return { reply: `DENIED ${problem}`, effect: 'none' };
      const credential = ctx.model.credentials[ctx.model.credentialIndex.get(args[0]!)!]!;
      if (ctx.needs !== undefined) {
        const logon = actionsOf(ctx).findIndex((a) => ctx.model.vocab.action(a)!.meaning === 'interactive-logon');
        if (logon >= 0 && satisfies(ctx, ctx.needs[logon]!, credential)) return owns();
        (session.unlocked ??= new Set()).add(credential.index);
        return { reply: 'OK unlocked', effect: 'none' };
      }
      if (credential.spec.kind === 'plc-project') {
        session.projectUnlocked = true;
        return { reply: 'OK project', effect: 'none' };
      }
      return owns();
    }
    case 'GRANT': {
      if (!secrets.matches(args[1], secrets.grant(asset.id, args[0] ?? '')))
        return { reply: 'DENIED the grant does not verify', effect: 'none' };
      return owns();
    }
    case 'EXPLOIT': {
      const vuln = asset.vulnerabilities.find((v) => v.id === args[0] && v.service === protocol);
      if (vuln === undefined || vuln.effect === 'denial-of-service')
        return { reply: `DENIED no such weakness on ${protocol}`, effect: 'none' };
      if (vuln.effect === 'credential-leak') {
        const leaked = asset.storedCredentials.map((c) => ctx.model.credentials[c]!.id);
        return { reply: `OK leak ${leaked.join(',')}`, effect: 'leak', credentials: leaked };
      }
      if (asset.controller) return { reply: 'OK control', effect: 'control' };
      return asset.foothold ? held() : { reply: 'DENIED nothing to run code on', effect: 'none' };
    }
    case 'WRITE':
    case 'PROGRAM': {
      if (ctx.needs !== undefined) return command(ctx, session, verb === 'WRITE' ? 'write' : 'program');
      if (!asset.controller || !info.industrial)
        return { reply: `DENIED ${asset.id} takes no commands over ${protocol}`, effect: 'none' };
      if (verb === 'PROGRAM' && asset.programProtected && !session.projectUnlocked)
        return { reply: 'DENIED the project password is required', effect: 'none' };
      return { reply: 'OK control', effect: 'control' };
    }
    default:
      return { reply: `ERR unknown command ${JSON.stringify(verb ?? '')}`, effect: 'none' };
  }
}

function actionsOf(ctx: HostContext): readonly string[] {
  return ctx.model.vocab.actionsOf(ctx.protocol);
}

/** Does the credential meet what an action needs? Open actions need nothing it could add. */
function satisfies(ctx: HostContext, need: Requirement, credential: CredentialNode): boolean {
  return credentialMeets(ctx.model, ctx.asset, ctx.protocol, need, credential.index);
}

/** A write or a program download under the service's stated authentication. */
function command(ctx: HostContext, session: HostSession, meaning: 'write' | 'program'): HostReply {
  const { asset, protocol, model } = ctx;
  const i = actionsOf(ctx).findIndex((a) => model.vocab.action(a)!.meaning === meaning);
  if (!asset.controller || i < 0)
    return { reply: `DENIED ${asset.id} takes no commands over ${protocol}`, effect: 'none' };
  const need = ctx.needs![i]!;
  const held = [...(session.unlocked ?? [])].some((c) => satisfies(ctx, need, model.credentials[c]!));
  if (need.kind !== 'open' && !held)
    return { reply: `DENIED ${actionsOf(ctx)[i]} on ${asset.id} needs a credential`, effect: 'none' };
  return { reply: 'OK control', effect: 'control' };
}

function loginProblem(ctx: HostContext, args: string[]): string | null {
  const [id, password, otp] = args;
  const index = id === undefined ? undefined : ctx.model.credentialIndex.get(id);
  if (index === undefined) return 'unknown account';
  const credential = ctx.model.credentials[index]!;
  if (!ctx.secrets.matches(password, ctx.secrets.password(credential.id))) return 'wrong password';
  const kind = credential.spec.kind;
  // A service that names the credential takes it, whatever its kind (a directory account for CIP Security).
  const named = ctx.needs?.some((n) => n.kind === 'credentials' && n.credentials.includes(index)) ?? false;
  if ((kind === 'vpn-account' || kind === 'user-account') && !named) return `${kind} does not log on to hosts`;
  const opens = credential.opens.has(ctx.asset.index) && credential.protocols.has(ctx.protocol);
  if (!opens && !named) return `${credential.id} does not open ${ctx.asset.id} over ${ctx.protocol}`;
  if (credential.spec.mfaBound) {
    const owners = credential.owners.map((o) => ctx.model.users[o]!.id);
    if (!owners.some((u) => ctx.secrets.matches(otp, ctx.secrets.otp(u)))) return 'second factor missing or wrong';
  }
  return null;
}
