// Renderings of scenario checks: terminal PASS/FAIL lines, JUnit XML for CI, Markdown.
import type { ExpectationCheck, Witness } from '../experiment/checkScenario.js';
import { eventFacts } from '../contract/eventFacts.js';
import type { TraceEvent } from '../contract/trace.js';
import { markdownCode, markdownFence, markdownText, xmlText } from './escape.js';

export interface ScenarioCheck {
  file: string;
  seed: number | string;
  checks: ExpectationCheck[];
}

function step(t: TraceEvent): string {
  const f = eventFacts(t);
  const where = f.source === undefined ? `→ ${f.target ?? ''}` : `${f.source} → ${f.target ?? ''}`;
  return `${t.t.toFixed(1).padStart(5)} h  ${(f.technique ?? '').padEnd(5)}  ${where}  ${t.detail}`;
}

export function replayCommand(file: string, c: ExpectationCheck, w: Witness): string {
  return `segsim run ${file} --design ${c.expectation.design} --attack ${c.expectation.attack} --seed ${w.seed}`;
}

function witnessLines(file: string, c: ExpectationCheck): string[] {
  const w = c.witnessRun;
  if (w === null) return [];
  return [
    `witness: seed ${w.seed}  (replay: ${replayCommand(file, c, w)})`,
    `  compromised: ${w.compromised.join(', ') || 'nothing'}`,
    '  first steps:',
    ...w.firstSteps.map((t) => `    ${step(t)}`),
  ];
}

export function renderCheckText(results: readonly ScenarioCheck[]): string {
  const out: string[] = [];
  for (const r of results) {
    out.push(`${r.file}  (seed ${r.seed})`);
    if (r.checks.length === 0) out.push('  no expectations');
    for (const c of r.checks) {
      // One line per expectation whatever its name holds, so a name cannot forge a PASS line.
      out.push(`  ${c.pass ? 'PASS' : 'FAIL'}  ${c.name.replace(/[\r\n]+/g, ' ')}`);
      const detail = c.pass ? c.observed : [...c.failures, ...witnessLines(r.file, c)];
      for (const line of detail) out.push(`        ${line}`);
    }
    out.push('');
  }
  const all = results.flatMap((r) => r.checks);
  const failed = all.filter((c) => !c.pass).length;
  out.push(
    `${all.length - failed} passed, ${failed} failed, ${all.length} expectations in ${results.length} scenario${results.length === 1 ? '' : 's'}`,
  );
  return `${out.join('\n')}\n`;
}

const xml = xmlText;

/** One testsuite per scenario, one testcase per expectation. No timings, so reruns diff clean. */
export function renderJUnit(results: readonly ScenarioCheck[]): string {
  const all = results.flatMap((r) => r.checks);
  const out = [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<testsuites name="segsim check" tests="${all.length}" failures="${all.filter((c) => !c.pass).length}">`,
  ];
  for (const r of results) {
    const failures = r.checks.filter((c) => !c.pass).length;
    out.push(`  <testsuite name="${xml(r.file)}" tests="${r.checks.length}" failures="${failures}">`);
    for (const c of r.checks) {
      const head = `    <testcase classname="${xml(r.file)}" name="${xml(c.name)}"`;
      if (c.pass) {
        out.push(`${head}>`, `      <system-out>${xml(c.observed.join('\n'))}</system-out>`, '    </testcase>');
      } else {
        out.push(
          `${head}>`,
          `      <failure message="${xml(c.failures[0] ?? 'failed')}">${xml([...c.failures, ...witnessLines(r.file, c)].join('\n'))}</failure>`,
          '    </testcase>',
        );
      }
    }
    out.push('  </testsuite>');
  }
  out.push('</testsuites>');
  return `${out.join('\n')}\n`;
}

export function renderCheckMarkdown(results: readonly ScenarioCheck[]): string {
  const out = ['# segsim check', ''];
  for (const r of results) {
    out.push(
      `## ${markdownCode(r.file)}`,
      '',
      `Seed ${r.seed}.`,
      '',
      '| | Expectation | Runs | Observed |',
      '| --- | --- | ---: | --- |',
    );
    for (const c of r.checks)
      out.push(
        `| ${c.pass ? '✅ PASS' : '❌ FAIL'} | ${markdownText(c.name)} | ${c.runs} | ${markdownText(c.observed.join('; '))} |`,
      );
    for (const c of r.checks.filter((x) => !x.pass)) {
      out.push('', `### FAIL: ${markdownText(c.name)}`, '', ...c.failures.map((f) => `- ${markdownText(f)}`));
      const w = c.witnessRun;
      if (w !== null) out.push('', ...markdownFence(witnessLines(r.file, c)));
    }
    out.push('');
  }
  return out.join('\n');
}
