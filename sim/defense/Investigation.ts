// The investigation: from the first detection on, the defenders look for the attacker's other
// footholds. Each live foothold not yet known is found after an exponential time: at the linked
// rate when a lead points at it (see Incident.linked), else at the base rate. A foothold that
// becomes linked later races one more exponential at the difference of the rates: with competing
// exponentials (memoryless) that is exactly a switch to the linked rate from then on.
import type { RandomStream } from '../kernel/index.js';
import type { Response } from '../model/schema.js';
import type { FootholdRecord, World } from '../world/World.js';
import type { Incident } from './Incident.js';

/** Rates below this (per hour) are no search at all: a mean time past any horizon. */
const NO_SEARCH = 1e-9;

export class Investigation {
  private readonly rng: RandomStream;
  private active = false;
  /** Footholds with a draw at the base rate, and those that also raced the linked rate. */
  private readonly watched = new Set<number>();
  private readonly leads = new Set<number>();

  constructor(
    private readonly world: World,
    private readonly incident: Incident,
    private readonly rates: Response['investigation'],
    /** Called when a live foothold nobody knew of is found. */
    private readonly onFound: (f: FootholdRecord) => void,
  ) {
    this.rng = world.kernel.stream('investigation');
  }

  /** Footholds gained once the search is on get their draw at once. */
  start(): void {
    this.world.onFoothold.push((f) => {
      if (this.active) this.watch(f);
    });
  }

  /** The first detection starts the search for every live foothold. */
  begin(): void {
    if (this.active) return;
    this.active = true;
    for (const f of this.world.footholds) this.watch(f);
  }

  /** The known set grew: footholds a lead now points at race the linked rate. */
  relink(): void {
    if (!this.active) return;
    for (const f of this.world.footholds) {
      if (!this.open(f) || !this.watched.has(f.id) || this.leads.has(f.id) || !this.incident.linked(f)) continue;
      this.leads.add(f.id);
      this.draw(f, this.rates.linkedPerHour - this.rates.perHour);
    }
  }

  private watch(f: FootholdRecord): void {
    if (!this.open(f) || this.watched.has(f.id)) return;
    this.watched.add(f.id);
    const linked = this.incident.linked(f);
    if (linked) this.leads.add(f.id);
    this.draw(f, linked ? this.rates.linkedPerHour : this.rates.perHour);
  }

  private draw(f: FootholdRecord, perHour: number): void {
    if (perHour < NO_SEARCH) return;
    const w = this.world;
    const hours = this.rng.sample({ dist: 'exponential', mean: 1 / perHour });
    if (w.now + hours >= w.horizon) return;
    w.kernel.schedule(hours, () => {
      if (this.open(f)) this.onFound(f);
    });
  }

  /** Live and not known yet: worth finding. */
  private open(f: FootholdRecord): boolean {
    return f.live && !this.incident.footholds.has(f.id);
  }
}
