// One step of a replay over real sockets: open a way in (a VPN tunnel, a brokered identity, a
// host held, the internet), or make one move through it and say what the far end answered.
import type { Action } from '../model/catalog.js';
import type { Origin } from '../net/AccessLayer.js';
import { handshake, LocalForward, login, unlessRefused } from './client.js';
import { readLine, writeLine } from './lines.js';
import { modbusFailure, withModbusClient } from './modbusClient.js';
import type { StepMeans } from './replayPlan.js';
import { credentialHello } from './serviceAuth.js';
import type { Testbed } from './Testbed.js';

/** How to reach the plant from a foothold: an entry point and what to tell it. */
export interface WayIn {
  port: number;
  hello: Record<string, unknown>;
  /** The identity a brokered way speaks for. */
  user?: string;
}

export interface MoveResult {
  ok: boolean;
  detail: string;
  /** A host now held, as a new way in. */
  host: WayIn | null;
}

const LINE = { maxBytes: 4096, timeoutMs: 5000 };

/**
 * Opens a way in. `secondFactor`: the attacker holds the account owner's second factor (the plan
 * says so); a stolen password alone is tried without it.
 */
export async function openFoothold(
  bed: Testbed,
  name: string,
  origin: Origin,
  secondFactor = true,
): Promise<{ way: WayIn | null; detail: string }> {
  const { secrets, access } = bed;
  switch (origin.kind) {
    case 'vpn': {
      if (bed.vpn === null) return { way: null, detail: 'this design has no VPN concentrator' };
      const account = origin.account;
      const credential = access.model.credentials[access.model.credentialIndex.get(account)!]!;
      const owner = credential.owners[0];
      const otp =
        secondFactor && access.design.vpn?.mfa && owner !== undefined
          ? secrets.otp(access.model.users[owner]!.id)
          : undefined;
      const reply = await login(bed.vpn.port, {
        account,
        password: secrets.password(account),
        ...(otp === undefined ? {} : { otp }),
      });
      if (!reply.ok) return { way: null, detail: `VPN login refused: ${reply.reason}` };
      return { way: { port: bed.vpn.port, hello: { ticket: reply.ticket } }, detail: `tunnel open as ${account}` };
    }
    case 'broker': {
      if (bed.broker === null) return { way: null, detail: 'this design has no zero-trust broker' };
      const s = origin.subject;
      const token = secrets.issue({
        user: s.user ?? '',
        mfa: origin.mfa,
        ...(s.device === undefined ? {} : { device: s.device }),
        managedDevice: s.managedDevice,
        posture: { ...s.posture },
      });
      const reply = await login(bed.broker.port, { token });
      if (!reply.ok) return { way: null, detail: `identity refused: ${reply.reason}` };
      const on = s.device === undefined ? 'no device' : `device ${s.device}`;
      return {
        way: { port: bed.broker.port, hello: { token }, user: s.user ?? '' },
        detail: `identity token for ${s.user} accepted (MFA ${origin.mfa ? 'yes' : 'no'}, ${on})`,
      };
    }
    case 'internet':
      return { way: { port: bed.fabric.port, hello: { from: 'internet' } }, detail: 'from the internet' };
    case 'host':
      return {
        way: { port: bed.fabric.port, hello: { host: name, hostToken: secrets.hostToken(name) } },
        detail: `code running on ${name}`,
      };
  }
}

export async function attemptMove(
  bed: Testbed,
  way: WayIn,
  to: string,
  action: Action,
  means: StepMeans,
): Promise<MoveResult> {
  if (bed.access.model.vocab.protocolOf(action) === 'modbus') return modbusMove(bed, way, to, action, means);
  const { socket, reply } = await handshake(way.port, { op: 'connect', ...way.hello, asset: to, action });
  if (!reply.ok) return { ok: false, detail: `refused: ${reply.reason}`, host: null };
  try {
    await readLine(socket, LINE); // the service's greeting
    let answer = '';
    for (const command of commandsFor(bed, to, action, means, way, reply.grant)) {
      writeLine(socket, command);
      answer = await readLine(socket, LINE);
      if (!answer.startsWith('OK')) return { ok: false, detail: `${to} answered: ${answer}`, host: null };
    }
    const [, what, token] = answer.split(' ');
    if (what === 'host' && token !== undefined)
      return {
        ok: true,
        detail: `logged on: ${to} is held`,
        host: { port: bed.fabric.port, hello: { host: to, hostToken: token } },
      };
    return {
      ok: true,
      detail: what === 'control' ? `${to} took the command` : `${to} answered: ${answer}`,
      host: null,
    };
  } catch (error) {
    return { ok: false, detail: `the connection failed: ${(error as Error).message}`, host: null };
  } finally {
    socket.destroy();
  }
}

function commandsFor(bed: Testbed, to: string, action: Action, means: StepMeans, way: WayIn, grant: unknown): string[] {
  const level = bed.access.model.vocab.action(action)!.level;
  const command = level === 'write' ? ['WRITE'] : level === 'program' ? ['PROGRAM'] : [];
  switch (means.kind) {
    case 'credential': {
      const { credential, password, otp } = credentialHello(bed.access.model, bed.secrets, means.credential);
      return [`LOGIN ${credential} ${password}${otp === undefined ? '' : ` ${otp}`}`, ...command];
    }
    case 'exploit':
      return [`EXPLOIT ${means.vulnerability}`];
    case 'granted':
      return [`GRANT ${way.user ?? ''} ${typeof grant === 'string' ? grant : ''}`];
    case 'unauthenticated':
    case 'foothold':
      return command.length > 0 ? command : [`HELLO ${to}`];
  }
}

/**
 * A Modbus write (or read) with the library client through a local forward; the PLC's memory says
 * whether it landed. Modbus carries no credential: one the plan uses goes in the connect line.
 */
async function modbusMove(bed: Testbed, way: WayIn, to: string, action: Action, means: StepMeans): Promise<MoveResult> {
  const credential =
    means.kind === 'credential' ? credentialHello(bed.access.model, bed.secrets, means.credential) : {};
  const forward = await LocalForward.open(way.port, { ...way.hello, ...credential, asset: to, action });
  const plc = bed.services.plcs.get(to)!;
  try {
    return await withModbusClient(forward.port, async (client) => {
      if (action === 'modbus.read') {
        const { data } = await unlessRefused(forward, client.readHoldingRegisters(0, 2));
        return { ok: true, detail: `read registers 0-1: ${data.join(', ')}`, host: null };
      }
      const before = plc.holding[0]!;
      const value = before === 0xbeef ? 0xdead : 0xbeef;
      await unlessRefused(forward, client.writeRegister(0, value));
      const after = plc.holding[0]!;
      return { ok: after === value, detail: `wrote register 0: ${before} → ${after}`, host: null };
    });
  } catch (error) {
    const refused = forward.lastReply?.ok === false ? `refused: ${forward.lastReply.reason}` : modbusFailure(error);
    return { ok: false, detail: refused, host: null };
  } finally {
    await forward.close();
  }
}
