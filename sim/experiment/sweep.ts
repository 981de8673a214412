// A sensitivity sweep: one field of a scenario set to each of several values, and the same
// experiment (designs, attack, seeds) run at each. It answers "how far can this assumption move
// before the comparison changes?" — an approver's fatigue, a response time, a sensor's odds.
import { parse as parseYaml } from 'yaml';
import { didYouMean } from '../scenario/issues.js';

export class SweepError extends Error {
  override name = 'SweepError';
}

/**
 * A dotted path into the scenario file: object keys, list items by their `id`, or by index.
 * `attacks.approval-fatigue.approvalFatigue`, `designs.zt.response.time`, `designs.zt.sensors.0.probability`.
 */
export function parseSweepPath(text: string): string[] {
  const path = text.split('.');
  if (text === '' || path.some((s) => s === ''))
    throw new SweepError(`"${text}" is not a path: name fields with dots, e.g. designs.zt.response.time`);
  return path;
}

/**
 * `0,0.25,0.5` (YAML scalars) or a YAML flow sequence: `[2, {dist: exponential, mean: 8}]`.
 * `~` (YAML's null) stands for "without the field": `maintenance,~` compares with and without it.
 */
export function parseSweepValues(text: string): unknown[] {
  const trimmed = text.trim();
  const tokens = trimmed.startsWith('[') ? null : trimmed.split(',').map((v) => v.trim());
  // An empty token is a slip ("0,,1"), not a request to remove the field: that is spelled ~.
  if (trimmed === '' || tokens?.some((t) => t === ''))
    throw new SweepError(`give one or more values, e.g. 0,0.5,1 or [2, 8, 24] (~ removes the field); got "${text}"`);
  let values: unknown;
  try {
    // Warnings (an unknown tag, say) would go to the console; a value the schema refuses is reported later anyway.
    const read = (text: string): unknown => parseYaml(text, { logLevel: 'error' });
    values = tokens === null ? read(trimmed) : tokens.map(read);
  } catch (err) {
    throw new SweepError(`cannot read the values "${text}": ${(err as Error).message.split('\n')[0]}`);
  }
  if (!Array.isArray(values) || values.length === 0 || values.some((v) => v === undefined)) {
    throw new SweepError(`give one or more values, e.g. 0,0.5,1 or [2, 8, 24] (~ removes the field); got "${text}"`);
  }
  return values;
}

/**
 * A deep copy of `root` with the field at `path` set to `value`; the last key may be new. A null
 * value removes the field or list item instead, which must then exist.
 */
export function withValueAt(
  root: Record<string, unknown>,
  path: readonly string[],
  value: unknown,
): Record<string, unknown> {
  const copy = structuredClone(root);
  let at: unknown = copy;
  for (let i = 0; i < path.length; i++) {
    const seg = path[i]!;
    const last = i === path.length - 1;
    const where = path.slice(0, i).join('.') || 'the scenario';
    if (Array.isArray(at)) {
      const index = /^\d+$/.test(seg) ? Number(seg) : at.findIndex((x) => isRecord(x) && x.id === seg);
      if (index < 0 || index >= at.length) {
        const ids = at.flatMap((x) => (isRecord(x) && typeof x.id === 'string' ? [x.id] : []));
        throw new SweepError(
          `${where} has no item "${seg}"${didYouMean(seg, ids)}${ids.length > 0 ? `; it has: ${ids.join(', ')}` : ` (${at.length} items)`}`,
        );
      }
      if (!last) at = at[index];
      else if (value === null) at.splice(index, 1);
      else at[index] = value;
    } else if (isRecord(at)) {
      // Own fields only: a path through "constructor" or "__proto__" must not reach shared prototypes.
      const removing = last && value === null;
      if (seg === '__proto__' || ((!last || removing) && !Object.hasOwn(at, seg)))
        throw new SweepError(`${where} has no field "${seg}"${didYouMean(seg, Object.keys(at))}`);
      if (!last) at = at[seg];
      else if (removing) delete at[seg];
      else at[seg] = value;
    } else {
      throw new SweepError(`${where} is a value, not a list or mapping: "${seg}" cannot go under it`);
    }
  }
  return copy;
}

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}
