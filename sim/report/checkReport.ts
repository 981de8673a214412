// What `segsim check` found, in words for a terminal: per scenario its failures in full with one
// witness per design × attack, its passes one line each (a baseline's summed up), problems that
// kept a file from being checked, and a closing count.
import type { ExpectationCheck, Witness } from '../experiment/checkScenario.js';
import { eventFacts } from '../contract/eventFacts.js';
import type { ExpectableMetric, TraceEvent } from '../contract/trace.js';
import { METRIC_FORMAT } from '../experiment/metricFormat.js';
import { formatIssue, type ScenarioIssue } from '../scenario/issues.js';

/** Where an expectation (or a baseline's design) stands, for CI reports that link to it. */
export interface Place {
  file: string;
  line: number;
}

export interface ScenarioCheck {
  /** The scenario file as given. */
  file: string;
  seed: number | string;
  checks: ExpectationCheck[];
  /** The baseline file the checks hold the scenario to; null for the scenario's own expectations. */
  baseline: string | null;
  /** Where each check's expectation stands, by check index; null where unknown. */
  places: readonly (Place | null)[];
  /** What kept the file from being checked; no checks then. */
  problems: readonly ScenarioIssue[];
  /** The runs and replays, for JUnit. */
  seconds: number;
}

export interface CheckRender {
  /** A scenario without expectations fails (`--fail-on-empty`). */
  failOnEmpty: boolean;
}

export interface CheckOutcome {
  status: 'pass' | 'fail' | 'error';
  passed: number;
  failed: number;
  expectations: number;
  /** Files with problems that kept them from being checked. */
  invalid: number;
  /** Scenarios with no expectation to check. */
  empty: number;
  scenarios: number;
}

export function checkOutcome(results: readonly ScenarioCheck[], options: CheckRender): CheckOutcome {
  const all = results.flatMap((r) => r.checks);
  const failed = all.filter((c) => !c.pass).length;
  const invalid = results.filter((r) => r.problems.length > 0).length;
  const empty = results.filter(isEmpty).length;
  const status = invalid > 0 ? 'error' : failed > 0 || (options.failOnEmpty && empty > 0) ? 'fail' : 'pass';
  return {
    status,
    passed: all.length - failed,
    failed,
    expectations: all.length,
    invalid,
    empty,
    scenarios: new Set(results.map((r) => r.file)).size,
  };
}

export const isEmpty = (r: ScenarioCheck) => r.problems.length === 0 && r.checks.length === 0;

/** "3 passed, 1 failed, 4 expectations in 2 scenarios", and what could not be checked. */
export function outcomeLine(o: CheckOutcome, options: CheckRender): string {
  const notes = [
    o.invalid > 0 ? `${o.invalid} invalid file${o.invalid === 1 ? '' : 's'} not checked` : '',
    o.empty > 0
      ? `${o.empty} scenario${o.empty === 1 ? '' : 's'} without expectations${options.failOnEmpty ? ' (failed: --fail-on-empty)' : ''}`
      : '',
  ].filter((n) => n !== '');
  const head = `${o.passed} passed, ${o.failed} failed, ${o.expectations} expectations in ${o.scenarios} scenario${o.scenarios === 1 ? '' : 's'}`;
  return notes.length === 0 ? head : `${head}; ${notes.join(', ')}`;
}

/** The suite's heading: the scenario, or the baseline and the scenario it re-runs. */
export function suiteName(r: ScenarioCheck): string {
  return r.baseline === null ? r.file : `${r.baseline} → ${r.file}`;
}

function step(t: TraceEvent): string {
  const f = eventFacts(t);
  const where = f.source === undefined ? `→ ${f.target ?? ''}` : `${f.source} → ${f.target ?? ''}`;
  return `${t.t.toFixed(1).padStart(5)} h  ${(f.technique ?? '').padEnd(5)}  ${where}  ${t.detail}`;
}

export function replayCommand(file: string, c: ExpectationCheck, w: Witness): string {
  return `segsim run ${file} --design ${c.expectation.design} --attack ${c.expectation.attack} --seed ${w.seed}`;
}

/**
 * The witness in full the first time it is shown, by its seed after that: the attacker's first
 * steps, or for a figure of the technicians' work, their first requests.
 */
export function witnessLines(file: string, c: ExpectationCheck, shown: Set<string>): string[] {
  const w = c.witnessRun;
  if (w === null) return [];
  const metric = c.expectation.metric as ExpectableMetric | undefined;
  const work = metric !== undefined && METRIC_FORMAT[metric]?.technicians === true;
  const key = `${w.seed}\u0000${work}`;
  if (shown.has(key)) return [`witness: seed ${w.seed}, as above`];
  shown.add(key);
  const head = `witness: seed ${w.seed}  (replay: ${replayCommand(file, c, w)})`;
  if (work)
    return [
      head,
      `  technicians' first requests:${w.firstWork.length === 0 ? ' none' : ''}`,
      ...w.firstWork.map((t) => `    ${t.t.toFixed(1).padStart(5)} h  ${t.detail}`),
    ];
  return [
    head,
    `  compromised: ${w.compromised.join(', ') || 'nothing'}`,
    `  first steps:${w.firstSteps.length === 0 ? ' none' : ''}`,
    ...w.firstSteps.map((t) => `    ${step(t)}`),
  ];
}

/** One line for a name, whatever it holds, so a name cannot forge a PASS line. */
const oneLine = (s: string) => s.replace(/[\r\n]+/g, ' ');

export function renderCheckText(results: readonly ScenarioCheck[], options: CheckRender): string {
  const out: string[] = [];
  for (const r of results) {
    const seed = r.problems.length > 0 ? '' : `  (seed ${r.seed}${r.baseline === null ? '' : ', baseline'})`;
    out.push(`${suiteName(r)}${seed}`);
    if (r.problems.length > 0) {
      out.push(`  ERROR  ${formatIssue(r.problems[0]!)}`);
      if (r.problems.length > 1)
        out.push(`         and ${r.problems.length - 1} more problems; the file was not checked`);
    } else if (r.checks.length === 0) {
      out.push(`  ${options.failOnEmpty ? 'FAIL  ' : ''}no expectations`);
    }
    const shown = new Set<string>();
    for (const c of r.checks) {
      if (c.pass && r.baseline !== null) continue;
      out.push(`  ${c.pass ? 'PASS' : 'FAIL'}  ${oneLine(c.name)}`);
      const detail = c.pass ? c.observed : [...c.failures, ...witnessLines(r.file, c, shown)];
      for (const line of detail) out.push(`        ${line}`);
    }
    const held = r.checks.filter((c) => c.pass);
    if (r.baseline !== null && held.length > 0) {
      const pairs = new Set(held.map((c) => `${c.expectation.design} × ${c.expectation.attack}`)).size;
      out.push(
        `  PASS  ${held.length} of ${r.checks.length} bounds hold, on ${pairs} design × attack pair${pairs === 1 ? '' : 's'}`,
      );
    }
    out.push('');
  }
  out.push(outcomeLine(checkOutcome(results, options), options));
  return `${out.join('\n')}\n`;
}
