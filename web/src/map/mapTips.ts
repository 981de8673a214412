// A map's tooltip and keyboard focus: the tooltip follows the pointer or the focused asset, and the
// arrow keys move the focus to the nearest asset in their direction.
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

const DIRECTIONS: Record<string, [number, number]> = {
  ArrowRight: [1, 0],
  ArrowLeft: [-1, 0],
  ArrowDown: [0, 1],
  ArrowUp: [0, -1],
};

export class MapTips {
  private readonly tip: HTMLDivElement;
  private focused: AssetPos | null = null;

  constructor(
    private readonly root: HTMLElement,
    private readonly ring: SVGCircleElement,
    private readonly opts: { tooltip?: (a: AssetPos) => string; onAssetClick?: (a: AssetPos) => void },
  ) {
    this.tip = document.createElement('div');
    this.tip.className = 'tooltip';
    this.tip.hidden = true;
    root.appendChild(this.tip);
    ring.setAttribute('r', '19');
    ring.setAttribute('visibility', 'hidden');
  }

  hide(): void {
    this.tip.hidden = true;
  }

  /** Shows the asset's tooltip near (x, y) on screen, inside a map `width` × `height`. */
  show(a: AssetPos, x: number, y: number, width: number, height: number): void {
    if (!this.opts.tooltip) return;
    this.tip.innerHTML = this.opts.tooltip(a);
    this.tip.hidden = false;
    const w = this.tip.offsetWidth;
    this.tip.style.left = `${Math.max(0, Math.min(x + 14, width - w - 4))}px`;
    const h = this.tip.offsetHeight;
    this.tip.style.top = `${y + 14 + h > height ? Math.max(0, y - h - 10) : y + 14}px`;
  }

  /**
   * Handles a key: returns the asset to focus next, null to drop the focus, undefined when the key is
   * not the map's (Enter and space open the focused asset's story here).
   */
  key(ev: KeyboardEvent, assets: readonly AssetPos[]): AssetPos | null | undefined {
    const dir = DIRECTIONS[ev.key];
    if (dir) {
      ev.preventDefault();
      ev.stopPropagation();
      return nextAsset(assets, this.focused, dir);
    }
    if ((ev.key === 'Enter' || ev.key === ' ') && this.focused) {
      ev.preventDefault();
      ev.stopPropagation();
      this.hide();
      this.opts.onAssetClick?.(this.focused);
      return undefined;
    }
    return ev.key === 'Escape' && this.focused ? null : undefined;
  }

  focus(a: AssetPos | null): void {
    this.focused = a;
    this.root.dataset.focusedAsset = a?.id ?? '';
    if (a === null) {
      this.ring.setAttribute('visibility', 'hidden');
      return this.hide();
    }
    this.ring.setAttribute('cx', String(a.x));
    this.ring.setAttribute('cy', String(a.y));
    this.ring.setAttribute('visibility', 'visible');
  }
}
