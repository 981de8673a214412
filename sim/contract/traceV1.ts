// Reading a version-1 trace as version-2 events. Version 1 said what happened through a mix of
// type, outcome, source and wording; its writer is frozen, so these readings are exact for it.
import type { BundlePlant } from './bundle.js';
import type { FootholdVia, TraceEvent } from './trace.js';
import type { TraceEventV1 } from './v1.js';

/** Names version 1 gave footholds outside the plant. */
function viaOf(foothold: string, assets: ReadonlySet<string>): FootholdVia {
  if (assets.has(foothold)) return 'host';
  if (foothold === 'vpn-client') return 'vpn';
  if (foothold === 'internet') return 'internet';
  return 'broker'; // zt-session(<user>)
}

const opt = <K extends string>(key: K, value: string | undefined) =>
  (value === undefined ? {} : { [key]: value }) as Partial<Record<K, string>>;

export function upgradeTraceV1(trace: readonly TraceEventV1[], plant: BundlePlant): TraceEvent[] {
  const assets = new Set(plant.assets.map((a) => a.id));
  const lineOf = new Map(plant.assets.map((a) => [a.id, a.line]));
  return trace.map((e) => upgradeEvent(e, assets, lineOf));
}

function upgradeEvent(
  e: TraceEventV1,
  assets: ReadonlySet<string>,
  lineOf: ReadonlyMap<string, string | null>,
): TraceEvent {
  const { t, detail } = e;
  const technique = e.technique ?? '';
  const source = e.source ?? '';
  const target = e.target ?? '';
  switch (e.type) {
    case 'attack.initial':
      return e.outcome === 'success'
        ? { t, type: 'attack.initial', technique, foothold: target, via: viaOf(target, assets), detail }
        : { t, type: 'attack.no-entry', technique, detail };
    case 'attack.step':
      // Without a source, a success was a foothold gained and a failure a scripted step nothing could do.
      if (e.source === undefined)
        return e.outcome === 'success'
          ? { t, type: 'attack.foothold', technique, foothold: target, via: viaOf(target, assets), detail }
          : { t, type: 'attack.unable', technique, ...opt('target', e.target), detail };
      return {
        t,
        type: 'attack.step',
        technique,
        foothold: source,
        target,
        action: e.action ?? '',
        ...opt('rule', e.decision),
        outcome: e.outcome === 'success' ? 'success' : 'failure',
        detail,
      };
    case 'attack.denied':
      // Version 1 did not tell a request held for approval from a refused one.
      return {
        t,
        type: 'attack.refused',
        foothold: source,
        target,
        action: e.action ?? '',
        ...opt('mitigation', e.mitigation),
        detail,
      };
    case 'attack.discover':
      return { t, type: 'attack.discover', technique, foothold: source, detail };
    case 'attack.impact':
      return { t, type: 'attack.impact', technique, foothold: source, target, line: lineOf.get(target) ?? '', detail };
    case 'defense.detect':
      // "<sensor> flags <technique>[ (<note>)][ by <identity>]"
      return {
        t,
        type: 'defense.detect',
        sensor: detail.split(' ')[0]!,
        technique,
        ...opt('host', e.source),
        ...opt('identity', / by (\S+)$/.exec(detail)?.[1]),
        detail,
      };
    case 'defense.respond':
      return { t, type: 'defense.respond', detail };
    case 'defense.recover':
      return { t, type: 'line.recovered', line: target, detail };
    case 'policy.revoke':
      // The PDP's own block named an identity; every other revocation named the foothold lost.
      return e.actor === 'pdp' && !target.startsWith('zt-session(')
        ? { t, type: 'pdp.block', identity: target, detail }
        : { t, type: 'attack.foothold-lost', foothold: target, via: viaOf(target, assets), detail };
    case 'policy.approve':
      return {
        t,
        type: e.outcome === 'success' ? 'approval.granted' : 'approval.refused',
        rule: e.decision ?? '',
        requester: source,
        detail,
      };
    case 'workload.request':
      return { t, type: 'workload.request', user: source, targets: target === '' ? [] : target.split(','), detail };
    case 'workload.access':
      return { t, type: e.outcome === 'success' ? 'workload.access' : 'workload.failed', user: source, detail };
  }
}
