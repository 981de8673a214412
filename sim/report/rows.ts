// The comparison table both the terminal and the Markdown report show: one row per headline
// metric, one column per design, cells already formatted for reading aloud.
import type { Summary } from '../metrics/statistics.js';
import type { BundleDesign, ResultsBundle } from '../contract/bundle.js';
import { money } from './money.js';

export interface Row {
  label: string;
  cells: string[];
}

export function pct(share: number): string {
  if (share > 0 && share < 0.005) return '<1%';
  if (share < 1 && share > 0.995) return '>99%';
  return `${Math.round(share * 100)}%`;
}

export function num(x: number | null, digits = 1): string {
  if (x === null || !Number.isFinite(x)) return '–';
  if (Number.isInteger(x)) return x.toLocaleString('en');
  return x.toLocaleString('en', { maximumFractionDigits: Math.abs(x) >= 100 ? 0 : digits, minimumFractionDigits: 0 });
}

const medP95 = (s: Summary) => (s.n === 0 ? '–' : `${num(s.median)} / ${num(s.p95)}`);
const hours = (x: number | null) => (x === null ? '–' : `${num(x)} h`);
/** A median over the runs where the event happened, with how often it happened. */
const whenItHappened = (s: Summary) =>
  s.n === 0 ? 'never' : `${hours(s.median)} (${pct(s.n / (s.n + s.nulls))} of runs)`;

export function comparisonRows(bundle: ResultsBundle): Row[] {
  const row = (label: string, cell: (d: BundleDesign) => string): Row => ({ label, cells: bundle.designs.map(cell) });
  return [
    row('P(PLC reached)', (d) => pct(d.summary.plcReachedProbability)),
    row('Compromised assets, median / p95', (d) => medP95(d.summary.compromisedAssets)),
    row('PLCs compromised, median / p95', (d) => medP95(d.summary.compromisedPlcs)),
    row('Lines impacted, median / p95', (d) => medP95(d.summary.linesImpacted)),
    row('Time to first PLC, median', (d) => whenItHappened(d.summary.timeToFirstPlcHours)),
    row('Time to detection, median', (d) => whenItHappened(d.summary.timeToDetectionHours)),
    row('Time to containment, median', (d) => whenItHappened(d.summary.timeToContainmentHours)),
    row('Production loss, mean', (d) => money(d.summary.productionLoss.mean, bundle.scenario.currency)),
    row('Denied requests, mean', (d) => num(d.summary.deniedRequests.mean)),
    row('Held for approval, mean', (d) => num(d.summary.heldForApproval.mean)),
    row('Audited share of attacker actions, mean', (d) =>
      d.summary.auditedShare.mean === null ? '–' : pct(d.summary.auditedShare.mean),
    ),
    row('Technician time-to-access, mean', (d) => hours(d.summary.timeToAccessHours.mean)),
    row('Privilege exposure (assets × h), mean', (d) => num(d.summary.privilegeExposure.mean, 0)),
  ];
}

export function staticRows(bundle: ResultsBundle): Row[] {
  const row = (label: string, cell: (d: BundleDesign) => string): Row => ({ label, cells: bundle.designs.map(cell) });
  return [
    row('Reachable assets', (d) => String(d.staticBlastRadius.assets.length)),
    row('Reachable PLCs', (d) => String(d.staticBlastRadius.plcs.length)),
    row('Lines touched', (d) => String(d.staticBlastRadius.lines.length)),
    row('Lowest Purdue level', (d) =>
      d.staticBlastRadius.lowestLevel === null ? '–' : `L${d.staticBlastRadius.lowestLevel}`,
    ),
  ];
}

/** "stolen-vendor-credential: vpn-flat reaches a PLC in 99% of runs, median 2.1 h to the first PLC; zt in 0%" */
export function headline(bundle: Pick<ResultsBundle, 'designs' | 'attack'>): string {
  const parts = bundle.designs.map((d, i) => {
    const p = d.summary.plcReachedProbability;
    const verb = i === 0 ? `${d.id} reaches a PLC in ${pct(p)} of runs` : `${d.id} in ${pct(p)}`;
    const t = d.summary.timeToFirstPlcHours.median;
    return p === 0 || t === null ? verb : `${verb}, median ${num(t)} h to the first PLC`;
  });
  return `${bundle.attack.id}: ${parts.join('; ')}`;
}

/** One sentence per design, for reading aloud; `text` escapes a design's name for the output format. */
export function designSentences(
  bundle: Pick<ResultsBundle, 'designs' | 'scenario'>,
  text: (s: string) => string = (s) => s,
): string[] {
  return bundle.designs.map((d) => designSentence(d, bundle.scenario.currency, text));
}

export function designSentence(
  d: Pick<BundleDesign, 'id' | 'name' | 'summary'>,
  currency: string | undefined,
  text: (s: string) => string = (s) => s,
): string {
  const s = d.summary;
  const p = s.plcReachedProbability;
  const reach =
    p === 0
      ? 'never reaches a PLC'
      : `reaches a PLC in ${pct(p)} of runs${s.timeToFirstPlcHours.median === null ? '' : `, median ${num(s.timeToFirstPlcHours.median)} h to the first one`}`;
  const spread =
    s.compromisedAssets.max === 0
      ? 'no asset is compromised in any run'
      : `the attacker holds a median of ${num(s.compromisedAssets.median)} assets (${num(s.compromisedAssets.p95)} in the worst 5% of runs)`;
  const loss = s.productionLoss.mean;
  const cost = loss === null || loss === 0 ? '' : `; production loss averages ${money(loss, currency)} a run`;
  return `Under ${text(d.name ?? d.id)} (${d.id}) the attacker ${reach}; ${spread}${cost}.`;
}

/** "vpn: productionLoss was not a finite number in 5 runs, left out of its statistics", when it happens. */
export function nonFiniteNotes(bundle: ResultsBundle): string[] {
  return bundle.designs.flatMap((d) =>
    Object.entries(d.summary).flatMap(([metric, s]) => {
      const count = (s as Partial<Summary> | null)?.nonFinite;
      return count === undefined
        ? []
        : [`${d.id}: ${metric} was not a finite number in ${count} runs, left out of its statistics`];
    }),
  );
}
