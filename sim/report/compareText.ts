// The terminal rendering of a comparison: headline, a side-by-side table, the static worst case.
import type { ResultsBundle } from '../contract/bundle.js';
import { comparisonRows, designSentences, headline, nonFiniteNotes, staticRows, type Row } from './rows.js';

export function renderTable(head: string[], rows: Row[]): string[] {
  const all = [head, ...rows.map((r) => [r.label, ...r.cells])];
  const widths = head.map((_, c) => Math.max(...all.map((r) => (r[c] ?? '').length)));
  const line = (r: string[]) =>
    r
      .map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!)))
      .join('   ')
      .trimEnd();
  return [line(head), widths.map((w) => '─'.repeat(w)).join('   '), ...all.slice(1).map(line)];
}

export function renderComparison(bundle: ResultsBundle): string {
  const ids = bundle.designs.map((d) => d.id);
  const out = [headline(bundle), ''];
  for (const s of designSentences(bundle)) out.push(`  ${s}`);
  out.push(
    '',
    `${bundle.runs} runs per design, seed ${bundle.seed}, ${bundle.horizonHours} h horizon, same seeds for every design`,
    '',
  );
  out.push(...renderTable(['', ...ids], comparisonRows(bundle)));
  for (const note of nonFiniteNotes(bundle)) out.push(`note: ${note}`);
  out.push('', 'Static worst case (everything reachable, ignoring probability, timing and detection)', '');
  out.push(...renderTable(['', ...ids], staticRows(bundle)));
  return `${out.join('\n')}\n`;
}
