import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { BundlePlant } from '../../sim/contract/bundle.js';
import { CELL, layoutPlant, type Box, type PlantLayout } from '../../web/src/map/layout.js';
import { makeBundle } from './browser.js';

const inside = (p: { x: number; y: number }, b: Box) =>
  p.x >= b.x && p.x <= b.x + b.w && p.y >= b.y && p.y <= b.y + b.h;
const overlap = (a: Box, b: Box) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

function checkLayout(plant: BundlePlant, layout: PlantLayout): void {
  expect(layout.assets.map((a) => a.id)).toEqual(plant.assets.map((a) => a.id));
  for (const a of layout.assets) {
    const zone = layout.zoneById.get(a.zone)!;
    expect(
      inside({ x: a.x - CELL.w / 2, y: a.y - CELL.h / 2 }, zone) &&
        inside({ x: a.x + CELL.w / 2, y: a.y + CELL.h / 2 }, zone),
      `${a.id} inside ${a.zone}`,
    ).toBe(true);
  }
  for (const [i, a] of layout.zones.entries())
    for (const b of layout.zones.slice(i + 1)) expect(overlap(a, b), `${a.id} / ${b.id}`).toBe(false);
  const seen = new Set<string>();
  for (const a of layout.assets) {
    const key = `${Math.round(a.x)},${Math.round(a.y)}`;
    expect(seen.has(key), `two assets at ${key}`).toBe(false);
    seen.add(key);
  }
  // Higher Purdue levels above lower ones.
  for (const a of layout.zones)
    for (const b of layout.zones) if (a.level > b.level) expect(a.y + a.h).toBeLessThanOrEqual(b.y);
}

describe('plant layout', () => {
  it('puts pharma in Purdue bands, a line’s zones in one column, every asset in its zone', () => {
    const { bundle } = makeBundle('scenarios/pharma.yaml', 1);
    const layout = layoutPlant(bundle.plant, ['vpn-client']);
    checkLayout(bundle.plant, layout);
    expect(layout.bands.map((b) => b.key)).toEqual(['remote', 'L4', 'L3.5', 'L3', 'L2', 'L1']);
    const sup = layout.zoneById.get('line2-sup')!;
    const ctl = layout.zoneById.get('line2-ctl')!;
    expect(sup.x).toBe(ctl.x);
    expect(layout.remote.has('attacker') && layout.remote.has('vpn-client')).toBe(true);
  });

  it('keeps any plant tidy: zones apart, assets in their zone, levels in order', () => {
    const plant = fc
      .record({
        lines: fc.integer({ min: 0, max: 12 }),
        perZone: fc.array(fc.integer({ min: 0, max: 60 }), { minLength: 1, maxLength: 30 }),
      })
      .map(({ lines, perZone }): BundlePlant => {
        const levels = [4, 3.5, 3, 2, 1, 0];
        const zones = perZone.map((_, i) => ({
          id: `z${i}`,
          name: null,
          level: levels[i % levels.length]!,
          microSegmented: i % 4 === 0,
        }));
        const lineIds = Array.from({ length: lines }, (_, i) => `line${i}`);
        const assets = perZone.flatMap((n, zi) =>
          Array.from({ length: n }, (_, k) => ({
            id: `a${zi}-${k}`,
            name: null,
            kind: ['plc', 'hmi', 'ews', 'server'][k % 4]!,
            zone: `z${zi}`,
            dualHomed: [],
            line: lines > 0 && zi % 3 !== 0 ? lineIds[(zi + (k % 2)) % lines]! : null,
            level: zones[zi]!.level,
            criticality: 'medium',
          })),
        );
        return {
          zones,
          lines: lineIds.map((id) => ({ id, name: null, valuePerHour: 1, safetyCritical: false })),
          assets,
          conduits: [],
        };
      });
    fc.assert(
      fc.property(plant, (p) => checkLayout(p, layoutPlant(p, []))),
      { numRuns: 60, seed: 42 },
    );
  });

  it('draws a cell zone spanning levels 1 and 2 across both bands', () => {
    const asset = (id: string, kind: string, zone: string, level: number) => ({
      id,
      name: null,
      kind,
      zone,
      dualHomed: [],
      line: null,
      level,
      criticality: 'medium',
    });
    const plant: BundlePlant = {
      zones: [
        { id: 'ops', name: null, level: 3, microSegmented: false },
        { id: 'cell', name: null, level: 1, top: 2, microSegmented: false },
      ],
      lines: [],
      assets: [
        asset('scada', 'scada-server', 'ops', 3),
        asset('hmi', 'hmi', 'cell', 2),
        asset('plc', 'plc', 'cell', 1),
      ],
      conduits: [],
    };
    const layout = layoutPlant(plant, []);
    expect(layout.bands.map((b) => b.key)).toEqual(['remote', 'L3', 'L2', 'L1']);
    const cell = layout.zoneById.get('cell')!;
    const [l2, l1] = [layout.bands.find((b) => b.key === 'L2')!, layout.bands.find((b) => b.key === 'L1')!];
    expect(cell.y).toBeLessThan(l2.y + l2.h);
    expect(cell.y + cell.h).toBeGreaterThan(l1.y);
    for (const a of layout.assets.filter((x) => x.zone === 'cell'))
      expect(a.y > cell.y && a.y < cell.y + cell.h, a.id).toBe(true);
  });
});
