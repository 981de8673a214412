// One hash-chained audit log for the whole testbed: the PDP's session records and the entry
// points' own (connections decided, frames and handshakes refused), on the testbed's clock.
import { AuditLog, type AuditSink } from '../policy/index.js';
import type { LiveClock } from './LiveClock.js';

export class LiveAudit {
  readonly log = new AuditLog();

  constructor(private readonly clock: LiveClock) {}

  /** For the SessionTable: it stamps its own records with the same clock. */
  get sink(): AuditSink {
    return { append: (time, event) => this.log.append(Math.max(time, this.#last()), event) };
  }

  record(event: { type: string } & Record<string, unknown>): void {
    this.log.append(Math.max(this.clock.now, this.#last()), event);
  }

  #last(): number {
    return this.log.records.at(-1)?.time ?? 0;
  }
}
