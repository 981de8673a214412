// What an attacker at an origin can see. A scan finds every host answering on some service, except
// those the design hides from scans; a brokered session cannot scan at all: its portal lists only
// what the policy grants, or would grant with a just-in-time approval.
import type { Action, Protocol } from '../model/catalog.js';
import type { PlantModel } from '../model/plantModel.js';
import type { AccessLayer, AccessState, ConnectOutcome, Origin } from './AccessLayer.js';
import { candidateZones, networkReaches } from './reachability.js';

export function discoverable(access: AccessLayer, origin: Origin, state: AccessState): readonly number[] {
  const { model, topology } = access;
  switch (origin.kind) {
    case 'internet':
      return [origin.exposed];
    case 'broker':
    case 'vpn': {
      // A broker's portal also lists what an approval would open: that is where one asks for it.
      const listed = (o: ConnectOutcome) => o.ok || (origin.kind === 'broker' && o.decision?.effect === 'pending');
      const hidden = origin.kind === 'vpn' ? access.hosts.hidden : undefined;
      return model.assets
        .filter((a) => hidden?.[a.index] !== 1)
        .filter((a) =>
          a.services.some((s) => listed(access.connect(origin, a.index, firstAction(model, s.protocol), state))),
        )
        .map((a) => a.index);
    }
    case 'host': {
      // A scan sees what the network lets through, which depends only on the host's zones.
      const src = model.assets[origin.asset]!;
      let byZones = HOST_SCANS.get(access);
      if (byZones === undefined) HOST_SCANS.set(access, (byZones = new Map()));
      const key = src.zones.join(',');
      let seen = byZones.get(key);
      if (seen === undefined) {
        seen = candidateZones(topology, src.zones)
          .flatMap((z) => model.zones[z]!.assets)
          .filter(
            (a) =>
              access.hosts.hidden[a] !== 1 &&
              model.assets[a]!.services.some((s) => networkReaches(topology, src.zones, model.assets[a]!, s) === null),
          );
        byZones.set(key, seen);
      }
      return seen; // includes the host itself, which the agent already owns
    }
  }
}

const HOST_SCANS = new WeakMap<AccessLayer, Map<string, readonly number[]>>();

/** The least privileged function of a protocol: what a probe of the service asks for. */
export function firstAction(model: PlantModel, protocol: Protocol): Action {
  return model.vocab.actionsOf(protocol)[0]!;
}
