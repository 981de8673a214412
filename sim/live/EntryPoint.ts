// The shared shell of the testbed's entry points (VPN concentrator, zero-trust broker, plant
// fabric): a bounded handshake, then every connection decided by the simulator's AccessLayer,
// audited, and relayed to the emulated service — with Modbus read frame by frame where the PDP
// decided. Subclasses say only how a client proves who it is.
import { connect as dial, createServer, type Server, type Socket } from 'node:net';
import type { Action } from '../model/catalog.js';
import type { AssetNode, PlantModel } from '../model/plantModel.js';
import type { AccessLayer, AccessState, ConnectOutcome, Origin } from '../net/AccessLayer.js';
import { closeServer, LOOPBACK, listenLoopback } from './freePort.js';
import { readLine, writeLine } from './lines.js';
import { meets, presentedCredential } from './serviceAuth.js';
import type { LiveAudit } from './LiveAudit.js';
import type { PlantServices } from './PlantServices.js';
import { relay, type FrameGuard } from './relay.js';
import type { Secrets } from './secrets.js';

export interface EntryLimits {
  /** Time a client has to send its handshake line. */
  helloTimeoutMs: number;
  /** Handshakes in progress at once; more are dropped (a flood of connection attempts). */
  maxPending: number;
  /** Relayed connections open at once. */
  maxOpen: number;
  /** Time a started Modbus frame has to arrive in full. */
  frameTimeoutMs: number;
}

export const DEFAULT_LIMITS: EntryLimits = { helloTimeoutMs: 2000, maxPending: 64, maxOpen: 512, frameTimeoutMs: 2000 };

export interface EntryContext {
  access: AccessLayer;
  services: PlantServices;
  secrets: Secrets;
  audit: LiveAudit;
  limits: EntryLimits;
  state(): AccessState;
}

export type Hello = { op?: unknown } & Record<string, unknown>;

/** A client that proved who it is: one origin or more (tried in order). `source` names it in the audit trail. */
export interface Admitted {
  origins: Origin[];
  source: string;
}

/** What the subclass makes of a connection the AccessLayer allowed. */
export interface Opened {
  allows(action: Action): boolean;
  reply?: Record<string, unknown>;
  closed?(): void;
}

export type Reply = { ok: true } & Record<string, unknown>;
export type Refusal = { ok: false; reason: string; block?: string };

export abstract class EntryPoint {
  abstract readonly kind: 'vpn' | 'broker' | 'fabric';
  port = 0;
  readonly #server: Server = createServer((socket) => void this.#handle(socket));
  readonly #sockets = new Set<Socket>();
  #pending = 0;
  #open = 0;

  constructor(protected readonly ctx: EntryContext) {}

  async start(): Promise<this> {
    this.port = await listenLoopback(this.#server);
    return this;
  }

  /** Stops listening and cuts every connection. */
  async close(): Promise<void> {
    for (const s of this.#sockets) s.destroy();
    await closeServer(this.#server);
  }

  protected abstract login(hello: Hello): Reply | Refusal;
  protected abstract admit(hello: Hello): Admitted | Refusal;

  /**
   * A hook once the AccessLayer allowed; a refusal here ends the connection. By default another
   * function on the same connection is decided like a new connection (an enclave gateway's PDP).
   */
  protected opened(
    admitted: Admitted,
    _origin: Origin,
    target: AssetNode,
    action: Action,
    _outcome: ConnectOutcome & { ok: true },
    _socket: Socket,
  ): Opened | Refusal {
    return { allows: (other) => other === action || this.decide(admitted, target, other).outcome.ok };
  }

  protected refuse(reason: string, event: Record<string, unknown> = {}): Refusal {
    this.ctx.audit.record({ type: 'live.refused', entry: this.kind, reason, ...event });
    return { ok: false, reason };
  }

  async #handle(socket: Socket): Promise<void> {
    const { limits } = this.ctx;
    this.#sockets.add(socket);
    socket.on('close', () => this.#sockets.delete(socket));
    socket.on('error', () => socket.destroy());
    if (this.#pending >= limits.maxPending || this.#open >= limits.maxOpen) {
      this.refuse('overload', { pending: this.#pending, open: this.#open });
      socket.destroy();
      return;
    }
    this.#pending++;
    let hello: Hello;
    try {
      const line = await readLine(socket, { maxBytes: 4096, timeoutMs: limits.helloTimeoutMs });
      const parsed: unknown = JSON.parse(line);
      if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error('not a JSON object');
      hello = parsed as Hello;
    } catch (error) {
      this.#pending--;
      this.refuse('bad-handshake', { detail: (error as Error).message });
      socket.destroy();
      return;
    }
    this.#pending--;
    if (hello.op === 'login') {
      writeLine(socket, this.login(hello));
      socket.end();
      return;
    }
    if (hello.op !== 'connect') {
      writeLine(socket, this.refuse('bad-handshake', { detail: `unknown op ${JSON.stringify(hello.op)}` }));
      socket.end();
      return;
    }
    await this.#connect(socket, hello);
  }

  async #connect(socket: Socket, hello: Hello): Promise<void> {
    const { access, services } = this.ctx;
    const finish = (refusal: Refusal): void => {
      writeLine(socket, refusal);
      socket.end();
    };
    const index = typeof hello.asset === 'string' ? access.model.assetIndex.get(hello.asset) : undefined;
    const action =
      typeof hello.action === 'string' && access.model.vocab.action(hello.action) !== undefined
        ? (hello.action as Action)
        : undefined;
    if (index === undefined || action === undefined)
      return finish(this.refuse('bad-handshake', { detail: 'connect needs a known asset and action' }));
    const admitted = this.admit(hello);
    if ('ok' in admitted) return finish(admitted);
    const target = access.model.assets[index]!;
    const { origin, outcome } = this.decide(admitted, target, action);
    if (!outcome.ok) return finish({ ok: false, block: outcome.block, reason: outcome.reason });
    const protocol = access.model.vocab.protocolOf(action);
    const door = doorFor(access, origin, target, action, this.ctx.state());
    const port = services.port(target.id, protocol, target.services[door]!.port)!;
    // What the service asks of each function, met or not by the credential the connect line names.
    const needs = access.hosts.requirements(target, door);
    const credential = presentedCredential(access.model, this.ctx.secrets, hello);
    const authorized = (a: Action) => meets(access.model, target, protocol, needs, a, credential);
    const upstream = dial(port, LOOPBACK);
    upstream.setNoDelay(true);
    socket.setNoDelay(true);
    const ready = await new Promise<boolean>((resolve) => {
      upstream.once('connect', () => resolve(true));
      upstream.once('error', () => resolve(false));
    });
    if (!ready || socket.destroyed) {
      upstream.destroy();
      return finish({ ok: false, reason: `${target.id}:${protocol} does not answer` });
    }
    const opened = this.opened(admitted, origin, target, action, outcome, socket);
    if ('ok' in opened) {
      upstream.destroy();
      return finish(opened);
    }
    this.#open++;
    socket.once('close', () => {
      this.#open--;
      opened.closed?.();
    });
    writeLine(socket, { ok: true, layer: outcome.layer, ...opened.reply });
    const guard: FrameGuard | null =
      protocol === 'modbus' && (outcome.layer !== 'network' || needs.some((n) => n.kind !== 'open'))
        ? {
            allows: (a) => opened.allows(a) && authorized(a),
            refused: (problem, detail, frame) =>
              this.ctx.audit.record({
                type: 'live.frame-refused',
                entry: this.kind,
                source: admitted.source,
                target: target.id,
                problem,
                detail,
                functionCode: frame?.functionCode ?? null,
              }),
            frameTimeoutMs: this.ctx.limits.frameTimeoutMs,
          }
        : null;
    relay(socket, upstream, guard);
  }

  /** The AccessLayer's answer for the first origin that gets through (or the last refusal), audited. */
  protected decide(admitted: Admitted, target: AssetNode, action: Action): { origin: Origin; outcome: ConnectOutcome } {
    const connect = (origin: Origin) => this.ctx.access.connect(origin, target.index, action, this.ctx.state());
    let origin = admitted.origins[0]!;
    let outcome = connect(origin);
    for (const next of admitted.origins.slice(1)) {
      if (outcome.ok) break;
      origin = next;
      outcome = connect(next);
    }
    const decision = outcome.decision;
    this.ctx.audit.record({
      type: 'live.connect',
      entry: this.kind,
      source: admitted.source,
      target: target.id,
      action,
      effect: outcome.ok ? 'allow' : 'deny',
      ...(outcome.ok ? { layer: outcome.layer } : { block: outcome.block, reason: outcome.reason }),
      ruleId: decision?.ruleId ?? null,
    });
    return { origin, outcome };
  }
}

/**
 * The service a connection goes to, by index: the first of the target's services for the action's
 * protocol that lets the origin through, as the AccessLayer tries them (ssh on 22 dropped by the
 * host firewall, on 2222 allowed: 2222), else the first of that protocol.
 */
export function doorFor(
  access: AccessLayer,
  origin: Origin,
  target: AssetNode,
  action: Action,
  state: AccessState,
): number {
  const protocol = access.model.vocab.protocolOf(action);
  const doors = target.services.flatMap((s, k) => (s.protocol === protocol ? [k] : []));
  return doors.find((k) => access.connect(origin, target.index, action, state, k).ok) ?? doors[0]!;
}

export function isInteractive(model: PlantModel, action: Action): boolean {
  return model.vocab.action(action)?.meaning === 'interactive-logon';
}
