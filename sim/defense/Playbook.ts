// The response playbook in rounds: a detection or an investigation finding starts a round after
// the triage time (unless one is already waiting); each step then runs at its own time from the
// round's start, works with its odds, and acts on what the defenders know at that moment.
import type { RandomStream } from '../kernel/index.js';
import type { PlaybookStep, Response } from '../model/schema.js';
import type { World } from '../world/World.js';
import type { Incident } from './Incident.js';
import { applyStep, type Lift, REIMAGE_HOURS } from './responseActions.js';

export class Playbook {
  private readonly rng: RandomStream;
  private readonly steps: PlaybookStep[];
  private waiting = false;
  private rounds = 0;

  constructor(
    private readonly world: World,
    private readonly incident: Incident,
    private readonly response: Response,
  ) {
    // Its own stream: the playbook's times and odds move no sensor's draw.
    this.rng = world.kernel.stream('response');
    const now = { dist: 'constant', value: 0 } as const;
    this.steps = [...response.actions.map((action) => ({ action, after: now, probability: 1 })), ...response.playbook];
  }

  /** Something new is known: a round starts after the triage time, unless one is already waiting. */
  trigger(): void {
    if (this.waiting) return;
    this.waiting = true;
    this.world.kernel.schedule(this.rng.sample(this.response.time), () => this.run());
  }

  private run(): void {
    const w = this.world;
    const k = this.incident;
    this.waiting = false;
    w.emit({
      type: 'defense.respond',
      detail: `response round ${++this.rounds}: ${count(k.hosts.size, 'host')}, ${count(k.identities.size, 'identity', 'identities')} and ${count(k.credentials.size, 'credential')} known`,
    });
    for (const step of this.steps) {
      // Every draw is made whatever the outcome, so the stream stays aligned across designs.
      const after = this.rng.sample(step.after);
      const works = this.rng.bernoulli(step.probability);
      const duration = step.duration ?? (step.action === 'reimage-host' ? REIMAGE_HOURS : undefined);
      const lasts = duration === undefined ? Infinity : this.rng.sample(duration);
      const act = () => this.act(step, works, lasts);
      if (after === 0) act();
      else w.kernel.schedule(after, act);
    }
  }

  private act(step: PlaybookStep, works: boolean, lasts: number): void {
    const w = this.world;
    if (!works) {
      w.emit({
        type: 'defense.act',
        action: step.action,
        targets: [],
        outcome: 'failed',
        detail: `${step.action} did not work this time`,
      });
      return;
    }
    const lift: Lift | null = Number.isFinite(lasts) ? (what, undo) => this.lift(step, lasts, what, undo) : null;
    const targets = applyStep(w, this.incident, step, lift);
    w.emit({
      type: 'defense.act',
      action: step.action,
      targets,
      outcome: 'done',
      detail: targets.length > 0 ? `${step.action}: ${targets.join(', ')}` : `${step.action}: nothing new to act on`,
    });
    if (targets.length > 0) w.respond();
  }

  private lift(step: PlaybookStep, hours: number, what: string, undo: () => void): void {
    const w = this.world;
    if (w.now + hours >= w.horizon) return;
    w.kernel.schedule(hours, () => {
      undo();
      w.emit({
        type: 'defense.lift',
        action: step.action,
        target: what,
        detail:
          step.action === 'reimage-host'
            ? `${what} back in service, reimaged clean`
            : `${step.action} of ${what} lifted after ${hours.toFixed(1)} h`,
      });
      w.respond(true);
    });
  }
}

const count = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
