// Lint findings for people (one line each, a count at the end) and for GitHub Actions (workflow
// commands that annotate the pull request at file, line and column).
import type { LocatedFinding, Severity } from '../experiment/lint/catalog.js';
import { toDotPath } from '../scenario/issues.js';

export function renderLintText(findings: readonly LocatedFinding[], files: number): string {
  const out = findings.map((f) => {
    const field = toDotPath(f.path);
    return `${f.file}:${f.line}:${f.col}  ${f.severity.padEnd(7)}  ${field === '' ? '' : `${field}  `}${f.message}  [${f.rule}]`;
  });
  if (out.length > 0) out.push('');
  out.push(lintSummary(findings, files));
  return `${out.join('\n')}\n`;
}

/** "lint: 2 errors, 5 warnings, 0 notes in 3 files" */
export function lintSummary(findings: readonly LocatedFinding[], files: number): string {
  const n = (s: Severity) => findings.filter((f) => f.severity === s).length;
  const plural = (k: number, word: string) => `${k} ${word}${k === 1 ? '' : 's'}`;
  return `lint: ${plural(n('error'), 'error')}, ${plural(n('warning'), 'warning')}, ${plural(n('note'), 'note')} in ${plural(files, 'file')}`;
}

const COMMAND: Record<Severity, string> = { error: 'error', warning: 'warning', note: 'notice' };

/** `::error file=…,line=…,col=…,title=…::message`, escaped as the workflow-command format asks. */
export function renderGithubAnnotations(findings: readonly LocatedFinding[]): string {
  return findings
    .map(
      (f) =>
        `::${COMMAND[f.severity]} file=${property(f.file)},line=${f.line},col=${f.col},title=${property(`segsim lint ${f.rule}`)}::${data(f.message)}\n`,
    )
    .join('');
}

function data(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function property(s: string): string {
  return data(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
