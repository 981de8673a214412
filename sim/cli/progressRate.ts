// The rate behind a progress line and its time left: an exponentially smoothed rate, so the
// estimate follows a real change of pace (a slower design) without jumping at every sample.

/** Seconds over which an old sample's weight falls to 1/e. */
const TIME_CONSTANT = 30;

export class SmoothedRate {
  private last: { t: number; done: number } | null = null;
  private rate: number | null = null;

  constructor(private readonly timeConstant = TIME_CONSTANT) {}

  /** Work done by `t` seconds (from any origin, never going back). */
  observe(t: number, done: number): void {
    const last = this.last;
    if (last === null) {
      this.last = { t, done };
      return;
    }
    const dt = t - last.t;
    if (dt <= 0) return;
    const now = (done - last.done) / dt;
    this.rate = this.rate === null ? now : this.rate + (1 - Math.exp(-dt / this.timeConstant)) * (now - this.rate);
    this.last = { t, done };
  }

  /** Units per second; null before two samples. */
  perSecond(): number | null {
    return this.rate;
  }

  /** Seconds until `remaining` more units are done at the smoothed rate; null while unknown. */
  secondsLeft(remaining: number): number | null {
    return this.rate === null || this.rate <= 0 ? null : remaining / this.rate;
  }
}

/** 7s, 1m05s, 2h03m. */
export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`;
  return `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m`;
}
