// One trace event as a timeline row: who acted, how it ended, and the hop it made. Shared by every
// listing of a trace (the terminal timeline, the viewer's event list) so they read events alike.
import type { TraceEvent } from './trace.js';

export type Actor = 'attacker' | 'defender' | 'technician' | 'pdp';

export type Outcome = 'success' | 'failure' | 'denied' | 'pending' | 'info';

export interface EventFacts {
  actor: Actor;
  outcome: Outcome;
  technique?: string;
  /** Where the hop starts: a foothold, a user, a flagged host. */
  source?: string;
  /** Where it ends: an asset, a foothold, an identity, a line. */
  target?: string;
  action?: string;
  rule?: string;
  mitigation?: string;
}

const opt = <K extends string>(key: K, value: string | undefined) =>
  (value === undefined ? {} : { [key]: value }) as Partial<Record<K, string>>;

export function eventFacts(e: TraceEvent): EventFacts {
  switch (e.type) {
    case 'attack.initial':
    case 'attack.foothold':
      return { actor: 'attacker', outcome: 'success', technique: e.technique, target: e.foothold };
    case 'attack.no-entry':
      return { actor: 'attacker', outcome: 'failure', technique: e.technique };
    case 'attack.discover':
      return { actor: 'attacker', outcome: 'success', technique: e.technique, source: e.foothold };
    case 'attack.step':
      return {
        actor: 'attacker',
        outcome: e.outcome,
        technique: e.technique,
        source: e.foothold,
        target: e.target,
        action: e.action,
        ...opt('rule', e.rule),
      };
    case 'attack.harvest':
    case 'attack.escalate':
    case 'attack.read':
      return {
        actor: 'attacker',
        outcome: e.outcome,
        technique: e.technique,
        source: e.host,
        action: e.type === 'attack.harvest' ? 'harvest' : e.type === 'attack.escalate' ? 'escalate' : 'read',
      };
    case 'attack.unable':
      return { actor: 'attacker', outcome: 'failure', technique: e.technique, ...opt('target', e.target) };
    case 'attack.refused':
    case 'attack.held':
      return {
        actor: 'attacker',
        outcome: e.type === 'attack.held' ? 'pending' : 'denied',
        source: e.foothold,
        target: e.target,
        action: e.action,
        ...opt('rule', e.rule),
        ...opt('mitigation', e.mitigation),
      };
    case 'attack.impact':
      return { actor: 'attacker', outcome: 'success', technique: e.technique, source: e.foothold, target: e.target };
    case 'attack.foothold-lost':
      return { actor: e.via === 'broker' ? 'pdp' : 'defender', outcome: 'info', target: e.foothold };
    case 'attack.reentry':
      return { actor: 'attacker', outcome: 'success', technique: e.technique, target: e.footholds.join(',') };
    case 'approval.granted':
    case 'approval.refused':
      return {
        actor: 'defender',
        outcome: e.type === 'approval.granted' ? 'success' : 'denied',
        source: e.requester,
        rule: e.rule,
      };
    case 'defense.detect':
      return { actor: 'defender', outcome: 'info', technique: e.technique, ...opt('source', e.host) };
    case 'defense.respond':
    case 'defense.contain':
      return { actor: 'defender', outcome: 'info' };
    case 'defense.find':
      return { actor: 'defender', outcome: 'success', target: e.foothold };
    case 'defense.act':
      return {
        actor: 'defender',
        outcome: e.outcome === 'done' ? 'success' : 'failure',
        action: e.action,
        ...opt('target', e.targets.length > 0 ? e.targets.join(',') : undefined),
      };
    case 'defense.lift':
      return { actor: 'defender', outcome: 'info', action: e.action, target: e.target };
    case 'pdp.block':
      return { actor: 'pdp', outcome: 'info', target: e.identity };
    case 'line.recovered':
      return { actor: 'defender', outcome: 'success', target: e.line };
    case 'workload.request':
      return { actor: 'technician', outcome: 'info', source: e.user, target: e.targets.join(',') };
    case 'workload.access':
      return { actor: 'technician', outcome: 'success', source: e.user };
    case 'workload.failed':
      return { actor: 'technician', outcome: 'denied', source: e.user };
  }
}
