// How footholds and the means of a move read in paths and traces: shared by the attacker and the
// static blast radius, so both name a step the same way.
import type { PlantModel } from '../model/plantModel.js';
import type { Origin } from '../net/AccessLayer.js';
import type { Means } from './capabilities.js';

/** How a remote foothold appears in paths. */
export function footholdName(origin: Origin, model: PlantModel): string {
  switch (origin.kind) {
    case 'vpn':
      return 'vpn-client';
    case 'broker':
      return `zt-session(${origin.subject.user ?? '?'})`;
    case 'internet':
      return 'internet';
    case 'host':
      return model.assets[origin.asset]!.id;
  }
}

export function describeMeans(model: PlantModel, means: Means): string {
  switch (means.kind) {
    case 'credential':
      return `credential ${model.credentials[means.credential]!.id}`;
    case 'vulnerability':
      return `exploit ${means.vulnerability.id}`;
    case 'unauthenticated':
      return 'unauthenticated protocol';
    case 'granted':
      return 'brokered grant';
  }
}
