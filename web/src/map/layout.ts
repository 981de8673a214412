// The plant map's geometry, pure: Purdue levels as horizontal bands (highest on top, the remote
// side above them), zones as boxes in their band, a zone's line decides its column so a line's
// supervisory and control zones stack, assets on a grid in their zone grouped by line. The level
// labels are not part of the geometry: the map draws them in a screen-space column on the left.
import type { BundlePlant } from '../data/bundle.js';

export const CELL = { w: 48, h: 50 } as const;
const PAD = 10;
/** A zone's title row, world units, unless a view asks for more (small maps need more to show names at 10 px). */
export const HEADER = 30;
const ZONE_GAP = 14;
const BAND_GAP = 10;

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface ZoneBox extends Box {
  id: string;
  label: string;
  short: string | null;
  /** The lowest Purdue level it spans; `top` the highest (equal unless it spans levels). */
  level: number;
  top: number;
  line: string | null;
  microSegmented: boolean;
}

export interface BandBox extends Box {
  key: string;
  label: string;
}

export interface AssetPos {
  index: number;
  id: string;
  kind: string;
  zone: string;
  line: string | null;
  x: number;
  y: number;
}

export interface PlantLayout {
  width: number;
  height: number;
  /** Height of each zone's title row, world units. */
  header: number;
  bands: BandBox[];
  zones: ZoneBox[];
  zoneById: Map<string, ZoneBox>;
  assets: AssetPos[];
  assetById: Map<string, AssetPos>;
  /** Footholds outside the plant (VPN client, brokered session, internet) and the attacker. */
  remote: Map<string, { x: number; y: number }>;
}

const PURDUE: Record<string, string> = {
  '5': 'Enterprise network',
  '4': 'Business / enterprise',
  '3.5': 'IT/OT DMZ',
  '3': 'Site operations',
  '2': 'Supervisory control',
  '1': 'Basic control',
  '0': 'Field devices',
};

export function levelLabel(level: number): string {
  return `L${level} ${PURDUE[String(level)] ?? ''}`.trim();
}

const SHARED = '\u0000shared';

/** Zone grid shapes tried, wide to narrow; the one whose plant is nearest the target aspect wins. */
const SHAPES = [2.2, 1.4, 0.9, 0.6, 0.4, 0.25, 0.15, 0.1];

/** Lays the plant out; with many lines the zones grow taller and narrower so the map stays near `aspect` (width / height). */
export function layoutPlant(
  plant: BundlePlant,
  remoteNames: readonly string[],
  aspect = 1.7,
  header = HEADER,
): PlantLayout {
  let best: PlantLayout | null = null;
  let bestScore = Infinity;
  for (const shape of SHAPES) {
    const layout = layoutWithShape(plant, remoteNames, shape, header);
    const score = Math.abs(Math.log(layout.width / layout.height / aspect));
    if (score < bestScore - 0.05) {
      best = layout;
      bestScore = score;
    }
  }
  return best!;
}

function layoutWithShape(
  plant: BundlePlant,
  remoteNames: readonly string[],
  shape: number,
  header: number,
): PlantLayout {
  const lineOrder = new Map(plant.lines.map((l, i) => [l.id, i]));
  const assetsByZone = new Map<string, BundlePlant['assets']>(plant.zones.map((z) => [z.id, []]));
  plant.assets.forEach((a) => assetsByZone.get(a.zone)?.push(a));

  const zoneLine = new Map<string, string | null>();
  for (const z of plant.zones) {
    const counts = new Map<string, number>();
    for (const a of assetsByZone.get(z.id)!) if (a.line !== null) counts.set(a.line, (counts.get(a.line) ?? 0) + 1);
    let best: string | null = null;
    for (const [line, n] of counts) if (best === null || n > counts.get(best)!) best = line;
    zoneLine.set(z.id, best);
  }
  const column = (zoneId: string) => zoneLine.get(zoneId) ?? SHARED;
  const columns = [SHARED, ...plant.lines.map((l) => l.id)];

  // A zone spanning levels sits in the band of its highest level and reaches down to its lowest.
  const topOf = (z: BundlePlant['zones'][number]) => z.top ?? z.level;
  const levels = [...new Set(plant.zones.flatMap((z) => [z.level, topOf(z)]))].sort((a, b) => b - a);
  const zonesAt = new Map(levels.map((lv) => [lv, plant.zones.filter((z) => topOf(z) === lv)]));
  const desired = (zoneId: string) => {
    const n = Math.max(1, assetsByZone.get(zoneId)!.length);
    return Math.max(2, Math.ceil(Math.sqrt(n * shape))) * CELL.w + 2 * PAD;
  };

  // Column widths from the bands where lines have their own zones.
  const colWidth = new Map<string, number>(columns.map((c) => [c, 0]));
  const lineBand = (lv: number) => zonesAt.get(lv)!.some((z) => zoneLine.get(z.id) !== null);
  for (const lv of levels) {
    if (!lineBand(lv)) continue;
    for (const c of columns) {
      const zs = zonesAt.get(lv)!.filter((z) => column(z.id) === c);
      const w = zs.reduce((s, z) => s + desired(z.id), 0) + Math.max(0, zs.length - 1) * ZONE_GAP;
      colWidth.set(c, Math.max(colWidth.get(c)!, w));
    }
  }
  const usedColumns = columns.filter((c) => colWidth.get(c)! > 0);
  let inner = usedColumns.reduce((s, c) => s + colWidth.get(c)!, 0) + Math.max(0, usedColumns.length - 1) * ZONE_GAP;
  for (const lv of levels) {
    if (lineBand(lv)) continue;
    const zs = zonesAt.get(lv)!;
    inner = Math.max(inner, zs.reduce((s, z) => s + desired(z.id), 0) + Math.max(0, zs.length - 1) * ZONE_GAP);
  }
  inner = Math.max(inner, 4 * CELL.w);
  // Spread spare width over the line columns so every band is equally wide.
  const used = usedColumns.reduce((s, c) => s + colWidth.get(c)!, 0) + Math.max(0, usedColumns.length - 1) * ZONE_GAP;
  if (usedColumns.length > 0 && used < inner)
    for (const c of usedColumns) colWidth.set(c, colWidth.get(c)! + (inner - used) / usedColumns.length);
  const colX = new Map<string, number>();
  let cx = PAD;
  for (const c of usedColumns) {
    colX.set(c, cx);
    cx += colWidth.get(c)! + ZONE_GAP;
  }

  const bands: BandBox[] = [];
  const zones: ZoneBox[] = [];
  const assets: AssetPos[] = [];
  const remote = new Map<string, { x: number; y: number }>();
  let y = 0;

  // The remote side: the attacker and the footholds it opens from outside the plant.
  const remoteH = header + CELL.h + PAD;
  bands.push({ key: 'remote', label: 'Remote / internet', x: 0, y, w: inner + 2 * PAD, h: remoteH });
  // Spread over the band so each name has room under its node.
  const names = ['attacker', ...remoteNames];
  const spacing = Math.max(CELL.w * 3, (inner - CELL.w) / Math.max(1, names.length - 1));
  names.forEach((name, i) =>
    remote.set(name, { x: 2 * PAD + CELL.w / 2 + i * spacing, y: y + header + CELL.h / 2 - 8 }),
  );
  y += remoteH + BAND_GAP;

  for (const lv of levels) {
    const zs = zonesAt.get(lv)!;
    const placed: { zone: (typeof zs)[number]; x: number; w: number }[] = [];
    if (lineBand(lv)) {
      for (const c of usedColumns) {
        const inCol = zs.filter((z) => column(z.id) === c);
        const total = inCol.reduce((s, z) => s + desired(z.id), 0);
        const avail = colWidth.get(c)! - Math.max(0, inCol.length - 1) * ZONE_GAP;
        let x = colX.get(c)!;
        for (const z of inCol) {
          const w = (desired(z.id) / total) * avail;
          placed.push({ zone: z, x, w });
          x += w + ZONE_GAP;
        }
      }
    } else {
      const total = zs.reduce((s, z) => s + desired(z.id), 0);
      const avail = inner - Math.max(0, zs.length - 1) * ZONE_GAP;
      let x = PAD;
      for (const z of zs) {
        const w = (desired(z.id) / total) * avail;
        placed.push({ zone: z, x, w });
        x += w + ZONE_GAP;
      }
    }
    // A band only a spanning zone reaches down into still gets a row's height.
    let bandH = zs.length === 0 ? HEADER + CELL.h + PAD : 0;
    const bandZones: ZoneBox[] = [];
    for (const { zone, x, w } of placed) {
      const cols = Math.max(1, Math.floor((w - 2 * PAD) / CELL.w));
      const members = [...assetsByZone.get(zone.id)!].sort(
        (a, b) => (a.line === null ? -1 : lineOrder.get(a.line)!) - (b.line === null ? -1 : lineOrder.get(b.line)!),
      );
      let row = 0;
      let col = 0;
      let group: string | null | undefined;
      const x0 = x + PAD + (w - 2 * PAD - cols * CELL.w) / 2;
      for (const a of members) {
        if (group !== undefined && a.line !== group && col > 0) {
          row++;
          col = 0;
        }
        group = a.line;
        assets.push({
          index: -1,
          id: a.id,
          kind: a.kind,
          zone: zone.id,
          line: a.line,
          x: x0 + (col + 0.5) * CELL.w,
          y: y + header + (row + 0.5) * CELL.h,
        });
        if (++col === cols) {
          col = 0;
          row++;
        }
      }
      const rows = Math.max(1, row + (col > 0 ? 1 : 0));
      const h = header + rows * CELL.h + PAD;
      bandH = Math.max(bandH, h);
      bandZones.push({
        id: zone.id,
        label: zone.name ?? zone.id,
        short: zone.short ?? null,
        level: zone.level,
        top: topOf(zone),
        line: zoneLine.get(zone.id)!,
        microSegmented: zone.microSegmented,
        x,
        y,
        w,
        h,
      });
    }
    for (const z of bandZones) z.h = bandH;
    zones.push(...bandZones);
    bands.push({
      key: `L${lv}`,
      label: levelLabel(lv),
      x: 0,
      y: y - BAND_GAP / 2,
      w: inner + 2 * PAD,
      h: bandH + BAND_GAP,
    });
    y += bandH + BAND_GAP;
  }

  for (const z of zones) {
    if (z.top === z.level) continue;
    const low = bands.find((b) => b.key === `L${z.level}`)!;
    z.h = low.y + low.h - BAND_GAP / 2 - z.y;
  }

  // Keep plant order for the asset list; positions were computed zone by zone.
  const pos = new Map(assets.map((a) => [a.id, a]));
  const ordered = plant.assets.map((a, index) => ({ ...pos.get(a.id)!, index }));
  return {
    width: inner + 2 * PAD,
    height: y,
    header,
    bands,
    zones,
    zoneById: new Map(zones.map((z) => [z.id, z])),
    assets: ordered,
    assetById: new Map(ordered.map((a) => [a.id, a])),
    remote,
  };
}
