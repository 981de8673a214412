// Reading a results bundle of any version this code knows, as the current version. Pure: the
// viewer and `segsim check --baseline` both read bundles through it.
import { BUNDLE_SCHEMA_VERSION, type ResultsBundle } from './bundle.js';
import { firstInconsistency } from './consistency.js';
import { upgradeTraceV1 } from './traceV1.js';
import type { ResultsBundleV1 } from './v1.js';

const OLDEST_SCHEMA_VERSION = 1;

export type BundleFormatCode = 'NOT_A_BUNDLE' | 'UNSUPPORTED_VERSION' | 'INCOMPLETE' | 'INCONSISTENT';

export class BundleFormatError extends Error {
  override name = 'BundleFormatError';
  constructor(
    readonly code: BundleFormatCode,
    message: string,
  ) {
    super(message);
  }
}

/**
 * A parsed bundle of version 1 or 2 as a version-2 bundle; throws BundleFormatError naming what is
 * wrong when the value is not a segsim bundle, has a version this code cannot read, or lacks the
 * plant or the designs.
 */
export function upgradeBundle(json: unknown): ResultsBundle {
  const b = json as Partial<Record<keyof ResultsBundle, unknown>> | null;
  if (b === null || typeof b !== 'object' || Array.isArray(b) || b.generator !== 'segsim')
    throw new BundleFormatError('NOT_A_BUNDLE', 'not a segsim results bundle');
  const version = b.schemaVersion;
  if (version !== OLDEST_SCHEMA_VERSION && version !== BUNDLE_SCHEMA_VERSION)
    throw new BundleFormatError(
      'UNSUPPORTED_VERSION',
      `results bundle schemaVersion ${JSON.stringify(version)}; this segsim reads versions ${OLDEST_SCHEMA_VERSION} to ${BUNDLE_SCHEMA_VERSION}`,
    );
  const plant = b.plant as Partial<ResultsBundle['plant']> | undefined;
  if (typeof plant !== 'object' || plant === null || !Array.isArray(plant.assets) || !Array.isArray(plant.zones))
    throw new BundleFormatError('INCOMPLETE', 'results bundle has no plant');
  if (!Array.isArray(b.designs) || b.designs.length === 0)
    throw new BundleFormatError('INCOMPLETE', 'results bundle has no designs');
  if (typeof b.scenario !== 'object' || typeof b.attack !== 'object')
    throw new BundleFormatError('INCOMPLETE', 'results bundle names no scenario or attack');
  const problem = firstInconsistency(b as { plant: ResultsBundle['plant']; designs: unknown[] });
  if (problem !== null)
    throw new BundleFormatError('INCONSISTENT', `results bundle does not hold together: ${problem}`);
  return version === BUNDLE_SCHEMA_VERSION ? (json as ResultsBundle) : fromV1(json as ResultsBundleV1);
}

function fromV1(v1: ResultsBundleV1): ResultsBundle {
  return {
    ...v1,
    schemaVersion: BUNDLE_SCHEMA_VERSION,
    designs: v1.designs.map((d) => ({
      ...d,
      representativeRun: { ...d.representativeRun, trace: upgradeTraceV1(d.representativeRun.trace, v1.plant) },
    })),
  };
}
