// The baseline file as text, written like the results bundle: 2-space indent, keys in the order
// the code builds them, fractions rounded to 6 decimals, a final newline; the same runs give the
// same bytes.
import type { BaselineFile } from '../contract/baseline.js';

const round6 = (x: number) => Math.round(x * 1e6) / 1e6 + 0; // + 0 turns -0 into 0

export function baselineJson(baseline: BaselineFile): string {
  return `${JSON.stringify(baseline, (_key, v: unknown) => (typeof v === 'number' && !Number.isInteger(v) ? round6(v) : v), 2)}\n`;
}
