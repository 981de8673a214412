// The bundle `segsim report` inlines: the first attack's comparison as `compare` writes it, every
// further attack as a section of its own, one paragraph over all of them, and per design and
// attack the single changes that shrink the static worst case most.
import type { AttackSection, BundleDesign, ResultsBundle } from '../contract/bundle.js';
import type { ExperimentResult } from '../experiment/runExperiment.js';
import { rankFixes } from '../metrics/fixes.js';
import type { PlantModel } from '../model/plantModel.js';
import { attackOut, buildBundle, designsOut } from './bundle.js';
import { overviewSentence } from './overview.js';
import { headline } from './rows.js';
import { comparisonOut } from './wire.js';

/** Fixes kept per design and attack. */
export const FIXES_KEPT = 8;

export function buildReportBundle(
  model: PlantModel,
  file: string,
  experiments: readonly ExperimentResult[],
): ResultsBundle {
  const [first, ...rest] = experiments;
  if (first === undefined) throw new RangeError('a report needs at least one attack');
  const bundle = buildBundle(model, file, first);
  bundle.designs = withFixes(model, first, bundle.designs);
  if (rest.length === 0) return bundle;
  const more = rest.map((e): AttackSection => {
    const attack = attackOut(e.attack);
    const designs = withFixes(model, e, designsOut(model, e));
    return { attack, verdict: headline({ attack, designs }), designs, comparisons: e.comparisons.map(comparisonOut) };
  });
  const overview = overviewSentence(
    experiments.map((e) => ({
      attack: e.attack.id,
      designs: e.designs.map((d) => ({ id: d.design.id, plcReached: d.summary.plcReachedProbability })),
    })),
  );
  return { ...bundle, moreAttacks: more, overview };
}

function withFixes(model: PlantModel, e: ExperimentResult, designs: BundleDesign[]): BundleDesign[] {
  return designs.map((d, k) => {
    const result = e.designs[k]!;
    const fixes = rankFixes(model, result.design, e.attack, result.staticBlastRadius).fixes.slice(0, FIXES_KEPT);
    // Kept next to the worst case they shrink.
    const { representativeRun, ...before } = d;
    return { ...before, fixes, representativeRun };
  });
}
