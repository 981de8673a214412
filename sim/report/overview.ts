// One paragraph over every attack: which design lets a PLC fall least often, where another design
// does better, and where the design makes no difference. The viewer's overview and `segsim matrix` say it.
import { pct } from './rows.js';

export interface AttackOutcome {
  attack: string;
  /** Per design, in the same order for every attack: P(PLC reached). */
  designs: { id: string; plcReached: number }[];
}

const range = (xs: number[]) => {
  const lo = Math.min(...xs);
  const hi = Math.max(...xs);
  return lo === hi ? pct(lo) : `${pct(lo)} to ${pct(hi)}`;
};
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const list = (xs: string[]) => (xs.length < 2 ? xs.join('') : `${xs.slice(0, -1).join(', ')} and ${xs.at(-1)}`);

export function overviewSentence(outcomes: readonly AttackOutcome[]): string {
  const ids = outcomes[0]!.designs.map((d) => d.id);
  const share = (id: string) => outcomes.map((o) => o.designs.find((d) => d.id === id)!.plcReached);
  const n = outcomes.length;
  const out: string[] = [];
  const across = n === 1 ? `Under ${outcomes[0]!.attack}` : `Across ${n} attacks`;
  if (ids.length === 1) {
    out.push(`${across}, ${ids[0]} lets a PLC fall in ${range(share(ids[0]!))} of runs.`);
    return out.join(' ');
  }
  // The first of the lowest mean: a tie goes to the design listed first.
  const best = ids.reduce((b, id) => (mean(share(id)) < mean(share(b)) ? id : b));
  const spread = (id: string) => (n > 1 && range(share(id)).includes(' to ') ? ` (${range(share(id))})` : '');
  const others = ids.filter((id) => id !== best).map((id) => `${pct(mean(share(id)))} for ${id}${spread(id)}`);
  const each = n === 1 ? 'of runs' : 'of runs on average';
  out.push(
    `${across}, ${best} lets a PLC fall least often: ${pct(mean(share(best)))} ${each}${spread(best) === '' ? '' : ` (${range(share(best))} by attack)`}, against ${list(others)}.`,
  );
  for (const o of outcomes) {
    const mine = o.designs.find((d) => d.id === best)!.plcReached;
    const better = o.designs.filter((d) => d.plcReached < mine);
    const same = o.designs.every((d) => d.plcReached === mine);
    if (better.length > 0)
      out.push(
        `Under ${o.attack}, ${list(better.map((d) => `${d.id} (${pct(d.plcReached)})`))} ${better.length === 1 ? 'does' : 'do'} better than ${best} (${pct(mine)}).`,
      );
    else if (same && mine > 0) out.push(`Under ${o.attack} every design lets a PLC fall in ${pct(mine)} of runs.`);
  }
  return out.join(' ');
}
