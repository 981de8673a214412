// Commands to one controller from a way in. Over Modbus, a library client connects for reading,
// reads, then tries a write — what a technician's or an attacker's tool does — and the PLC's
// memory says whether the write landed; over the other unauthenticated protocols, one write
// command.
import type { AssetNode } from '../model/plantModel.js';
import type { Attempt } from './replay.js';
import { LocalForward, unlessRefused } from './client.js';
import { modbusFailure, withModbusClient } from './modbusClient.js';
import { REFUSED_EXCEPTION } from './modbusFrames.js';
import { attemptMove, type WayIn } from './replaySteps.js';
import type { Testbed } from './Testbed.js';

export async function controllerProbes(bed: Testbed, from: string, way: WayIn, asset: AssetNode): Promise<Attempt[]> {
  const out: Attempt[] = [];
  for (const service of asset.services) {
    if (service.protocol === 'modbus') {
      out.push(...(await modbusProbe(bed, from, way, asset.id)));
      continue;
    }
    const vocab = bed.access.model.vocab;
    if (!vocab.protocol(service.protocol)!.industrial) continue;
    const action = vocab.actionsOf(service.protocol).find((a) => vocab.action(a)!.level === 'write');
    if (action === undefined) continue;
    const hour = bed.clock.now;
    const result = await attemptMove(bed, way, asset.id, action, { kind: 'unauthenticated' });
    out.push({ from, to: asset.id, action, kind: 'probe', means: 'probe', ok: result.ok, detail: result.detail, hour });
  }
  return out;
}

async function modbusProbe(bed: Testbed, from: string, way: WayIn, asset: string): Promise<Attempt[]> {
  const forward = await LocalForward.open(way.port, { ...way.hello, asset, action: 'modbus.read' });
  const plc = bed.services.plcs.get(asset)!;
  const attempt = (action: 'modbus.read' | 'modbus.write', ok: boolean, detail: string): Attempt => ({
    from,
    to: asset,
    action,
    kind: 'probe',
    means: 'probe',
    ok,
    detail,
    hour: bed.clock.now,
  });
  const refusal = (error: unknown): string => {
    if (forward.lastReply?.ok === false) return `refused: ${forward.lastReply.reason}`;
    const failure = modbusFailure(error);
    return failure === `Modbus exception ${REFUSED_EXCEPTION}`
      ? `${failure} (Illegal Function): the function is not granted`
      : failure;
  };
  try {
    return await withModbusClient(forward.port, async (client) => {
      let read: Attempt;
      try {
        const { data } = await unlessRefused(forward, client.readHoldingRegisters(0, 2));
        read = attempt('modbus.read', true, `read registers 0-1: ${data.join(', ')}`);
      } catch (error) {
        const why = refusal(error);
        return [attempt('modbus.read', false, why), attempt('modbus.write', false, why)];
      }
      const before = plc.holding[0]!;
      const value = before === 0xbeef ? 0xdead : 0xbeef;
      try {
        await unlessRefused(forward, client.writeRegister(0, value));
        const after = plc.holding[0]!;
        return [read, attempt('modbus.write', after === value, `wrote register 0: ${before} → ${after}`)];
      } catch (error) {
        return [read, attempt('modbus.write', false, refusal(error))];
      }
    });
  } catch (error) {
    const why = refusal(error);
    return [attempt('modbus.read', false, why), attempt('modbus.write', false, why)];
  } finally {
    await forward.close();
  }
}
