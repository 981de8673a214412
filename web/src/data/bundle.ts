// Getting a results bundle into the page: inlined by `segsim report`, served by `segsim view`, or
// dropped/chosen by the user. The viewer only imports the bundle's types (the trace contract).
import type { ResultsBundle } from '../../../sim/report/bundle.js';

export type { BundleConduit, BundleDesign, BundlePlant, ResultsBundle } from '../../../sim/report/bundle.js';
export type { RunMetrics, RunResult, TraceEvent } from '../../../sim/contract/trace.js';
export type { BlastRadius, PathStep } from '../../../sim/metrics/blastRadius.js';
export type { Comparison, DesignSummary, MetricName } from '../../../sim/experiment/summary.js';
export type { PairedDifference, Summary } from '../../../sim/metrics/statistics.js';

const SUPPORTED_SCHEMA = 1;

export class BundleError extends Error {
  override name = 'BundleError';
}

/** Parses and checks the parts of a bundle the viewer relies on; the message names what is wrong. */
export function parseBundle(text: string, source: string): ResultsBundle {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw new BundleError(`${source}: not JSON (${err instanceof Error ? err.message : String(err)})`);
  }
  if (typeof data !== 'object' || data === null) throw new BundleError(`${source}: not a segsim results bundle`);
  const b = data as Partial<ResultsBundle>;
  if (b.generator !== 'segsim')
    throw new BundleError(
      `${source}: not a segsim results bundle (write one with: segsim compare <scenario> --json out.json)`,
    );
  if (b.schemaVersion !== SUPPORTED_SCHEMA)
    throw new BundleError(
      `${source}: bundle schemaVersion ${String(b.schemaVersion)}, this viewer reads ${SUPPORTED_SCHEMA}`,
    );
  if (!b.plant || !Array.isArray(b.plant.assets) || !Array.isArray(b.plant.zones))
    throw new BundleError(`${source}: bundle has no plant`);
  if (!Array.isArray(b.designs) || b.designs.length === 0) throw new BundleError(`${source}: bundle has no designs`);
  return b as ResultsBundle;
}

/** The bundle inlined in the page by `segsim report`, if any. */
export function embeddedBundle(doc: Document): ResultsBundle | null {
  const el = doc.getElementById('segsim-bundle');
  if (el === null || !el.textContent?.trim()) return null;
  return parseBundle(el.textContent, 'embedded bundle');
}

/** The bundle served next to the page by `segsim view`; null when there is none. */
export async function servedBundle(): Promise<ResultsBundle | null> {
  if (location.protocol !== 'http:' && location.protocol !== 'https:') return null;
  const res = await fetch('bundle.json', { cache: 'no-store' });
  if (res.status === 404) return null;
  if (!res.ok) throw new BundleError(`bundle.json: HTTP ${res.status}`);
  return parseBundle(await res.text(), 'bundle.json');
}

export async function fileBundle(file: File): Promise<ResultsBundle> {
  return parseBundle(await file.text(), file.name);
}
