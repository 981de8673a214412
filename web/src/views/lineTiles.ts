// A large plant summarised: one tile per production line (how often some asset of it fell, how much
// of it the static worst case reaches, what it lost per run and what an hour of it is worth) and one
// per zone outside the lines; a tile opens the map zoomed on its zones.
import { heat } from '../colors.js';
import type { BundleDesign, ResultsBundle } from '../data/bundle.js';
import { money, percent } from '../format.js';
import { escapeXml } from '../map/assetLayers.js';

const esc = escapeXml;

export interface Tile {
  /** `line:<id>` or `zone:<id>`. */
  key: string;
  name: string;
  /** Share of runs in which some asset of the line fell; for a zone, its most-hit asset's share. */
  share: number;
  shareText: string;
  worst: number;
  assets: number;
  note: string;
  zones: string[];
}

export function tilesFor(bundle: ResultsBundle, d: BundleDesign): Tile[] {
  const { plant } = bundle;
  const worst = new Set(d.staticBlastRadius.assets);
  const rate = d.summary.assetCompromiseRate;
  const currency = bundle.scenario.currency;
  const tiles: Tile[] = [];
  for (const line of plant.lines) {
    const members = plant.assets.filter((a) => a.line === line.id);
    const share = d.lineCompromiseRate?.[line.id] ?? Math.max(0, ...members.map((a) => rate[a.id] ?? 0));
    tiles.push({
      key: `line:${line.id}`,
      name: line.short ?? line.name ?? line.id,
      share,
      shareText: d.lineCompromiseRate ? `${percent(share)} of runs` : `up to ${percent(share)} of runs`,
      worst: members.filter((a) => worst.has(a.id)).length,
      assets: members.length,
      note: [
        lineLoss(d, line.id, currency),
        `${money(line.valuePerHour, currency)} per hour down`,
        line.safetyCritical ? 'safety-critical' : null,
      ]
        .filter((x) => x !== null)
        .join(' · '),
      zones: [...new Set(members.map((a) => a.zone))],
    });
  }
  for (const zone of plant.zones) {
    const members = plant.assets.filter((a) => a.zone === zone.id && a.line === null);
    if (members.length === 0) continue;
    const share = Math.max(0, ...members.map((a) => rate[a.id] ?? 0));
    tiles.push({
      key: `zone:${zone.id}`,
      name: zone.short ?? zone.name ?? zone.id,
      share,
      shareText: `its most-hit asset in ${percent(share)} of runs`,
      worst: members.filter((a) => worst.has(a.id)).length,
      assets: members.length,
      note: `L${zone.level}, no line`,
      zones: [zone.id],
    });
  }
  return tiles;
}

function lineLoss(d: BundleDesign, line: string, currency: string | undefined): string | null {
  if (d.lineLoss === undefined) return null;
  const loss = d.lineLoss[line] ?? 0;
  return loss === 0 ? 'no production lost' : `${money(loss, currency)} lost per run, mean`;
}

export function tilesHtml(tiles: readonly Tile[]): string {
  return `<div class="tiles" data-testid="line-tiles">${tiles
    .map(
      (t) => `<button type="button" class="tile" data-tile="${esc(t.key)}" title="Show ${esc(t.name)} on the map">
        <span class="tile-bar" style="background:${heat(t.share)}"></span>
        <span class="tile-name">${esc(t.name)}</span>
        <span class="tile-share">${esc(t.shareText)}</span>
        <span class="tile-worst">worst case ${t.worst} of ${t.assets} assets</span>
        <span class="tile-note">${esc(t.note)}</span>
      </button>`,
    )
    .join('')}</div>`;
}
