// A deterministic slice of an experiment's seeds, and the merge of slices back into the whole:
// shard k of n runs the seed indices i with i mod n = k - 1 for every design, and merging all n
// shard files gives exactly the records, and so the bundle, one unsharded run would.
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import type { PlantModel } from '../model/plantModel.js';
import { AccessLayer } from '../net/AccessLayer.js';
import { canonicalJson } from '../policy/canonicalJson.js';
import type { Scenario } from '../model/schema.js';
import type { ExperimentOptions, ExperimentSpec } from './runExperiment.js';
import { runRecord, type RunRecord } from './runs.js';

export const SHARD_SCHEMA_VERSION = 1;

export interface Shard {
  /** 1-based, as CI matrices count. */
  index: number;
  count: number;
}

export interface ShardFile {
  kind: 'segsim-shard';
  schemaVersion: typeof SHARD_SCHEMA_VERSION;
  scenario: { file: string; digest: string };
  attack: string;
  designs: string[];
  seed: number | string;
  runs: number;
  horizonHours: number | null;
  shard: Shard;
  /** Per design, in `designs` order: the records of this shard's seed indices. */
  records: RunRecord[][];
}

export class ShardError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ShardError';
  }
}

export function parseShard(text: string): Shard {
  const m = /^(\d+)\/(\d+)$/.exec(text.trim());
  const index = Number(m?.[1]);
  const count = Number(m?.[2]);
  if (!m || count < 1 || index < 1 || index > count)
    throw new ShardError(`--shard takes k/n with 1 <= k <= n, such as 2/4; got "${text}"`);
  return { index, count };
}

export function shardIndices(runs: number, shard: Shard): number[] {
  const out: number[] = [];
  for (let i = shard.index - 1; i < runs; i += shard.count) out.push(i);
  return out;
}

/** A digest of the validated scenario: a shard merged against another scenario is refused. */
export function scenarioDigest(scenario: Scenario): string {
  return bytesToHex(sha256(utf8ToBytes(canonicalJson(scenario))));
}

export function runShard(
  model: PlantModel,
  file: string,
  spec: ExperimentSpec,
  shard: Shard,
  options: ExperimentOptions = {},
): ShardFile {
  const indices = shardIndices(spec.runs, shard);
  const total = indices.length * spec.designs.length;
  let done = 0;
  const records = spec.designs.map((design) => {
    const access = new AccessLayer(model, design);
    return indices.map((i) => {
      const r = runRecord(model, access, spec.attack, spec.seed, i, spec.horizonHours);
      options.onProgress?.(++done, total);
      return r;
    });
  });
  return {
    kind: 'segsim-shard',
    schemaVersion: SHARD_SCHEMA_VERSION,
    scenario: { file, digest: scenarioDigest(model.scenario) },
    attack: spec.attack.id,
    designs: spec.designs.map((d) => d.id),
    seed: spec.seed,
    runs: spec.runs,
    horizonHours: spec.horizonHours ?? null,
    shard,
    records,
  };
}

/** Checks that the shards belong to one experiment and cover each seed once; returns the full records per design. */
export function mergeShards(shards: readonly ShardFile[]): { first: ShardFile; records: RunRecord[][] } {
  const first = shards[0];
  if (first === undefined) throw new ShardError('merge needs at least one shard file');
  const same = (s: ShardFile) =>
    s.scenario.digest === first.scenario.digest &&
    s.attack === first.attack &&
    s.seed === first.seed &&
    s.runs === first.runs &&
    s.horizonHours === first.horizonHours &&
    s.shard.count === first.shard.count &&
    s.designs.join(',') === first.designs.join(',');
  const odd = shards.find((s) => !same(s));
  if (odd)
    throw new ShardError(
      `shard ${odd.shard.index}/${odd.shard.count} comes from another experiment (scenario, attack, designs, seed, runs or shard count differ)`,
    );
  const seen = new Set(shards.map((s) => s.shard.index));
  if (seen.size !== shards.length) throw new ShardError('a shard is given twice');
  const missing = Array.from({ length: first.shard.count }, (_, i) => i + 1).filter((k) => !seen.has(k));
  if (missing.length > 0)
    throw new ShardError(
      `missing shard${missing.length > 1 ? 's' : ''} ${missing.map((k) => `${k}/${first.shard.count}`).join(', ')}`,
    );
  const records = first.designs.map((_, d) => {
    const all: RunRecord[] = new Array(first.runs);
    for (const s of shards) for (const r of s.records[d] ?? []) all[r.index] = r;
    if (all.some((r) => r === undefined) || all.length !== first.runs)
      throw new ShardError('the shards do not cover every run');
    return all;
  });
  return { first, records };
}
