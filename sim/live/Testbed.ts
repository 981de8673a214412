// One design of one plant, live on loopback: the emulated services, the design's entry points
// (VPN concentrator, zero-trust broker, the plant's own network with its conduits and enclave
// gateways), one PDP session table and one audit chain. Started and stopped as a whole.
import type { PlantModel } from '../model/plantModel.js';
import type { Design } from '../model/schema.js';
import { AccessLayer, type AccessState } from '../net/AccessLayer.js';
import { approveAll, SessionTable, type Session, type Signal } from '../policy/index.js';
import { DEFAULT_LIMITS, type EntryContext, type EntryLimits } from './EntryPoint.js';
import { LiveAudit } from './LiveAudit.js';
import { LiveClock } from './LiveClock.js';
import { PlantFabric } from './PlantFabric.js';
import { PlantServices } from './PlantServices.js';
import { Secrets } from './secrets.js';
import { VpnConcentrator } from './VpnConcentrator.js';
import { ZtBroker } from './ZtBroker.js';

export interface TestbedOptions {
  /** Scenario hour the testbed opens at (default 0): maintenance windows are read against it. */
  startHour?: number;
  /** The per-run key as 64 hex digits; a random one when absent. */
  key?: string;
  limits?: Partial<EntryLimits>;
  /** An approver who grants every just-in-time approval asked for (an attack's approval fatigue). */
  approveEverything?: boolean;
  /** Assets reachable from the internet (an exposed-service attack's entry). */
  exposed?: readonly string[];
}

export interface EntryEndpoint {
  name: 'vpn-concentrator' | 'zt-broker' | 'plant-fabric';
  port: number;
}

export class Testbed {
  #stopped = false;

  private constructor(
    /** Locked user, device and asset ids: every entry point refuses them. */
    readonly locks: Set<string>,
    readonly access: AccessLayer,
    readonly clock: LiveClock,
    readonly secrets: Secrets,
    readonly audit: LiveAudit,
    readonly services: PlantServices,
    readonly fabric: PlantFabric,
    readonly vpn: VpnConcentrator | null,
    readonly broker: ZtBroker | null,
    readonly sessions: SessionTable | null,
    private readonly stopSweep: () => void,
  ) {}

  static async start(model: PlantModel, design: Design, options: TestbedOptions = {}): Promise<Testbed> {
    const access = new AccessLayer(model, design);
    const clock = new LiveClock(options.startHour ?? 0);
    const secrets = new Secrets(options.key);
    const audit = new LiveAudit(clock);
    const services = await PlantServices.start(model, secrets, undefined, access.hosts);
    const locks = new Set<string>();
    const approvals = options.approveEverything ? approveAll(access.policy, () => Infinity) : undefined;
    const state = (): AccessState => ({ time: clock.now, locks, ...(approvals === undefined ? {} : { approvals }) });
    const ctx: EntryContext = {
      access,
      services,
      secrets,
      audit,
      limits: { ...DEFAULT_LIMITS, ...options.limits },
      state,
    };
    const fabric = new PlantFabric(ctx);
    fabric.exposed = (options.exposed ?? []).map((id) => model.assetIndex.get(id)!);
    const vpn = design.vpn === undefined ? null : new VpnConcentrator(ctx);
    let broker: ZtBroker | null = null;
    let sessions: SessionTable | null = null;
    let stopSweep = (): void => undefined;
    if (design.zt !== undefined) {
      const table = new SessionTable(access.policy, clock, {
        audit: audit.sink,
        maxDenied: design.zt.maxDenied,
        onRevoke: (s) => broker?.cut(s.id),
        onClose: (s, reason) => {
          if (reason === 'expired') broker?.cut(s.id);
        },
      });
      sessions = table;
      broker = new ZtBroker(ctx, table, design.zt.sessionTtlHours);
      stopSweep = table.sweepEvery(design.zt.sweepHours);
    }
    const bed = new Testbed(locks, access, clock, secrets, audit, services, fabric, vpn, broker, sessions, stopSweep);
    try {
      await Promise.all([fabric.start(), vpn?.start(), broker?.start()]);
    } catch (error) {
      await bed.stop();
      throw error;
    }
    return bed;
  }

  get entries(): EntryEndpoint[] {
    const out: EntryEndpoint[] = [];
    if (this.vpn !== null) out.push({ name: 'vpn-concentrator', port: this.vpn.port });
    if (this.broker !== null) out.push({ name: 'zt-broker', port: this.broker.port });
    out.push({ name: 'plant-fabric', port: this.fabric.port });
    return out;
  }

  /**
   * A policy signal: the session table re-evaluates what it touches and cuts what no longer holds.
   * A lock also refuses new connections at every entry point.
   */
  signal(signal: Signal): Session[] {
    if (signal.kind === 'lock') this.locks.add(signal.id);
    if (signal.kind === 'unlock') this.locks.delete(signal.id);
    return this.sessions?.signal(signal) ?? [];
  }

  /** Ends every live session of a user at once (the response's "revoke sessions"). */
  revokeSessions(user: string): Session[] {
    return this.sessions?.signal({ kind: 'risk', user, score: 1 }) ?? [];
  }

  /** Stops everything and releases every port; safe to call twice. */
  async stop(): Promise<void> {
    if (this.#stopped) return;
    this.#stopped = true;
    this.stopSweep();
    this.clock.dispose();
    await Promise.all([this.fabric.close(), this.vpn?.close(), this.broker?.close(), this.services.close()]);
  }
}
