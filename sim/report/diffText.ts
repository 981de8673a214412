// `segsim diff` for a terminal, plan-style: + gained, − lost, ~ changed, ! worse; colour on request.
import type { ScenarioDiff } from '../experiment/scenarioDiff.js';
import { staticWords } from '../experiment/scenarioDiff.js';
import {
  differenceWords,
  fieldWords,
  metricValue,
  movedMetrics,
  pathWords,
  ruleHeadline,
  verdictWords,
} from './diffWords.js';

const CODES = { green: 32, red: 31, yellow: 33, bold: 1, dim: 2 } as const;
type Paint = (text: string, colour: keyof typeof CODES) => string;

export function renderDiffText(d: ScenarioDiff, color: boolean): string {
  const paint: Paint = (text, colour) => (color ? `\x1b[${CODES[colour]}m${text}\x1b[0m` : text);
  const sign = (s: string) => (s.startsWith('+') ? paint(s, 'green') : s.startsWith('−') ? paint(s, 'red') : s);
  const out = [paint(`segsim diff  ${d.old} → ${d.new}`, 'bold')];
  if (d.sections.length > 0) out.push(`  differs in: ${d.sections.join(', ')}`);
  for (const [what, ids] of [
    ['design', d.designs],
    ['attack', d.attacks],
  ] as const) {
    for (const id of ids.added)
      out.push(`  ${paint('+', 'green')} ${what} ${id} (only in the new version, not compared)`);
    for (const id of ids.removed)
      out.push(`  ${paint('−', 'red')} ${what} ${id} (only in the old version, not compared)`);
  }

  if (d.policy.length > 0 || d.linesOpened.length > 0) out.push('', 'Policy');
  for (const p of d.policy) {
    out.push(`  ${p.design}`);
    for (const { change, at } of p.rules) {
      const mark = change.kind === 'added' ? '+' : change.kind === 'removed' ? '−' : '~';
      const colour = mark === '+' ? 'green' : mark === '−' ? 'red' : 'yellow';
      out.push(`    ${paint(mark, colour)} ${ruleHeadline(change)}${at === null ? '' : paint(`  ${at}`, 'dim')}`);
      for (const f of change.fields)
        for (const [i, words] of fieldWords(f).entries())
          out.push(`        ${(i === 0 ? f.field : '').padEnd(12)}${sign(words)}`);
    }
  }
  for (const { change: o, at } of d.linesOpened)
    out.push(
      `  ${paint('!', 'red')} ${o.design}: ${o.org} user ${o.user} now reaches line ${o.line} through ${o.rules.join(', ')}${at === null ? '' : paint(`  ${at}`, 'dim')}`,
    );

  const moved = d.static.filter((s) => s.gained.length + s.lost.length > 0);
  out.push('', 'Static worst case (everything reachable, ignoring probability, timing and detection)');
  for (const s of moved) {
    const mark = s.worse ? paint('!', 'red') : paint('~', 'yellow');
    out.push(`  ${mark} ${s.design} × ${s.attack}: ${staticWords(s)}`);
    for (const g of s.gained)
      out.push(`      ${paint('+', 'green')} ${g.asset}${g.controller ? ' (controller)' : ''}  ${pathWords(g.path)}`);
    for (const l of s.lost)
      out.push(
        `      ${paint('−', 'red')} ${l.asset}${l.controller ? ' (controller)' : ''}  was: ${pathWords(l.path)}`,
      );
  }
  const same = d.static.length - moved.length;
  if (same > 0) out.push(`    ${same} design × attack pair${same === 1 ? '' : 's'} unchanged`);

  if (d.runs !== null) {
    out.push(
      '',
      `Runs: ${d.runs.runs} per design, attack and version, seed ${d.runs.seed}, the same seeds in both; new − old, mean [95% CI]`,
    );
    let quiet = 0;
    for (const r of d.runs.changes) {
      const metrics = movedMetrics(r.metrics);
      if (metrics.length === 0) {
        quiet++;
        continue;
      }
      out.push(`  ${r.worse ? paint('!', 'red') : paint('~', 'yellow')} ${r.design} × ${r.attack}`);
      const width = Math.max(...metrics.map((m) => m.label.length));
      for (const m of metrics) {
        const tag =
          m.verdict === 'worse' ? paint('  worse', 'red') : m.verdict === 'better' ? paint('  better', 'green') : '';
        out.push(
          `      ${m.label.padEnd(width)}  ${metricValue(m, m.old)} → ${metricValue(m, m.new)}   ${differenceWords(m)}${tag}`,
        );
      }
    }
    if (quiet > 0) out.push(`    ${quiet} design × attack pair${quiet === 1 ? '' : 's'} with every metric unchanged`);
  }

  out.push('');
  if (d.worse.length > 0) for (const w of d.worse) out.push(`${paint('!', 'red')} ${w}`);
  out.push(paint(verdictWords(d), d.worse.length > 0 ? 'red' : 'bold'));
  return `${out.join('\n')}\n`;
}
