// The done-when tests: a real Modbus client (modbus-serial) through the zero-trust broker and
// through the VPN with the stolen shared account, and revocation cutting a live connection.
import { describe, expect, it } from 'vitest';
import { login, unlessRefused } from '../../sim/live/client.js';
import { withModbusClient } from '../../sim/live/modbusClient.js';
import { staticBlastRadius } from '../../sim/metrics/blastRadius.js';
import { verifyAuditLog } from '../../sim/policy/index.js';
import { closedWithin, forward, oemToken, pharma, startTestbed, stopAfterEach } from './support.js';

stopAfterEach();

describe('through the zero-trust broker', () => {
  it('a read grant reads holding registers and a write to the same PLC gets exception 1, not a dropped connection', async () => {
    const bed = await startTestbed(pharma(), 'zt', { startHour: 7 }); // inside the maintenance window
    const plc = bed.services.plcs.get('l1-plc3')!;
    const f = await forward(bed.broker!.port, { token: oemToken(bed), asset: 'l1-plc3', action: 'modbus.read' });
    await withModbusClient(f.port, async (client) => {
      expect((await client.readHoldingRegisters(0, 3)).data).toEqual([...plc.holding.subarray(0, 3)]);
      await expect(client.writeRegister(0, 0xbeef)).rejects.toMatchObject({ modbusCode: 1 });
      expect(plc.holding[0]).not.toBe(0xbeef);
      expect(plc.writes).toEqual([]);
      // The connection is still there: the refusal was an answer.
      expect((await client.readHoldingRegisters(0, 1)).data).toEqual([plc.holding[0]]);
    });
    const events = bed.audit.log.records.map((r) => r.event);
    expect(events).toContainEqual(
      expect.objectContaining({ type: 'live.frame-refused', problem: 'not-granted', functionCode: 6 }),
    );
    expect(events).toContainEqual(
      expect.objectContaining({ type: 'policy.decision', action: 'modbus.write', effect: 'deny', sessionId: 's1' }),
    );
    expect(verifyAuditLog(bed.audit.log.toJsonLines())).toMatchObject({ ok: true });
  });

  it('outside the maintenance window the same identity is refused at connect, with the reason', async () => {
    const bed = await startTestbed(pharma(), 'zt', { startHour: 14 });
    const f = await forward(bed.broker!.port, { token: oemToken(bed), asset: 'l1-plc3', action: 'modbus.read' });
    await withModbusClient(f.port, (client) =>
      expect(unlessRefused(f, client.readHoldingRegisters(0, 1))).rejects.toThrow(
        'refused: the policy denies modbus.read on l1-plc3',
      ),
    );
    expect(f.lastReply).toMatchObject({ ok: false, block: 'broker' });
  });

  it('a forged token is refused before any decision', async () => {
    const bed = await startTestbed(pharma(), 'zt', { startHour: 7 });
    const [body, signature] = oemToken(bed).split('.');
    const forged = `${Buffer.from(JSON.stringify({ user: 'plant-eng', mfa: true, managedDevice: true, posture: {} })).toString('base64url')}.${signature}`;
    expect(body).not.toBe(forged.split('.')[0]);
    expect(await login(bed.broker!.port, { token: forged })).toEqual({
      ok: false,
      reason: 'the token signature does not verify',
    });
  });

  it('revoking the identity closes its open Modbus connection, well within a second', async () => {
    const bed = await startTestbed(pharma(), 'zt', { startHour: 7 });
    const f = await forward(bed.broker!.port, { token: oemToken(bed), asset: 'l1-plc3', action: 'modbus.read' });
    await withModbusClient(f.port, async (client) => {
      await client.readHoldingRegisters(0, 1);
      // modbus-serial's client is an EventEmitter that says when its socket closes (not in its typings).
      const closing = closedWithin(client as unknown as NodeJS.EventEmitter, 1000);
      expect(bed.revokeSessions('oem-tech').map((s) => s.request.resource.id)).toEqual(['l1-plc3']);
      expect(await closing).toBeLessThan(1000);
    });
    expect(bed.audit.log.records.map((r) => r.event.type)).toContain('session.revoke');
  });

  it('a lock refuses new connections of the identity', async () => {
    const bed = await startTestbed(pharma(), 'zt', { startHour: 7 });
    bed.signal({ kind: 'lock', id: 'oem-tech' });
    const f = await forward(bed.broker!.port, { token: oemToken(bed), asset: 'l1-plc3', action: 'modbus.read' });
    await withModbusClient(f.port, (client) =>
      expect(unlessRefused(f, client.readHoldingRegisters(0, 1))).rejects.toThrow(/refused/),
    );
    expect(f.lastReply?.reason).toBe('the policy denies modbus.read on l1-plc3');
    expect(bed.audit.log.records.at(-1)!.event).toMatchObject({
      type: 'live.connect',
      effect: 'deny',
      block: 'broker',
    });
  });
});

describe('through the VPN with the stolen shared account', () => {
  it('writes to every Modbus PLC the static blast radius lists, and the registers change', async () => {
    const loaded = pharma();
    const bed = await startTestbed(loaded, 'vpn-flat');
    const radius = staticBlastRadius(bed.access, loaded.attack('stolen-vendor-credential'));
    const targets = radius.plcs.filter((id) => bed.services.plcs.has(id));
    expect(targets).toEqual(['l1-plc3', 'l3-plc1', 'l3-plc2']);
    const tunnel = await login(bed.vpn!.port, { account: 'vendor-vpn', password: bed.secrets.password('vendor-vpn') });
    expect(tunnel).toMatchObject({ ok: true });
    for (const [i, asset] of targets.entries()) {
      const f = await forward(bed.vpn!.port, { ticket: tunnel.ticket, asset, action: 'modbus.write' });
      await withModbusClient(f.port, async (client) => {
        await client.writeRegister(0, 0xbe00 + i);
        expect((await client.readHoldingRegisters(0, 1)).data).toEqual([0xbe00 + i]);
      });
      expect(bed.services.plcs.get(asset)!.holding[0]).toBe(0xbe00 + i);
    }
    expect(bed.services.disrupted).toEqual(['line1', 'line3']);
  });

  it('a wrong password opens no tunnel', async () => {
    const bed = await startTestbed(pharma(), 'vpn-flat');
    expect(await login(bed.vpn!.port, { account: 'vendor-vpn', password: 'guess' })).toEqual({
      ok: false,
      reason: 'wrong password',
    });
  });
});

describe('a session past its TTL', () => {
  it('loses its connection when the clock passes the expiry', async () => {
    const bed = await startTestbed(pharma(), 'zt', { startHour: 7 });
    const f = await forward(bed.broker!.port, { token: oemToken(bed), asset: 'l1-plc3', action: 'modbus.read' });
    await withModbusClient(f.port, async (client) => {
      await client.readHoldingRegisters(0, 1);
      const closing = closedWithin(client as unknown as NodeJS.EventEmitter, 1000);
      bed.clock.advanceTo(9.5); // oem-read-line1 grants 2 hours
      await closing;
    });
    expect(bed.audit.log.records.map((r) => r.event)).toContainEqual(
      expect.objectContaining({ type: 'session.close', reason: 'expired' }),
    );
  });
});
