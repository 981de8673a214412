// A report bundle holds several attacks: the first at the top level, the rest in moreAttacks. Each
// view shows one attack, as a bundle of its own with the same plant, runs and seeds.
import type { AttackSection, BundleDesign, ResultsBundle } from './bundle.js';

export function attackSections(bundle: ResultsBundle): AttackSection[] {
  const first: AttackSection = {
    attack: bundle.attack,
    designs: bundle.designs,
    comparisons: bundle.comparisons,
    ...(bundle.verdict === undefined ? {} : { verdict: bundle.verdict }),
  };
  return [first, ...(bundle.moreAttacks ?? [])];
}

/** The bundle as one attack's views read it: that attack's designs and comparisons, no other attacks. */
export function bundleForAttack(bundle: ResultsBundle, attackId: string): ResultsBundle {
  const section = attackSections(bundle).find((s) => s.attack.id === attackId) ?? attackSections(bundle)[0]!;
  const { moreAttacks: _more, overview: _overview, verdict: _verdict, ...rest } = bundle;
  return {
    ...rest,
    attack: section.attack,
    designs: section.designs,
    comparisons: section.comparisons,
    ...(section.verdict === undefined ? {} : { verdict: section.verdict }),
  };
}

/** Design ids in bundle order: the same in every attack, so a design keeps its colour across views. */
export function designIndex(bundle: ResultsBundle, design: BundleDesign | string): number {
  const id = typeof design === 'string' ? design : design.id;
  return Math.max(
    0,
    bundle.designs.findIndex((d) => d.id === id),
  );
}

/** The design's short name when the scenario gives one, else its name, else its id. */
export const designTitle = (d: BundleDesign) => d.name ?? d.id;
export const designShort = (d: BundleDesign) => d.short ?? d.name ?? d.id;
