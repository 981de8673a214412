// The defenders: sensors that flag attacker actions, an incident picture of what the detections
// named and the investigation found, the investigation itself and the response playbook. A
// zero-trust PDP that blocks on its own telemetry locks the flagged identity at once.
import type { Sensor } from '../model/schema.js';
import type { FootholdRecord, Observable, World } from '../world/World.js';
import { Incident } from './Incident.js';
import { Investigation } from './Investigation.js';
import { Playbook } from './Playbook.js';
import { lock } from './responseActions.js';
import { Sensors } from './Sensors.js';

export class Defenders {
  private readonly incident: Incident;
  private readonly sensors: Sensors;
  private readonly playbook: Playbook | null;
  private readonly investigation: Investigation | null;

  constructor(private readonly world: World) {
    this.incident = new Incident(world);
    this.sensors = new Sensors(world, (s, o) => this.detect(s, o));
    const response = world.design.response;
    this.playbook = response === undefined ? null : new Playbook(world, this.incident, response);
    this.investigation =
      response === undefined
        ? null
        : new Investigation(world, this.incident, response.investigation, (f) => this.found(f));
  }

  /** The sensors start watching attacker actions; the investigation, new footholds. */
  start(): void {
    this.sensors.start();
    this.investigation?.start();
  }

  private detect(s: Sensor, o: Observable): void {
    const w = this.world;
    if (w.detectedAt === null) w.detectedAt = w.now;
    w.emit({
      type: 'defense.detect',
      sensor: s.kind,
      technique: o.technique,
      ...(o.onHost !== null ? { host: w.model.assets[o.onHost]!.id } : {}),
      ...(o.identity !== null ? { identity: o.identity } : {}),
      detail: `${s.kind} flags ${o.technique}${o.note ? ` (${o.note})` : ''}${o.identity ? ` by ${o.identity}` : ''}`,
    });
    if (s.kind === 'zt-telemetry' && o.identity !== null && w.design.zt?.blockOnDetection) this.pdpBlocks(o.identity);
    this.incident.named(o.onHost, o.identity);
    this.investigation?.begin();
    this.investigation?.relink();
    this.playbook?.trigger();
    // An alert about an attacker already cut off everywhere: the incident is contained.
    if (w.footholds.length > 0 && w.footholds.every((f) => !f.live)) w.contain();
  }

  private found(f: FootholdRecord): void {
    const w = this.world;
    this.incident.found(f);
    const on = f.identity === null ? f.name : `${f.name} (${f.identity})`;
    w.emit({
      type: 'defense.find',
      foothold: f.name,
      via: f.origin.kind,
      detail: `the investigation finds the attacker on ${on}`,
    });
    this.investigation?.relink();
    this.playbook?.trigger();
  }

  /** The PDP acts on its own telemetry at once, without the response time: the identity is locked. */
  private pdpBlocks(identity: string): void {
    const w = this.world;
    if (w.locks.has(identity)) return;
    lock(w, identity);
    w.emit({
      type: 'pdp.block',
      identity,
      detail: `the PDP blocks ${identity} on its own telemetry: live sessions revoked, new ones refused`,
    });
    w.respond();
  }
}
