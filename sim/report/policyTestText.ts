// The outcome of a scenario's policy tests in words, for terminals and CI logs.
import type { ScenarioPolicyReport } from '../experiment/scenarioPolicyTests.js';

/** One line per failure: `FAIL zt › name: asset:action expected deny, got allow by rule r (...)`. */
export function formatFailures(report: ScenarioPolicyReport): string[] {
  const lines: string[] = [];
  for (const d of report.designs) {
    if (d.error !== null) lines.push(`ERROR ${d.design}: ${d.error}`);
    for (const t of d.tests) {
      for (const e of t.errors) lines.push(`ERROR ${d.design} › ${t.name}: ${e}`);
      for (const c of t.cases) {
        if (c.ok) continue;
        if (c.error !== null) lines.push(`ERROR ${d.design} › ${t.name}: ${c.pair}: ${c.error}`);
        else lines.push(`FAIL ${d.design} › ${t.name}: ${c.pair} expected ${c.expected}, got ${c.explanation}`);
      }
    }
  }
  return lines;
}

export function formatSummary(report: ScenarioPolicyReport): string {
  const tests = report.designs.reduce((n, d) => n + d.tests.length, 0);
  const designs = report.designs.length;
  return (
    `policy tests: ${report.passed} passed, ${report.failed} failed ` +
    `(${tests} test${tests === 1 ? '' : 's'} in ${designs} design${designs === 1 ? '' : 's'})`
  );
}
