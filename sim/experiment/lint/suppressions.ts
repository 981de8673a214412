// Disable comments in a scenario file, YAML comments that name lint rules:
//   # segsim-lint-disable rule-a rule-b          the whole file
//   # segsim-lint-disable-next-line rule-a       the line below
//   key: value  # segsim-lint-disable-line rule-a  this line
// Without rule ids a comment disables every rule.
import { LINT_RULE_IDS, type LocatedFinding } from './catalog.js';

const COMMENT = /(?:^|\s)#\s*segsim-lint-disable(-next-line|-line)?(?=\s|$)([^#\n]*)/;

/** Rule ids, or every rule when the comment names none. */
type Scope = ReadonlySet<string> | 'all';

export interface Suppressions {
  file: Scope[];
  /** 1-based line → scopes disabled on it. */
  lines: Map<number, Scope[]>;
  /** Rule ids that name no rule, where they were written, as findings. */
  unknown: Omit<LocatedFinding, 'file'>[];
}

export function parseSuppressions(text: string): Suppressions {
  const out: Suppressions = { file: [], lines: new Map(), unknown: [] };
  text.split('\n').forEach((content, i) => {
    const m = COMMENT.exec(content);
    if (m === null) return;
    const ids = m[2]!.split(/[\s,]+/).filter((x) => x !== '');
    for (const id of ids)
      if (!LINT_RULE_IDS.includes(id))
        out.unknown.push({
          rule: 'unknown-lint-rule',
          severity: 'warning',
          path: [],
          line: i + 1,
          col: content.indexOf(id, m.index) + 1,
          message: `segsim-lint-disable names no rule "${id}"; rules: ${LINT_RULE_IDS.join(', ')}`,
        });
    const scope: Scope = ids.length === 0 ? 'all' : new Set(ids);
    if (m[1] === undefined) out.file.push(scope);
    else {
      const line = m[1] === '-line' ? i + 1 : i + 2;
      out.lines.set(line, [...(out.lines.get(line) ?? []), scope]);
    }
  });
  return out;
}

export function isSuppressed(s: Suppressions, rule: string, line: number): boolean {
  const hit = (scope: Scope) => scope === 'all' || scope.has(rule);
  return s.file.some(hit) || (s.lines.get(line) ?? []).some(hit);
}
