// Builders for policy tests: rules go through the real schema so defaults match scenarios.
import { ruleSchema, windowSchema, type Rule, type TimeWindow } from '../../sim/model/schema.js';
import type { Action } from '../../sim/model/catalog.js';
import type { AccessRequest, ResourceAttributes, SubjectAttributes } from '../../sim/policy/types.js';

export function rule(input: { id: string } & Record<string, unknown>): Rule {
  return ruleSchema.parse({ subjects: { roles: ['tech'] }, actions: ['s7.read'], resources: ['*'], ...input });
}

export function window(input: { id: string; start: number; duration: number; every?: number }): TimeWindow {
  return windowSchema.parse(input);
}

export const plc1: ResourceAttributes = { id: 'l1-plc1', zone: 'cell1', line: 'line1', kind: 'plc', level: 1 };
export const plc2: ResourceAttributes = { id: 'l2-plc1', zone: 'cell2', line: 'line2', kind: 'plc', level: 1 };
export const hmi1: ResourceAttributes = { id: 'l1-hmi1', zone: 'cell1', line: 'line1', kind: 'hmi', level: 2 };
export const historian: ResourceAttributes = { id: 'historian', zone: 'ops', kind: 'historian', level: 3 };

export function subject(overrides: Partial<SubjectAttributes> = {}): SubjectAttributes {
  return {
    user: 'alice',
    roles: ['tech'],
    groups: [],
    org: 'oem',
    device: 'laptop1',
    managedDevice: true,
    posture: { patched: true },
    ...overrides,
  };
}

export function request(
  action: Action = 's7.read',
  resource: ResourceAttributes = plc1,
  overrides: Partial<AccessRequest> = {},
): AccessRequest {
  return { subject: subject(), resource, action, ...overrides };
}

/** A deterministic clock for session tests: events at equal times run in scheduling order. */
export class FakeScheduler {
  now = 0;
  #events = new Map<number, { at: number; fn: () => void }>();
  #next = 1;

  schedule(delay: number, fn: () => void): number {
    if (!(delay >= 0)) throw new Error(`negative delay ${delay}`);
    const handle = this.#next++;
    this.#events.set(handle, { at: this.now + delay, fn });
    return handle;
  }

  cancel(handle: number): boolean {
    return this.#events.delete(handle);
  }

  get pending(): number {
    return this.#events.size;
  }

  /** Runs every event due up to `time`, then sets the clock there. */
  runUntil(time: number): void {
    for (;;) {
      let first: [number, { at: number; fn: () => void }] | undefined;
      for (const entry of this.#events)
        if (entry[1].at <= time && (first === undefined || entry[1].at < first[1].at)) first = entry;
      if (first === undefined) break;
      this.#events.delete(first[0]);
      this.now = first[1].at;
      first[1].fn();
    }
    this.now = time;
  }
}
