// Walking a map's assets with the arrow keys: the nearest asset in the pressed direction.
import type { AssetPos } from './layout.js';

/** The asset after `from` going `dir` (x, y): nearest ahead, sideways distance counting double; the first asset from nowhere. */
export function nextAsset(
  assets: readonly AssetPos[],
  from: AssetPos | null,
  dir: readonly [number, number],
): AssetPos | null {
  if (from === null) return assets[0] ?? null;
  let best: AssetPos | null = null;
  let bestScore = Infinity;
  for (const a of assets) {
    const dx = a.x - from.x;
    const dy = a.y - from.y;
    const ahead = dx * dir[0] + dy * dir[1];
    if (ahead <= 0) continue;
    const aside = Math.abs(dx * dir[1] - dy * dir[0]);
    const score = ahead + 2 * aside;
    if (score < bestScore) {
      bestScore = score;
      best = a;
    }
  }
  return best ?? from;
}
