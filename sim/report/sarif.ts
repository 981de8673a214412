// Lint findings as a SARIF 2.1.0 log, the format code-scanning services read. No timestamps or
// absolute paths unless given: the same findings give the same bytes.
import { isAbsolute } from 'node:path';
import { pathToFileURL } from 'node:url';
import { LINT_RULES, type LocatedFinding } from '../experiment/lint/catalog.js';

const LEVEL = { error: 'error', warning: 'warning', note: 'note' } as const;

export function renderSarif(findings: readonly LocatedFinding[], version: string): string {
  const ids: readonly string[] = LINT_RULES.map((r) => r.id);
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'segsim',
            version,
            rules: LINT_RULES.map((r) => ({
              id: r.id,
              shortDescription: { text: r.summary },
              defaultConfiguration: { level: LEVEL[r.severity] },
            })),
          },
        },
        columnKind: 'utf16CodeUnits',
        results: findings.map((f) => ({
          ruleId: f.rule,
          ruleIndex: ids.indexOf(f.rule),
          level: LEVEL[f.severity],
          message: { text: f.message },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: artifactUri(f.file) },
                region: { startLine: f.line, startColumn: f.col },
              },
            },
          ],
        })),
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

/** A relative path stays relative (code scanning resolves it against the repository); an absolute one becomes a file URI. */
function artifactUri(file: string): string {
  if (isAbsolute(file)) return pathToFileURL(file).href;
  return file
    .split(/[\\/]/)
    .filter((segment, i) => !(i === 0 && segment === '.'))
    .map(encodeURIComponent)
    .join('/');
}
