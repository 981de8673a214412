// A scenario's designs under every attack, as a terminal table, Markdown, or JSON: per attack, the
// probability each design lets a PLC fall next to its static worst case, then the headline
// statistics, the legitimate side's included.
import type { ExperimentResult } from '../experiment/runExperiment.js';
import type { BlastRadius } from '../metrics/blastRadius.js';
import { renderTable } from './compareText.js';
import { designTables, HEADLINE_TABLES, percentCell, withoutAssetRates, type TableSpec } from './designTables.js';
import { markdownTable } from './markdown.js';
import { markdownCode, markdownText } from './escape.js';
import { overviewSentence } from './overview.js';

export interface Matrix {
  /** The scenario file as given on the command line, and its name. */
  scenario: { file: string; name: string | null; currency?: string };
  seed: number;
  runs: number;
  /** One experiment per attack, every one over the same designs and seeds. */
  attacks: ExperimentResult[];
}

/** "assets/PLCs/lines" of a static worst case. */
const worstCase = (b: BlastRadius) => `${b.assets.length}/${b.plcs.length}/${b.lines.length}`;

const REACHED_AND_WORST: TableSpec = {
  title: 'P(PLC reached) · static worst case, assets/PLCs/lines',
  cell: (r, d) =>
    `${percentCell(r.designs[d]!.summary.plcReachedProbability)} · ${worstCase(r.designs[d]!.staticBlastRadius)}`,
};

const tables = (m: Matrix) =>
  designTables(
    m.attacks.map((r) => ({ label: r.attack.id, result: r })),
    [REACHED_AND_WORST, ...HEADLINE_TABLES],
    m.scenario.currency,
  );

/** The matrix's paragraph over every attack. */
export const matrixOverview = (m: Matrix) =>
  overviewSentence(
    m.attacks.map((r) => ({
      attack: r.attack.id,
      designs: r.designs.map((d) => ({ id: d.design.id, plcReached: d.summary.plcReachedProbability })),
    })),
  );
const about = (m: Matrix) =>
  `${m.runs} runs per design and attack, seed ${m.seed}, the same seeds for every design and attack`;
const designCount = (m: Matrix) => m.attacks[0]!.designs.length;

export function renderMatrixText(m: Matrix): string {
  const out = [
    `${m.scenario.name ?? m.scenario.file}: ${designCount(m)} designs × ${m.attacks.length} attacks, ${about(m)}`,
    '',
    matrixOverview(m),
  ];
  for (const t of tables(m)) out.push('', t.title, '', ...renderTable(['attack', ...t.ids], t.rows));
  return `${out.join('\n')}\n`;
}

export function renderMatrixMarkdown(m: Matrix): string {
  const out = [`# ${markdownText(m.scenario.name ?? m.scenario.file)}: every design under every attack`, ''];
  out.push(`Scenario ${markdownCode(m.scenario.file)}: ${about(m)}, so the differences between designs are paired.`);
  out.push('', `**${markdownText(matrixOverview(m))}**`);
  out.push(
    '',
    '| attack | what it is |',
    '| --- | --- |',
    ...m.attacks.map((r) => `| \`${r.attack.id}\` | ${markdownText(r.attack.name ?? '')} |`),
  );
  for (const t of tables(m))
    out.push('', `## ${t.title}`, '', ...markdownTable(['attack', ...t.ids.map((id) => `\`${id}\``)], t.rows));
  return `${out.join('\n')}\n`;
}

/** Per attack and design: the statistics without per-asset rates, and the static worst case without its paths. */
export function matrixJson(m: Matrix): string {
  const data = {
    generator: 'segsim',
    kind: 'matrix',
    scenario: m.scenario,
    seed: m.seed,
    runs: m.runs,
    attacks: m.attacks.map((r) => ({
      id: r.attack.id,
      name: r.attack.name ?? null,
      designs: r.designs.map((d) => {
        const { assets, plcs, lines, lowestLevel } = d.staticBlastRadius;
        return {
          id: d.design.id,
          summary: withoutAssetRates(d.summary),
          staticWorstCase: { assets: assets.length, plcs: plcs.length, lines, lowestLevel },
        };
      }),
    })),
  };
  return `${JSON.stringify(data, null, 2)}\n`;
}
