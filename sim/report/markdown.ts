// The Markdown report of a comparison, for pasting into a proposal or a ticket.
import { MITIGATIONS, type Mitigation } from '../model/catalog.js';
import type { ResultsBundle } from '../contract/bundle.js';
import { markdownCode, markdownText } from './escape.js';
import { money } from './money.js';
import { comparisonRows, designSentences, headline, nonFiniteNotes, num, pct, staticRows, type Row } from './rows.js';

const escapeCell = (s: string) => s.replace(/\|/g, '\\|');

export function markdownTable(head: string[], rows: Row[]): string[] {
  return [
    `| ${head.map(escapeCell).join(' | ')} |`,
    `|${head.map((_, i) => (i === 0 ? ' --- ' : ' ---: ')).join('|')}|`,
    ...rows.map((r) => `| ${[r.label, ...r.cells].map(escapeCell).join(' | ')} |`),
  ];
}

export function renderMarkdown(bundle: ResultsBundle): string {
  const ids = bundle.designs.map((d) => `\`${d.id}\``);
  const title = bundle.scenario.name ?? bundle.scenario.file;
  const out = [`# ${markdownText(title)}: ${markdownText(bundle.attack.name ?? bundle.attack.id)}`, ''];
  out.push(`**${headline(bundle)}**`, '');
  for (const s of designSentences(bundle, markdownText)) out.push(`- ${s}`);
  out.push(
    '',
    `Scenario ${markdownCode(bundle.scenario.file)}, attack \`${bundle.attack.id}\`, ${bundle.runs} runs per design, seed ${bundle.seed}, ${bundle.horizonHours} h horizon. Every design ran the same seeds, so the differences below are paired.`,
    '',
  );
  out.push('## Monte Carlo', '', ...markdownTable(['', ...ids], comparisonRows(bundle)), '');
  for (const note of nonFiniteNotes(bundle)) out.push(`> ${note}`, '');
  out.push(
    '## Static worst case',
    '',
    'Everything the attack can reach under each design, ignoring probability, timing and detection.',
    '',
    ...markdownTable(['', ...ids], staticRows(bundle)),
    '',
  );
  if (bundle.comparisons.length > 0) {
    out.push('## Paired differences', '', 'Mean of a − b over the same seeds, with its 95% confidence interval.', '');
    const rows: Row[] = bundle.comparisons.map((c) => {
      const ci = (d: { mean: number | null; ci95: [number, number] | null }, f: (x: number) => string) =>
        d.mean === null ? '–' : `${f(d.mean)}${d.ci95 === null ? '' : ` [${f(d.ci95[0])}, ${f(d.ci95[1])}]`}`;
      return {
        label: `\`${c.a}\` − \`${c.b}\``,
        cells: [
          ci(c.plcReached, (x) => `${num(x * 100, 0)} pp`),
          ci(c.metrics.compromisedAssets, (x) => num(x)),
          ci(c.metrics.productionLoss, (x) => money(x, bundle.scenario.currency)),
        ],
      };
    });
    out.push(...markdownTable(['', 'P(PLC reached)', 'Compromised assets', 'Production loss'], rows), '');
  }
  const hot = bundle.designs.map((d) => {
    const top = Object.entries(d.summary.assetCompromiseRate)
      .filter(([, r]) => r > 0)
      .sort((a, b) => b[1] - a[1])
      .slice(0, 5)
      .map(([id, r]) => `\`${id}\` ${pct(r)}`);
    return `- \`${d.id}\`: ${top.length === 0 ? 'no asset compromised in any run' : top.join(', ')}`;
  });
  out.push('## Most often compromised assets', '', ...hot, '');
  const blocked = bundle.designs.map((d) => {
    const entries = Object.entries(d.summary.stepsBlockedBy).sort(([, x], [, y]) => y - x);
    const text = entries.map(([m, n]) => `${m} ${MITIGATIONS[m as Mitigation] ?? ''} (${n.toFixed(1)} per run)`);
    return `- \`${d.id}\`: ${text.length === 0 ? 'no attacker step was refused' : text.join(', ')}`;
  });
  out.push(
    '## Which mitigations stopped attacker steps',
    '',
    'Refused attacker steps by the ATT&CK for ICS mitigation that refused them.',
    '',
    ...blocked,
    '',
  );
  return out.join('\n');
}
