// Moves that cannot give the attacker anything new, whatever its strategy: a host it holds (unless
// as user, the move gives administrator and only administrator reads what it wants there), a
// controller it commands, a leak of credentials it holds every one of, a file read of a host it
// holds at that privilege.
import type { AttackerState } from './AttackerState.js';
import type { Move } from './capabilities.js';
import type { HostWork } from './HostWork.js';

export function pointless(s: AttackerState, work: HostWork, m: Move): boolean {
  const w = s.world;
  switch (m.effect) {
    case 'own-host':
      return w.owned[m.target] === 1 && !(m.privilege > work.privilege[m.target]! && work.wantsRetake(m.target));
    case 'control':
      return w.controlled[m.target] === 1;
    case 'learn-credentials':
      return w.access.hosts.cachedIds(m.target).every((c) => s.credentials.has(c));
    case 'read-files':
      // A host it holds at that privilege or more it reads on the spot.
      return w.owned[m.target] === 1 && m.privilege <= work.privilege[m.target]!;
  }
}
