// A Modbus/TCP client no one here wrote (modbus-serial), used the way a user would use it.
import modbusSerial from 'modbus-serial';
import { LOOPBACK } from './freePort.js';

// A CommonJS package: its class is the module itself, typed as its default export.
const ModbusRTU = modbusSerial.default;
export type ModbusClient = InstanceType<typeof ModbusRTU>;

const TIMEOUT_MS = 2000;

/** Connects to 127.0.0.1:`port`, runs `fn`, and always closes the client. */
export async function withModbusClient<T>(port: number, fn: (client: ModbusClient) => Promise<T>): Promise<T> {
  const client = new ModbusRTU();
  try {
    await client.connectTCP(LOOPBACK, { port });
    client.setID(1);
    client.setTimeout(TIMEOUT_MS);
    return await fn(client);
  } finally {
    await closeClient(client);
  }
}

/** A short account of a client failure: the Modbus exception when there was one. */
export function modbusFailure(error: unknown): string {
  const e = error as { modbusCode?: number; message?: string; errno?: string };
  if (typeof e.modbusCode === 'number') return `Modbus exception ${e.modbusCode}`;
  return e.message ?? String(error);
}

/** close() calls back only when it closes a socket itself: not after the peer already went. */
function closeClient(client: ModbusClient): Promise<void> {
  if (!client.isOpen) return Promise.resolve();
  return new Promise((resolve) => {
    const fallback = setTimeout(resolve, 1000);
    client.close(() => {
      clearTimeout(fallback);
      resolve();
    });
  });
}
