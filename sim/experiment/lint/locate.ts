// From field paths to file:line:col, less what disable comments switch off, in file order.
import type { IssuePath, ScenarioIssue } from '../../scenario/issues.js';
import { ruleInfo, type LintFinding, type LocatedFinding } from './catalog.js';
import { isSuppressed, type Suppressions } from './suppressions.js';

export function locateFindings(
  findings: readonly LintFinding[],
  locate: (path: IssuePath, message: string) => ScenarioIssue,
  suppressionsOf: (file: string) => Suppressions,
): LocatedFinding[] {
  const located = findings.map((f): LocatedFinding => {
    const at = locate(f.path, f.message);
    return { ...f, severity: ruleInfo(f.rule).severity, file: at.file, line: at.line, col: at.col, path: at.path };
  });
  const kept = located.filter((f) => !isSuppressed(suppressionsOf(f.file), f.rule, f.line));
  return kept.sort(byPlace);
}

export function byPlace(a: LocatedFinding, b: LocatedFinding): number {
  return a.file.localeCompare(b.file) || a.line - b.line || a.col - b.col || a.rule.localeCompare(b.rule);
}
