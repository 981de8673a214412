// Wording shared by the terminal and Markdown renderings of `segsim diff`.
import type { MetricChange } from '../experiment/metricDiff.js';
import type { FieldChange, RuleChange } from '../experiment/policyDiff.js';
import type { ScenarioDiff } from '../experiment/scenarioDiff.js';
import type { PathStep } from '../metrics/blastRadius.js';
import { num } from './rows.js';

/** "attacker → zt-session(oem-tech) (login) → l2-hmi1 (vnc) → l2-plc1 (enip.write)" */
export function pathWords(path: readonly PathStep[]): string {
  if (path.length === 0) return '';
  const steps = path.map((s) => (s.action === 'harvest' ? `[${s.to} leaks ${s.means}]` : `→ ${s.to} (${s.action})`));
  return `${path[0]!.from} ${steps.join(' ')}`;
}

export function ruleHeadline(c: RuleChange): string {
  return `${c.effect} rule ${c.rule} ${c.kind}`;
}

export function fieldWords(f: FieldChange): string[] {
  const out: string[] = [];
  if (f.gained.length > 0) out.push(`+ ${f.gained.join(', ')}`);
  if (f.lost.length > 0) out.push(`− ${f.lost.join(', ')}`);
  return out;
}

const SHARES = new Set(['plcReached', 'auditedShare']);

/** A metric's value: shares as percentages, the rest as numbers. */
export function metricValue(m: Pick<MetricChange, 'metric'>, x: number | null): string {
  if (x === null) return '–';
  return SHARES.has(m.metric) ? `${num(x * 100)}%` : num(x);
}

/** new − old with its interval: "+3,840,000 [+3,512,007, +4,167,993]" (shares in percentage points). */
export function differenceWords(m: MetricChange): string {
  const d = m.difference;
  if (d.mean === null) return 'no paired runs';
  const share = SHARES.has(m.metric);
  const signed = (x: number) => {
    const text = num(Math.abs(x) * (share ? 100 : 1), 2);
    return text === '0' ? '0' : `${x > 0 ? '+' : '−'}${text}`;
  };
  const ci = d.ci95 === null ? '' : ` [${signed(d.ci95[0])}, ${signed(d.ci95[1])}]`;
  const paired = d.excluded > 0 ? ` (${d.n} of ${d.n + d.excluded} runs paired)` : '';
  return `${signed(d.mean)}${share ? ' pp' : ''}${ci}${paired}`;
}

export function verdictWords(d: ScenarioDiff): string {
  const n = d.worse.length;
  if (n > 0) return `worse: ${n} change${n === 1 ? '' : 's'} beyond tolerance ${d.tolerance}`;
  if (d.changed) return `changed, nothing worse than tolerance ${d.tolerance}`;
  if (d.sections.length > 0)
    return d.runs === null
      ? 'no change in policy or static worst case (the scenarios differ: run with --runs N to compare the metrics)'
      : 'no change in policy, static worst case or metrics';
  return 'no change';
}

/** Metrics whose mean moved, in the order they are defined. */
export function movedMetrics(metrics: readonly MetricChange[]): MetricChange[] {
  return metrics.filter((m) => m.difference.mean !== null && m.difference.mean !== 0);
}
