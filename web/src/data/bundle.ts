// Getting a results bundle into the page: inlined by `segsim report`, served by `segsim view`, or
// dropped/chosen by the user. The viewer reads only the simulator's contract (sim/contract/):
// the bundle's wire types, and the upgrade that reads every earlier bundle version.
import type { ResultsBundle } from '../../../sim/contract/bundle.js';
import { BundleFormatError, upgradeBundle } from '../../../sim/contract/upgrade.js';

export type {
  AttackSection,
  BundleAttack,
  BundleConduit,
  BundleDesign,
  BundlePlant,
  ResultsBundle,
} from '../../../sim/contract/bundle.js';
export type { Fix, PathStep, Summary } from '../../../sim/contract/results.js';
export type { MetricName, RunResult, TraceEvent } from '../../../sim/contract/trace.js';

export class BundleError extends Error {
  override name = 'BundleError';
}

/** Parses a bundle of any version the contract reads, as the current version; the message names what is wrong. */
export function parseBundle(text: string, source: string): ResultsBundle {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw new BundleError(`${source}: not JSON (${err instanceof Error ? err.message : String(err)})`);
  }
  try {
    return upgradeBundle(data);
  } catch (err) {
    if (!(err instanceof BundleFormatError)) throw err;
    throw new BundleError(
      err.code === 'NOT_A_BUNDLE'
        ? `${source}: not a segsim results bundle (write one with: segsim compare <scenario> --json out.json)`
        : `${source}: ${err.message}`,
    );
  }
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
