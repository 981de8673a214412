// The fixes of `segsim reach --fixes`: each single change with the static worst case before and after.
import type { Fix, WorstCaseSize } from '../contract/results.js';
import type { FixRanking } from '../metrics/fixes.js';

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** "11 assets, 5 PLCs, 2 lines" */
export function sizeText(s: WorstCaseSize): string {
  return `${plural(s.assets, 'asset')}, ${plural(s.plcs, 'PLC')}, ${plural(s.lines, 'line')}`;
}

/** "5 → 0 PLCs, 11 → 0 assets, 2 → 0 lines" */
export function fixEffect(f: Fix): string {
  const arrow = (a: number, b: number, what: string) => `${a} → ${b} ${what}`;
  return [
    arrow(f.before.plcs, f.after.plcs, 'PLCs'),
    arrow(f.before.assets, f.after.assets, 'assets'),
    arrow(f.before.lines, f.after.lines, 'lines'),
  ].join(', ');
}

export function renderFixes(r: FixRanking, top: number): string {
  const out = [`Fixes that shrink the static worst case of ${r.attack} under ${r.design}`, ''];
  out.push(`  before  ${sizeText(r.before)}`);
  out.push(
    `  tried   ${plural(r.tried, 'single change')} touching the worst-case paths, each re-run through the static analysis`,
  );
  if (r.before.assets === 0) out.push('', '  Nothing is reachable: there is nothing to fix.');
  else if (r.fixes.length === 0) out.push('', '  No single change shrinks the worst case; it takes several.');
  else {
    const shown = r.fixes.slice(0, top);
    const width = Math.max(...shown.map((f) => f.change.length));
    out.push('', `Best first (${shown.length} of ${r.fixes.length} that shrink it)`);
    shown.forEach((f, i) => out.push(`  ${String(i + 1).padStart(2)}. ${f.change.padEnd(width)}   ${fixEffect(f)}`));
  }
  return `${out.join('\n')}\n`;
}
