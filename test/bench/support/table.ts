// Plain-text tables for the summaries the benchmark files print when their last case ends.
import { availableParallelism, cpus, loadavg } from 'node:os';

export type Cell = string | number;

/** Title, a header rule and rows; the first column left-aligned, the others right-aligned. */
export function formatTable(title: string, header: readonly string[], rows: readonly (readonly Cell[])[]): string {
  const text = rows.map((row) => row.map(String));
  const widths = header.map((h, c) => Math.max(h.length, ...text.map((row) => (row[c] ?? '').length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!)))
      .join('  ')
      .trimEnd();
  return [title, line(header), widths.map((w) => '─'.repeat(w)).join('  '), ...text.map(line), machine()].join('\n');
}

/** The machine and its load when the table was printed: benchmarks on a busy machine say so. */
export function machine(): string {
  const [one, five] = loadavg();
  const model = cpus()[0]?.model.trim() ?? 'unknown CPU';
  return `${availableParallelism()} CPUs (${model}), node ${process.version}, load average ${one!.toFixed(1)} (1 min) ${five!.toFixed(1)} (5 min)`;
}

/** 1234567 → "1,234,567"; fractional values keep `digits` decimals. */
export function num(x: number, digits = 0): string {
  return x.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}
