// `segsim diff` as Markdown, for a pull-request comment: the verdict first, then each kind of change.
import type { ScenarioDiff } from '../experiment/scenarioDiff.js';
import { markdownCode, markdownText } from './escape.js';
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

// Scenario text escaped as every Markdown writer escapes it: no raw HTML, no broken table, no code span closed early.
const cell = markdownText;
const code = markdownCode;

export function renderDiffMarkdown(d: ScenarioDiff): string {
  const verdict = verdictWords(d);
  const out = [
    `# segsim diff: ${code(d.old)} → ${code(d.new)}`,
    '',
    `${d.worse.length > 0 ? '❌' : '✅'} **${verdict[0]!.toUpperCase()}${verdict.slice(1)}**`,
    '',
  ];
  if (d.worse.length > 0) out.push(...d.worse.map((w) => `- ${w}`), '');
  if (d.sections.length > 0) out.push(`The scenarios differ in: ${d.sections.map(code).join(', ')}.`, '');
  const only = [
    ...d.designs.added.map((x) => `design ${code(x)} only in the new version`),
    ...d.designs.removed.map((x) => `design ${code(x)} only in the old version`),
    ...d.attacks.added.map((x) => `attack ${code(x)} only in the new version`),
    ...d.attacks.removed.map((x) => `attack ${code(x)} only in the old version`),
  ];
  if (only.length > 0) out.push(...only.map((x) => `- ${x} (not compared)`), '');

  if (d.policy.length > 0) {
    out.push('## Policy', '', '| Design | Change | Details | Where |', '| --- | --- | --- | --- |');
    for (const p of d.policy)
      for (const { change, at } of p.rules) {
        const details = change.fields.map((f) => `${f.field}: ${fieldWords(f).join(' ')}`).join('<br>');
        out.push(
          `| ${cell(p.design)} | ${cell(ruleHeadline(change))} | ${cell(details)} | ${at === null ? '' : code(at)} |`,
        );
      }
    out.push('');
  }
  if (d.linesOpened.length > 0) {
    out.push('## Lines opened to vendors and integrators', '');
    for (const { change: o, at } of d.linesOpened)
      out.push(
        `- ${cell(o.design)}: ${o.org} user ${code(o.user)} now reaches line ${code(o.line)} through ${o.rules.map(code).join(', ')}${at === null ? '' : ` (${code(at)})`}`,
      );
    out.push('');
  }

  const moved = d.static.filter((s) => s.gained.length + s.lost.length > 0);
  out.push('## Static worst case', '');
  if (moved.length === 0) out.push(`No change in ${d.static.length} design × attack pairs.`, '');
  for (const s of moved) {
    out.push(`### ${s.worse ? '❌ ' : ''}${s.design} × ${s.attack}`, '', `${staticWords(s)}.`, '');
    for (const g of s.gained) out.push(`- \\+ ${code(g.asset)}: ${cell(pathWords(g.path))}`);
    for (const l of s.lost) out.push(`- − ${code(l.asset)} (was: ${cell(pathWords(l.path))})`);
    out.push('');
  }

  if (d.runs !== null) {
    out.push(
      '## Runs',
      '',
      `${d.runs.runs} runs per design, attack and version, seed ${d.runs.seed}, the same seeds in both; new − old, mean [95% CI].`,
      '',
      '| Design × attack | Metric | Old | New | New − old | |',
      '| --- | --- | ---: | ---: | ---: | --- |',
    );
    for (const r of d.runs.changes)
      for (const m of movedMetrics(r.metrics))
        out.push(
          `| ${r.design} × ${r.attack} | ${m.label} | ${metricValue(m, m.old)} | ${metricValue(m, m.new)} | ${differenceWords(m)} | ${m.verdict === 'same' ? '' : m.verdict} |`,
        );
    out.push('');
  }
  return `${out.join('\n')}`;
}
