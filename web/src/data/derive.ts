// What the views read off a bundle: headline numbers, entry points, per-run values when present.
import type { BundleConduit, BundleDesign, MetricName, ResultsBundle } from './bundle.js';

export interface Headline {
  plcReached: number;
  medianCompromised: number | null;
  medianTimeToFirstPlc: number | null;
  /** Share of runs in which a PLC fell at all (the runs the median is over). */
  plcRunsShare: number;
  productionLossMean: number | null;
}

export function headline(d: BundleDesign): Headline {
  const s = d.summary;
  const t = s.timeToFirstPlcHours;
  const all = t.n + t.nulls;
  return {
    plcReached: s.plcReachedProbability,
    medianCompromised: s.compromisedAssets.median,
    medianTimeToFirstPlc: t.median,
    plcRunsShare: all === 0 ? 0 : t.n / all,
    productionLossMean: s.productionLoss.mean,
  };
}

/** Where the attacker starts under a design: the first hop of every static path and of the representative run. */
export function entryPoints(d: BundleDesign): string[] {
  const out = new Set<string>();
  for (const path of Object.values(d.staticBlastRadius.paths)) {
    const first = path[0];
    if (first && first.from === 'attacker') out.add(first.to);
  }
  for (const e of d.representativeRun.trace) if (e.type === 'attack.initial') out.add(e.foothold);
  return [...out];
}

/** Names of footholds outside the plant (the VPN client, a brokered session, the internet) seen anywhere in the bundle. */
export function remoteNames(bundle: ResultsBundle): string[] {
  const assets = new Set(bundle.plant.assets.map((a) => a.id));
  const out = new Set<string>();
  const add = (name: string) => {
    if (name !== 'attacker' && !assets.has(name)) out.add(name);
  };
  const designs = [...bundle.designs, ...(bundle.moreAttacks ?? []).flatMap((s) => s.designs)];
  for (const d of designs) {
    for (const path of Object.values(d.staticBlastRadius.paths)) for (const s of path) add(s.from), add(s.to);
    for (const e of d.representativeRun.trace)
      if ((e.type === 'attack.initial' || e.type === 'attack.foothold') && e.via !== 'host') add(e.foothold);
  }
  return [...out].sort();
}

export function conduitsOf(bundle: ResultsBundle, d: BundleDesign): BundleConduit[] {
  return d.conduits ?? bundle.plant.conduits;
}

/**
 * Per-run values of a metric in seed order, when the bundle carries them. Early version-1 bundles
 * do not: the distribution views then draw from the summary statistics and say so.
 */
export function perRunValues(d: BundleDesign, metric: MetricName): (number | null)[] | null {
  const values = d.perRun?.[metric];
  return Array.isArray(values) ? values : null;
}

export function designLabel(d: BundleDesign): string {
  return d.name ? `${d.name} (${d.id})` : d.id;
}

/** Controllers of the plant: flagged by the bundle, else (older bundles) every controller some worst case counts. */
export function controllerIds(bundle: ResultsBundle): Set<string> {
  const flagged = bundle.plant.assets.filter((a) => a.controller).map((a) => a.id);
  if (bundle.plant.assets.some((a) => a.controller !== undefined)) return new Set(flagged);
  const out = new Set<string>();
  for (const d of bundle.designs) for (const p of d.staticBlastRadius.plcs) out.add(p);
  for (const s of bundle.moreAttacks ?? [])
    for (const d of s.designs) for (const p of d.staticBlastRadius.plcs) out.add(p);
  return out;
}
