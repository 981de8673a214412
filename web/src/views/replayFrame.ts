// One replay frame drawn: the counters above the map, and on the map the compromised assets,
// footholds, detections, the lines that are down and the latest connection attempts.
import { EVENT, owned, THEME } from '../colors.js';
import type { BundleDesign, BundlePlant } from '../data/bundle.js';
import { entryPoints } from '../data/derive.js';
import type { AssetStyle } from '../map/assetLayers.js';
import type { PlantLayout } from '../map/layout.js';
import { drawArcs, drawLinesDown, drawRemote } from '../map/overlay.js';
import type { PlantMap } from '../map/PlantMap.js';
import { counter } from './replayControls.js';
import type { ReplayFrame } from './replayState.js';

/** `loss` is already formatted; `ended`: the run is over, so the loss runs to the horizon. */
export function countersHtml(f: ReplayFrame, loss: string, ended: boolean): string {
  const live = [...f.footholds.values()].filter((s) => s === 'live').length;
  return [
    counter('loss', loss, ended ? 'production lost by the horizon' : 'production lost so far', EVENT.detect, 'lost'),
    counter('compromised', f.compromised.size, 'compromised assets', owned(), 'compromised'),
    counter('footholds', live, 'live footholds', THEME.worstOutline, 'footholds'),
    counter('attempts', f.attempts, 'connection attempts', EVENT.success, 'attempts'),
    counter('denied', f.denied, 'denied', EVENT.denied),
    counter('detections', f.detections, 'detections', EVENT.detect),
    counter('revocations', f.revocations, 'revocations', EVENT.revoke),
    counter('lines-down', f.linesDown, f.linesDown === 1 ? 'line down' : 'lines down', EVENT.detect),
  ].join('');
}

export function drawFrame(
  map: PlantMap,
  layout: PlantLayout,
  plant: BundlePlant,
  design: BundleDesign,
  f: ReplayFrame,
  opts: { showWorst: boolean; started: boolean },
): void {
  const worst = new Set(opts.showWorst ? design.staticBlastRadius.assets : []);
  const styles: AssetStyle[] = layout.assets.map((a) => {
    const foothold = f.footholds.get(a.id);
    return {
      fill: f.compromised.has(a.id) ? owned() : THEME.untouched,
      worst: worst.has(a.id),
      ring: foothold === 'live' ? 'foothold' : foothold === 'revoked' ? 'revoked' : 'none',
      detected: f.detected.has(a.id),
    };
  });
  map.setStyles(styles);
  const g = map.overlaySelection();
  const entry = new Set(entryPoints(design).filter((n) => f.footholds.has(n)));
  map.setLabels(
    'remote',
    drawRemote(g, layout, {
      entry,
      named: new Set(f.footholds.keys()),
      state: f.footholds,
      note: opts.started && f.footholds.size === 0 ? 'no foothold yet' : '',
    }),
  );
  map.setLabels('lines', drawLinesDown(g, layout, plant, f.downLines));
  map.preferLabels(entry);
  drawArcs(g, f.arcs, (n) => map.position(n));
}
