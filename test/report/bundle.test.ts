import { describe, expect, it } from 'vitest';
import { runExperiment } from '../../sim/experiment/runExperiment.js';
import { buildBundle, bundleJson, FELL_IN_EXAMPLES } from '../../sim/report/bundle.js';
import { renderComparison } from '../../sim/report/compareText.js';
import { renderMarkdown } from '../../sim/report/markdown.js';
import { pharma, PHARMA } from '../experiment/pharma.js';

const { model, scenario } = pharma();
const attack = scenario.attacks[0]!;
const bundleText = () =>
  bundleJson(buildBundle(model, PHARMA, runExperiment(model, { designs: scenario.designs, attack, runs: 6, seed: 3 })));

describe('results bundle', () => {
  const text = bundleText();
  const bundle = JSON.parse(text);

  it('is byte-identical across invocations', () => {
    expect(bundleText()).toBe(text);
  });

  it('is versioned and names its generator, scenario, attack, seed and runs', () => {
    expect(Object.keys(bundle)).toEqual([
      'schemaVersion',
      'generator',
      'scenario',
      'plant',
      'attack',
      'verdict',
      'seed',
      'runs',
      'horizonHours',
      'designs',
      'comparisons',
    ]);
    expect(bundle).toMatchObject({
      schemaVersion: 2,
      generator: 'segsim',
      scenario: { file: PHARMA, currency: 'EUR' },
      attack: { id: attack.id },
      seed: 3,
      runs: 6,
    });
  });

  it('carries what a viewer needs to draw the plant', () => {
    expect(bundle.plant.zones.map((z: { id: string }) => z.id)).toEqual(scenario.plant.zones.map((z) => z.id));
    expect(bundle.plant.assets[0]).toEqual(
      expect.objectContaining({
        id: expect.any(String),
        kind: expect.any(String),
        zone: expect.any(String),
        level: expect.any(Number),
      }),
    );
    expect(bundle.plant.conduits.length).toBe(scenario.plant.conduits.length);
  });

  it('holds per design a summary, the static blast radius and a representative run', () => {
    expect(bundle.designs.map((d: { id: string }) => d.id)).toEqual([
      'vpn-flat',
      'vpn-segmented',
      'zt',
      'vpn-seg-plc-pw',
      'zt-plc-pw',
    ]);
    for (const d of bundle.designs) {
      // `short` only where the scenario gives a design one.
      expect(Object.keys(d).filter((k) => k !== 'short')).toEqual([
        'id',
        'name',
        'description',
        'sentence',
        'conduits',
        'summary',
        'perRun',
        'fellIn',
        'lineCompromiseRate',
        'lineLoss',
        'staticBlastRadius',
        'representativeRun',
      ]);
      expect(d.perRun.compromisedAssets).toHaveLength(bundle.runs);
      expect(d.perRun.compromisedAssets.reduce((a: number, b: number) => a + b, 0) / bundle.runs).toBeCloseTo(
        d.summary.compromisedAssets.mean,
        5,
      );
      expect(d.summary.compromisedAssets).toEqual(
        expect.objectContaining({ mean: expect.any(Number), median: expect.any(Number), p95: expect.any(Number) }),
      );
      expect(typeof d.summary.plcReachedProbability).toBe('number');
      // Each line's mean loss adds up to the mean production loss, give or take each line's rounding.
      const lines = Object.values(d.lineLoss as Record<string, number>);
      expect(lines).toHaveLength(bundle.plant.lines.length);
      expect(
        Math.abs(lines.reduce((a: number, b: number) => a + b, 0) - d.summary.productionLoss.mean),
      ).toBeLessThanOrEqual(lines.length);
    }
  });

  it('names, for every asset that fell, the first runs it fell in', () => {
    const experiment = runExperiment(model, { designs: scenario.designs, attack, runs: 12, seed: 3 });
    const built = buildBundle(model, PHARMA, experiment);
    built.designs.forEach((d, k) => {
      const records = experiment.designs[k]!.records;
      const fell = model.assets.map((a) => a.id).filter((id) => records.some((r) => r.compromised.includes(id)));
      expect(Object.keys(d.fellIn ?? {})).toEqual(fell); // plant order
      for (const id of fell) {
        const all = records.filter((r) => r.compromised.includes(id)).map((r) => r.index);
        expect(d.fellIn?.[id]).toEqual(all.slice(0, FELL_IN_EXAMPLES));
      }
    });
  });

  it('has no timestamps, absolute paths or fractions longer than 6 decimals', () => {
    expect(text).not.toContain(process.cwd());
    expect(text).not.toMatch(/\d{4}-\d\d-\d\dT/);
    expect(text).not.toMatch(/\d\.\d{7,}/);
    expect(text.endsWith('}\n')).toBe(true);
  });

  it('renders a readable table and a Markdown report', () => {
    const out = renderComparison(bundle);
    expect(out.split('\n')[0]).toMatch(
      /^stolen-vendor-credential: vpn-flat reaches a PLC in \d+% of runs.*;.* zt-plc-pw in 0%$/,
    );
    expect(out).toContain('P(PLC reached)');
    expect(out).toContain('Static worst case');
    const md = renderMarkdown(bundle);
    expect(md).toMatch(/^# Pharmaceutical plant/);
    expect(md).toContain('| P(PLC reached) |');
    expect(md).toContain('## Paired differences');
  });
});
