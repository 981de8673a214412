// What the processes report for the run's metrics, and nothing else: the metrics floor keeps the
// counts (processes may not import it), the world hands the recorder to every process.

export interface RunRecorder {
  /** One attacker action; `audited` when the audit trail holds it. */
  attackerAction(audited: boolean): void;
  /**
   * A connection the network or the policy refused, or (`held`) the PDP held for an approval;
   * `mitigation` is the ATT&CK for ICS mitigation that stopped it, if one did.
   */
  refused(held: boolean, mitigation: string | null): void;
  /** A controller came under the attacker's command at simulated time `at`. */
  controllerTaken(at: number): void;
  /** A technician asked for access. */
  workloadRequest(): void;
  /** A technician got access after `accessHours`, with `exposure` asset-hours of reach. */
  workloadGranted(accessHours: number, exposure: number): void;
  workloadFailed(): void;
}
