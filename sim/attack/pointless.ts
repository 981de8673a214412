// Moves that cannot give the attacker anything new, whatever its strategy: a host it holds, a
// controller it commands, a leak of credentials it holds every one of.
import type { AttackerState } from './AttackerState.js';
import type { Move } from './capabilities.js';

export function pointless(s: AttackerState, m: Move): boolean {
  const w = s.world;
  switch (m.effect) {
    case 'own-host':
      return w.owned[m.target] === 1;
    case 'control':
      return w.controlled[m.target] === 1;
    case 'learn-credentials':
      return w.access.hosts.cachedIds(m.target).every((c) => s.credentials.has(c));
    case 'read-files':
      return false;
  }
}
