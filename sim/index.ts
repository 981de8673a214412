// The public API of segsim's core: what an embedding program (a gateway, a notebook, CI tooling) may import.
export { loadScenario, type LoadResult } from './scenario/load.js';
export { scenarioSchema } from './model/schema.js';
export type { Scenario, ScenarioInput, Design, Attack, Rule, Policy, PolicyTest, Selector } from './model/schema.js';
export { formatIssue, type ScenarioIssue } from './scenario/issues.js';
export { scenarioJsonSchema } from './scenario/jsonSchema.js';
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
export type { TraceEvent, RunMetrics, RunResult } from './contract/trace.js';
export { BUNDLE_SCHEMA_VERSION, type ResultsBundle } from './contract/bundle.js';
export { upgradeBundle, BundleFormatError } from './contract/upgrade.js';
export { eventFacts, type EventFacts } from './contract/eventFacts.js';
export { Kernel, createStream, type Distribution } from './kernel/index.js';
export { AccessLayer, type Origin, type ConnectOutcome } from './net/AccessLayer.js';
export * as policy from './policy/index.js';
export { staticBlastRadius, type BlastRadius, type PathStep } from './metrics/blastRadius.js';
export { rankFixes, type FixRanking } from './metrics/fixes.js';
export type { Fix, FixKind } from './contract/results.js';
export { TECHNIQUES, type Technique } from './attack/techniques.js';
export { runSimulation, type RunOptions, type RunOutput } from './simulation/runSimulation.js';
