// An emulated PLC: a real Modbus/TCP server (modbus-serial's ServerTCP) over a register map the
// testbed owns, so a write that lands is seen: the value changes and the PLC's line is disrupted.
import modbusSerial from 'modbus-serial';
import { freePort, LOOPBACK } from './freePort.js';

type ServerTCP = InstanceType<typeof modbusSerial.ServerTCP>;

/** Holding registers 0-9 start at this plus ten times the PLC's position in the plant. */
export const PROCESS_VALUE_BASE = 1000;

export interface PlcWrite {
  kind: 'register' | 'coil';
  address: number;
  value: number;
}

export class ModbusPlc {
  readonly holding = new Uint16Array(65536);
  readonly coils = new Uint8Array(65536);
  readonly writes: PlcWrite[] = [];

  private constructor(
    readonly asset: string,
    readonly port: number,
    private readonly server: ServerTCP,
  ) {}

  /** Starts the server on 127.0.0.1; `onWrite` hears every write that lands. */
  static async start(asset: string, seedValue: number, onWrite: (w: PlcWrite) => void): Promise<ModbusPlc> {
    // ServerTCP reads port 0 as "the default 502", so it gets a port that was free a moment ago,
    // and another one should something take it in between.
    for (let attempt = 1; ; attempt++) {
      const port = await freePort();
      const box: { plc?: ModbusPlc } = {};
      const record = (w: PlcWrite): void => {
        box.plc?.writes.push(w);
        onWrite(w);
      };
      const vector = {
        getHoldingRegister: (addr: number) => box.plc!.holding[addr] ?? 0,
        getInputRegister: (addr: number) => box.plc!.holding[addr] ?? 0,
        getCoil: (addr: number) => box.plc!.coils[addr] === 1,
        getDiscreteInput: (addr: number) => box.plc!.coils[addr] === 1,
        setRegister: (addr: number, value: number) => {
          box.plc!.holding[addr] = value;
          record({ kind: 'register', address: addr, value });
        },
        setCoil: (addr: number, value: boolean) => {
          box.plc!.coils[addr] = value ? 1 : 0;
          record({ kind: 'coil', address: addr, value: value ? 1 : 0 });
        },
      };
      const server = new modbusSerial.ServerTCP(vector, { host: LOOPBACK, port, unitID: 255 });
      const started = await new Promise<boolean>((resolve) => {
        server.on('initialized', () => resolve(true));
        server.on('serverError', () => resolve(false));
      });
      // A peer that vanishes mid-write is its own problem, not the PLC's.
      server.on('socketError', () => undefined);
      server.on('error', () => undefined);
      if (started) {
        const plc = new ModbusPlc(asset, port, server);
        for (let i = 0; i < 10; i++) plc.holding[i] = seedValue + i;
        box.plc = plc;
        return plc;
      }
      await new Promise<void>((resolve) => server.close(() => resolve()));
      if (attempt === 5) throw new Error(`no free loopback port for the PLC ${asset} after 5 tries`);
    }
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
