// Why an asset some foothold tried stayed out of reach: the layer that stopped the attacker there.
// The deepest wins: a service it reached but could not authenticate to says more than a conduit
// that dropped another service. Assets that offer no move at all (a connector, a web server) are
// left out: no layer stopped anything there.
import { footholdName } from '../attack/describe.js';
import { movesAgainst, type Knowledge } from '../attack/capabilities.js';
import type { AccessLayer, AccessState, Block, Origin } from '../net/AccessLayer.js';

/** `pdp` for the zero-trust broker's policy; `authentication` when the service wants a credential it lacks; `hidden` when it never learned where the host is. */
export type StopLayer = Exclude<Block, 'broker'> | 'pdp' | 'authentication' | 'hidden';

export interface Stop {
  asset: string;
  /** The foothold that tried it. */
  from: string;
  layer: StopLayer;
  detail: string;
}

export function explainStops(
  access: AccessLayer,
  tried: ReadonlyMap<number, Origin>,
  know: Knowledge,
  states: readonly AccessState[],
  known: Uint8Array,
): Stop[] {
  const { model } = access;
  const out: Stop[] = [];
  for (const t of [...tried.keys()].sort((a, b) => a - b)) {
    const origin = tried.get(t)!;
    const target = model.assets[t]!;
    const stop = (layer: StopLayer, detail: string) =>
      out.push({ asset: target.id, from: footholdName(origin, model), layer, detail });
    if (access.hosts.hidden[t] === 1 && !known[t] && origin.kind !== 'broker') {
      stop('hidden', `${target.id} answers no scan and nothing the attacker read names it`);
      continue;
    }
    const { refused, locked } = movesAgainst(access, origin, target, know, states[0]!);
    if (locked !== null)
      stop('authentication', `${locked} on ${target.id} needs a credential the attacker does not hold`);
    else if (refused !== null && !refused.outcome.ok)
      stop(refused.outcome.block === 'broker' ? 'pdp' : refused.outcome.block, refused.outcome.reason);
  }
  return out;
}
