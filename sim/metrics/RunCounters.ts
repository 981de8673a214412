// The counts one run's metrics are made of, as the processes report them (world/RunRecorder.ts).
import type { RunRecorder } from '../world/RunRecorder.js';

export class RunCounters implements RunRecorder {
  attackerActions = 0;
  auditedActions = 0;
  deniedRequests = 0;
  heldForApproval = 0;
  /** Refused attacker steps by the ATT&CK for ICS mitigation that stopped them. */
  readonly blockedBy: Record<string, number> = {};
  firstControllerAt: number | null = null;
  workloadRequests = 0;
  workloadFailures = 0;
  /** Time to access of every served request, in the order they were served. */
  readonly accessHours: number[] = [];
  /** Assets reachable × hours, summed over served requests. */
  exposure = 0;

  attackerAction(audited: boolean): void {
    this.attackerActions++;
    if (audited) this.auditedActions++;
  }

  refused(held: boolean, mitigation: string | null): void {
    if (held) this.heldForApproval++;
    else this.deniedRequests++;
    if (mitigation !== null) this.blockedBy[mitigation] = (this.blockedBy[mitigation] ?? 0) + 1;
  }

  controllerTaken(at: number): void {
    if (this.firstControllerAt === null) this.firstControllerAt = at;
  }

  workloadRequest(): void {
    this.workloadRequests++;
  }

  workloadGranted(accessHours: number, exposure: number): void {
    this.accessHours.push(accessHours);
    this.exposure += exposure;
  }

  workloadFailed(): void {
    this.workloadFailures++;
  }
}
