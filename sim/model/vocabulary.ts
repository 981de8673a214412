// One scenario's protocols and actions: the built-in catalogue plus the protocols it declares.
// Engines ask the vocabulary what an action means instead of branching on protocol names.
import { ACTIONS, PROTOCOLS, type ActionLevel, type BuiltinAction, type BuiltinProtocol } from './catalog.js';

/** What using an action does for an attacker who has what it needs. */
export type ActionMeaning = 'read' | 'write' | 'program' | 'interactive-logon' | 'file-transfer';

export interface ProtocolEntry {
  readonly name: string;
  readonly port: number;
  /** Industrial traffic: an OT IDS sees it. */
  readonly industrial: boolean;
  /** Has a remote-logon action. */
  readonly interactive: boolean;
  /** Declared by the scenario, not built in. */
  readonly declared: boolean;
  /** Its actions, lowest level first. */
  readonly actions: readonly string[];
  /** What each of them means, in the same order (null: an application session). */
  readonly meanings: readonly (ActionMeaning | null)[];
}

export interface ActionEntry {
  readonly name: string;
  readonly protocol: string;
  /** For policies: read < write < program; session for logons and application sessions. */
  readonly level: ActionLevel;
  /** null: an application session (http, sql) an attacker gains nothing from. */
  readonly meaning: ActionMeaning | null;
  /** The technique a declared action names; null to take the one its means imply. */
  readonly technique: string | null;
  /** What it needs when a service says nothing: for built-ins, see model/auth.ts. */
  readonly auth: 'open' | 'account' | null;
}

export interface DeclaredProtocol {
  id: string;
  port: number;
  industrial: boolean;
  actions: readonly {
    name: string;
    meaning: ActionMeaning;
    technique?: string | undefined;
    auth: 'open' | 'account';
  }[];
}

const LEVEL_OF: Record<ActionMeaning, ActionLevel> = {
  read: 'read',
  write: 'write',
  program: 'program',
  'interactive-logon': 'session',
  'file-transfer': 'session',
};

export class Vocabulary {
  private readonly protocols = new Map<string, ProtocolEntry>();
  private readonly actions = new Map<string, ActionEntry>();

  constructor(declared: readonly DeclaredProtocol[]) {
    for (const p of Object.keys(PROTOCOLS) as BuiltinProtocol[]) {
      const info = PROTOCOLS[p];
      const actions = (Object.keys(ACTIONS) as BuiltinAction[]).filter((a) => ACTIONS[a].protocol === p);
      const meanings = actions.map((a): ActionMeaning | null => {
        const level = ACTIONS[a].level;
        return level !== 'session' ? level : info.interactive ? 'interactive-logon' : null;
      });
      this.protocols.set(p, {
        name: p,
        port: info.port,
        industrial: info.unauthenticated,
        interactive: info.interactive,
        declared: false,
        actions,
        meanings,
      });
      actions.forEach((a, i) =>
        this.actions.set(a, {
          name: a,
          protocol: p,
          level: ACTIONS[a].level,
          meaning: meanings[i]!,
          technique: null,
          auth: null,
        }),
      );
    }
    for (const d of declared) {
      if (this.protocols.has(d.id)) continue; // a clash the reference check reports
      const order = (m: ActionMeaning) => ['read', 'write', 'program', 'interactive-logon', 'file-transfer'].indexOf(m);
      const sorted = [...d.actions].sort((x, y) => order(x.meaning) - order(y.meaning));
      const names = sorted.map((a) => `${d.id}.${a.name}`);
      this.protocols.set(d.id, {
        name: d.id,
        port: d.port,
        industrial: d.industrial,
        interactive: d.actions.some((a) => a.meaning === 'interactive-logon'),
        declared: true,
        actions: names,
        meanings: sorted.map((a) => a.meaning),
      });
      sorted.forEach((a, i) =>
        this.actions.set(names[i]!, {
          name: names[i]!,
          protocol: d.id,
          level: LEVEL_OF[a.meaning],
          meaning: a.meaning,
          technique: a.technique ?? null,
          auth: a.auth,
        }),
      );
    }
  }

  protocol(name: string): ProtocolEntry | undefined {
    return this.protocols.get(name);
  }

  action(name: string): ActionEntry | undefined {
    return this.actions.get(name);
  }

  /** The actions of a protocol, lowest level first; none for an unknown one. */
  actionsOf(protocol: string): readonly string[] {
    return this.protocols.get(protocol)?.actions ?? [];
  }

  /** What each action of a protocol means, in the order of `actionsOf`. */
  meaningsOf(protocol: string): readonly (ActionMeaning | null)[] {
    return this.protocols.get(protocol)?.meanings ?? [];
  }

  /** The protocol an action belongs to (a known action: the references were checked). */
  protocolOf(action: string): string {
    return this.actions.get(action)!.protocol;
  }

  protocolNames(): string[] {
    return [...this.protocols.keys()];
  }

  actionNames(): string[] {
    return [...this.actions.keys()];
  }
}

/** The built-in catalogue alone. */
export const BUILTIN_VOCABULARY = new Vocabulary([]);
