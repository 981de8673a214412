// How a metric reads in checks: the words people use for it, its unit, and the decimals its values
// and computed bounds are shown with (a probability to 0.001, hours to 0.01 h, money to the unit).
import type { ExpectableMetric } from '../contract/trace.js';

export interface MetricFormat {
  label: string;
  /** Appended to a value: ' h', ' asset-hours', or nothing. */
  unit: string;
  decimals: number;
  /** A figure of the technicians' legitimate work rather than of the attack. */
  technicians?: true;
}

export const METRIC_FORMAT: Readonly<Record<ExpectableMetric, MetricFormat>> = {
  compromisedAssets: { label: 'compromised assets', unit: '', decimals: 2 },
  compromisedPlcs: { label: 'compromised PLCs', unit: '', decimals: 2 },
  linesImpacted: { label: 'lines impacted', unit: '', decimals: 2 },
  lowestLevel: { label: 'lowest Purdue level reached', unit: '', decimals: 2 },
  timeToFirstPlcHours: { label: 'time to first PLC', unit: ' h', decimals: 2 },
  timeToDetectionHours: { label: 'time to detection', unit: ' h', decimals: 2 },
  timeToContainmentHours: { label: 'time to containment', unit: ' h', decimals: 2 },
  productionLoss: { label: 'production loss', unit: '', decimals: 0 },
  attackerActions: { label: 'attacker actions', unit: '', decimals: 1 },
  deniedRequests: { label: 'denied requests', unit: '', decimals: 1 },
  heldForApproval: { label: 'requests held for approval', unit: '', decimals: 1 },
  auditedShare: { label: 'audited share of attacker actions', unit: '', decimals: 3 },
  workloadRequests: { label: 'technician requests', unit: '', decimals: 1, technicians: true },
  workloadFailures: { label: 'failed technician requests', unit: '', decimals: 2, technicians: true },
  timeToAccessHours: { label: 'technician time-to-access', unit: ' h', decimals: 2, technicians: true },
  privilegeExposure: { label: 'privilege exposure', unit: ' asset-hours', decimals: 1, technicians: true },
  plcReachedProbability: { label: 'probability of reaching a PLC', unit: '', decimals: 3 },
};

/**
 * A value at its metric's precision, with its unit. Beside a bound it would otherwise print equal
 * to (0.0504 against a maximum of 0.05), it takes as many more decimals as tell them apart.
 */
export function formatMetric(metric: ExpectableMetric, value: number, bound?: number): string {
  const f = METRIC_FORMAT[metric];
  let decimals = f.decimals;
  while (bound !== undefined && value !== bound && decimals < 6 && Number(value.toFixed(decimals)) === bound)
    decimals++;
  return `${plain(value, decimals)}${f.unit}`;
}

/** Fixed decimals without trailing zeros: 4.90 → 4.9, 12.000 → 12. */
function plain(value: number, decimals: number): string {
  const text = value.toFixed(decimals);
  if (Number(text) === 0) return '0';
  return text.includes('.') ? text.replace(/\.?0+$/, '') : text;
}
