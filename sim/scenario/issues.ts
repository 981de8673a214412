// A scenario problem: where it is (file, line, column, field path) and what is wrong.

export type IssuePath = readonly (string | number)[];

export interface ScenarioIssue {
  file: string;
  line: number;
  col: number;
  path: IssuePath;
  message: string;
}

/** `zones[2].conduits[0].to`, zod's dot path. */
export function toDotPath(path: IssuePath): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else out += out === '' ? seg : `.${seg}`;
  }
  return out;
}

export function formatIssue(issue: ScenarioIssue): string {
  const where = `${issue.file}:${issue.line}:${issue.col}`;
  const field = toDotPath(issue.path);
  return field === '' ? `${where}  ${issue.message}` : `${where}  ${field}  ${issue.message}`;
}

export { didYouMean, suggest } from '../model/suggest.js';
