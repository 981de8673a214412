// The public API of segsim (`import … from 'segsim'`): what an embedding program (a gateway, a
// notebook, CI tooling) may use. The policy decision point alone is `segsim/policy`.

// Load and validate a scenario (YAML or JSON), every problem located.
export { loadScenario, type LoadResult } from './scenario/load.js';
export { formatIssue, type ScenarioIssue } from './scenario/issues.js';
export { scenarioSchema } from './model/schema.js';
export type {
  Scenario,
  ScenarioInput,
  Design,
  Attack,
  Rule,
  Policy,
  PolicyTest,
  Selector,
  Response,
  PlaybookStep,
} from './model/schema.js';
export { scenarioJsonSchema } from './scenario/jsonSchema.js';
export { generatePlant, GenerateError, type GenerateConstraints } from './scenario/generate.js';

// The compiled plant and one design's access logic.
export { buildPlantModel, selectAssets, type PlantModel, type AssetNode } from './model/plantModel.js';
export {
  ACTIONS,
  PROTOCOLS,
  ASSET_KINDS,
  MITIGATIONS,
  type Action,
  type Protocol,
  type AssetKind,
} from './model/catalog.js';
export { AccessLayer, type Origin, type ConnectOutcome } from './net/AccessLayer.js';

// Reach: the static blast radius with attack paths.
export { staticBlastRadius, type BlastRadius, type PathStep } from './metrics/blastRadius.js';
export { TECHNIQUES, type Technique } from './attack/techniques.js';

// Run: one simulated run and its trace.
export { runSimulation, type RunOptions, type RunOutput } from './simulation/runSimulation.js';
export type { TraceEvent, RunMetrics, RunResult } from './contract/trace.js';
export { Kernel, createStream, type Distribution } from './kernel/index.js';

// Compare: designs on the same seeds, in process or on worker threads, and the results bundle.
export {
  runExperiment,
  type ExperimentSpec,
  type ExperimentOptions,
  type ExperimentResult,
  type DesignResult,
} from './experiment/runExperiment.js';
export { runExperimentParallel, type ParallelOptions } from './experiment/parallel.js';
export type { DesignSummary, Comparison } from './experiment/summary.js';
export { buildBundle, bundleJson } from './report/bundle.js';
export { BUNDLE_SCHEMA_VERSION, type ResultsBundle } from './contract/bundle.js';
export { upgradeBundle, BundleFormatError } from './contract/upgrade.js';
export { eventFacts, type EventFacts } from './contract/eventFacts.js';
export { renderComparison } from './report/compareText.js';
export { renderMarkdown } from './report/markdown.js';

// Check: a scenario's expectations by Monte Carlo.
export { checkScenario, type ExpectationCheck, type CheckOptions } from './experiment/checkScenario.js';

export * as policy from './policy/index.js';
export { rankFixes, type FixRanking } from './metrics/fixes.js';
export type { Fix, FixKind } from './contract/results.js';
