// A scenario problem: where it is (file, line, column, field path) and what is wrong.

export type IssuePath = readonly (string | number)[];

export interface ScenarioIssue {
  file: string;
  line: number;
  col: number;
  path: IssuePath;
  /** The same path with list items named by their id where they have a unique one, as `--set` takes it. */
  named?: IssuePath;
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

/** An id that a dotted path can carry (sweep's `--set` splits on dots). */
const PATH_ID = /^[A-Za-z0-9][A-Za-z0-9_-]*$/;

/**
 * `path` with each list index replaced by the id of the item there, when that item has an id no
 * other item of its list shares: `designs.zt.zt.policy.rules.integrator-line3.conditions`.
 * Undefined when no item on the path has one.
 */
export function namedPath(path: IssuePath, document: unknown): IssuePath | undefined {
  let at: unknown = document;
  let named = false;
  const out = path.map((seg) => {
    const list = at;
    at = isRecord(at) ? at[seg] : Array.isArray(at) && typeof seg === 'number' ? at[seg] : undefined;
    if (typeof seg !== 'number' || !Array.isArray(list) || !isRecord(at)) return seg;
    const id = at.id;
    if (typeof id !== 'string' || !PATH_ID.test(id)) return seg;
    if (list.filter((item) => isRecord(item) && item.id === id).length !== 1) return seg;
    named = true;
    return id;
  });
  return named ? out : undefined;
}

export function formatIssue(issue: ScenarioIssue): string {
  const where = `${issue.file}:${issue.line}:${issue.col}`;
  const field = toDotPath(issue.path);
  const byId = issue.named === undefined ? '' : issue.named.join('.');
  const shown = byId === '' ? field : `${byId} (${field})`;
  return shown === '' ? `${where}  ${issue.message}` : `${where}  ${shown}  ${issue.message}`;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

export { didYouMean, suggest } from '../model/suggest.js';
