// How each strategy ranks known targets: lower scores are attacked first.
import type { World } from '../world/World.js';

/**
 * spread: breadth first, in discovery order. greedy: controllers of the most valuable lines
 * first, then hosts closest to the process. targeted: the target line's controllers, then its
 * hosts, then whatever sits lowest in the Purdue model on the way there.
 */
export function targetScorer(world: World): (asset: number, discoveryOrder: number) => number {
  const { model, attack } = world;
  const maxValue = Math.max(1, ...model.lines.map((l) => l.valuePerHour));
  const targetLine = attack.target === undefined ? -1 : model.lines.findIndex((l) => l.id === attack.target!.line);
  return (asset, discoveryOrder) => {
    const a = model.assets[asset]!;
    switch (attack.strategy) {
      case 'spread':
        return discoveryOrder;
      case 'greedy': {
        const lineValue = a.line >= 0 ? model.lines[a.line]!.valuePerHour : 0;
        return (a.controller ? 0 : 10 + a.level) - lineValue / maxValue + discoveryOrder * 1e-6;
      }
      case 'targeted': {
        const onTarget = a.line >= 0 && a.line === targetLine;
        return (
          (onTarget ? (a.controller ? 0 : 10) : 20) +
          a.level +
          (a.storedCredentials.length > 0 ? -0.5 : 0) +
          discoveryOrder * 1e-6
        );
      }
    }
  };
}
