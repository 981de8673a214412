// `segsim check` as Markdown for a pull-request comment or a job summary: the verdict on the first
// line, then each scenario's table (a baseline's passes summed up) and its failures with their witness.
import { formatIssue } from '../scenario/issues.js';
import {
  type CheckOutcome,
  type CheckRender,
  checkOutcome,
  isEmpty,
  outcomeLine,
  type ScenarioCheck,
  witnessLines,
} from './checkReport.js';
import { markdownCode, markdownFence, markdownText } from './escape.js';

const VERDICT: Record<CheckOutcome['status'], string> = {
  pass: '✅ PASS',
  fail: '❌ FAIL',
  error: '⚠️ ERROR',
};

export function renderCheckMarkdown(results: readonly ScenarioCheck[], options: CheckRender): string {
  const outcome = checkOutcome(results, options);
  const out = [`# segsim check: ${VERDICT[outcome.status]}`, '', `${outcomeLine(outcome, options)}.`, ''];
  for (const r of results) {
    out.push(
      `## ${r.baseline === null ? markdownCode(r.file) : `${markdownCode(r.baseline)} → ${markdownCode(r.file)}`}`,
      '',
    );
    if (r.problems.length > 0) {
      out.push('Not checked: the file has problems.', '', ...markdownFence(r.problems.map(formatIssue)), '');
      continue;
    }
    if (isEmpty(r)) {
      out.push(options.failOnEmpty ? '❌ No expectations (`--fail-on-empty`).' : 'No expectations.', '');
      continue;
    }
    out.push(
      `Seed ${markdownText(String(r.seed))}${r.baseline === null ? '' : `, the baseline's`}.`,
      '',
      '| | Expectation | Runs | Observed |',
      '| --- | --- | ---: | --- |',
    );
    const held = r.checks.filter((c) => c.pass);
    for (const c of r.checks) {
      if (c.pass && r.baseline !== null) continue;
      out.push(
        `| ${c.pass ? '✅ PASS' : '❌ FAIL'} | ${markdownText(c.name)} | ${c.runs} | ${markdownText(c.observed.join('; '))} |`,
      );
    }
    if (r.baseline !== null && held.length > 0)
      out.push(`| ✅ PASS | ${held.length} of ${r.checks.length} bounds hold | ${held[0]!.runs} | |`);
    const shown = new Set<string>();
    for (const c of r.checks.filter((x) => !x.pass)) {
      out.push('', `### FAIL: ${markdownText(c.name)}`, '', ...c.failures.map((f) => `- ${markdownText(f)}`));
      const lines = witnessLines(r.file, c, shown);
      if (lines.length > 0) out.push('', ...markdownFence(lines));
    }
    out.push('');
  }
  return out.join('\n');
}
