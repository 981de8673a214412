// Every service of every asset of the plant, on 127.0.0.1 with a port of its own: Modbus as real
// PLCs, the rest as small listeners that greet and answer one command a line.
import { createServer, type Server, type Socket } from 'node:net';
import type { Requirement } from '../model/auth.js';
import type { Protocol } from '../model/catalog.js';
import type { HostRules } from '../net/hostRules.js';
import type { AssetNode, PlantModel } from '../model/plantModel.js';
import { closeServer, listenLoopback } from './freePort.js';
import { greeting, hostCommand, type HostContext } from './hostCommands.js';
import { readLine, writeLine } from './lines.js';
import { ModbusPlc, PROCESS_VALUE_BASE } from './ModbusPlc.js';
import type { Secrets } from './secrets.js';

export interface ServiceEndpoint {
  asset: string;
  zone: string;
  protocol: Protocol;
  /** The port the scenario gives the service. */
  modelPort: number;
  /** Where it listens here. */
  port: number;
}

const COMMAND_LIMITS = { maxBytes: 512, timeoutMs: 30_000 };

export class PlantServices {
  readonly endpoints: ServiceEndpoint[] = [];
  readonly plcs = new Map<string, ModbusPlc>();
  /** Lines with a controller that took a write or a command, in the order they were hit. */
  readonly disrupted: string[] = [];
  readonly #servers: Server[] = [];
  readonly #sockets = new Set<Socket>();
  readonly #ports = new Map<string, number>();

  private constructor(
    readonly model: PlantModel,
    readonly secrets: Secrets,
  ) {}

  /** Starts the services of `assets` (default: all of them). */
  /** `hosts`: the design's rules, so each service authenticates as the design says. */
  static async start(
    model: PlantModel,
    secrets: Secrets,
    assets?: readonly AssetNode[],
    hosts?: HostRules,
  ): Promise<PlantServices> {
    const plant = new PlantServices(model, secrets);
    try {
      for (const asset of assets ?? model.assets)
        for (const [i, service] of asset.services.entries())
          await plant.#startOne(asset, service.protocol, service.port, hosts?.requirements(asset, i));
    } catch (error) {
      await plant.close();
      throw error;
    }
    return plant;
  }

  /** The loopback port of an asset's service at its plant port (ssh on 22 and on 2222 are two), or undefined. */
  port(asset: string, protocol: Protocol, modelPort: number): number | undefined {
    return this.#ports.get(`${asset}/${protocol}/${modelPort}`);
  }

  /** A controller took a write or a command: its line is disrupted. */
  hit(asset: AssetNode): void {
    const line = asset.line >= 0 ? this.model.lines[asset.line]!.id : null;
    if (line !== null && !this.disrupted.includes(line)) this.disrupted.push(line);
  }

  async close(): Promise<void> {
    for (const s of this.#sockets) s.destroy();
    await Promise.all([...this.#servers.map(closeServer), ...[...this.plcs.values()].map((p) => p.close())]);
  }

  async #startOne(
    asset: AssetNode,
    protocol: Protocol,
    modelPort: number,
    needs: readonly Requirement[] | undefined,
  ): Promise<void> {
    let port: number;
    if (protocol === 'modbus') {
      const plc = await ModbusPlc.start(asset.id, PROCESS_VALUE_BASE + 10 * asset.index, () => this.hit(asset));
      this.plcs.set(asset.id, plc);
      port = plc.port;
    } else {
      const server = createServer((socket) =>
        this.#serve(socket, {
          model: this.model,
          asset,
          protocol,
          secrets: this.secrets,
          ...(needs === undefined ? {} : { needs }),
        }),
      );
      this.#servers.push(server);
      port = await listenLoopback(server);
    }
    this.#ports.set(`${asset.id}/${protocol}/${modelPort}`, port);
    this.endpoints.push({ asset: asset.id, zone: this.model.zones[asset.zone]!.id, protocol, modelPort, port });
  }

  async #serve(socket: Socket, ctx: HostContext): Promise<void> {
    this.#sockets.add(socket);
    socket.on('close', () => this.#sockets.delete(socket));
    socket.on('error', () => socket.destroy());
    writeLine(socket, greeting(ctx));
    const session = { projectUnlocked: false };
    try {
      for (;;) {
        const answer = hostCommand(ctx, session, await readLine(socket, COMMAND_LIMITS));
        if (answer.effect === 'control') this.hit(ctx.asset);
        writeLine(socket, answer.reply);
      }
    } catch {
      socket.destroy();
    }
  }
}
