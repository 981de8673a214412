import { describe, expect, it } from 'vitest';
import { hostCommand, type HostContext } from '../../sim/live/hostCommands.js';
import { Secrets } from '../../sim/live/secrets.js';
import { HostRules } from '../../sim/net/hostRules.js';
import { pharma } from './support.js';

const secrets = new Secrets('ab'.repeat(32));
const { model } = pharma();
const ctx = (asset: string, protocol: HostContext['protocol']): HostContext => ({
  model,
  asset: model.assets[model.assetIndex.get(asset)!]!,
  protocol,
  secrets,
});
const run = (c: HostContext, line: string, projectUnlocked = false) => hostCommand(c, { projectUnlocked }, line);

describe('an emulated host answers as the model says', () => {
  it('a credential that opens the host over the protocol takes it; a wrong password, protocol or host does not', () => {
    const pw = secrets.password('ot-admin');
    expect(run(ctx('scada', 'rdp'), `LOGIN ot-admin ${pw}`)).toEqual({
      reply: `OK host ${secrets.hostToken('scada')}`,
      effect: 'own',
    });
    expect(run(ctx('scada', 'rdp'), 'LOGIN ot-admin guess').reply).toBe('DENIED wrong password');
    expect(run(ctx('erp', 'https'), `LOGIN ot-admin ${pw}`).reply).toBe('DENIED ot-admin does not open erp over https');
    expect(run(ctx('l1-hmi1', 'vnc'), `LOGIN vendor-vpn ${secrets.password('vendor-vpn')}`).reply).toBe(
      'DENIED vpn-account does not log on to hosts',
    );
  });

  it('an exploit works only where the scenario puts the weakness', () => {
    expect(run(ctx('jump-host', 'rdp'), 'EXPLOIT CVE-2019-0708').effect).toBe('own');
    expect(run(ctx('scada', 'rdp'), 'EXPLOIT CVE-2019-0708').reply).toBe('DENIED no such weakness on rdp');
  });

  it('an exploit runs code on the host through a service that gives no logon, as the static worst case says', () => {
    const historian = ctx('historian', 'sql');
    const sqlRce = { id: 'CVE-SQL', service: 'sql', effect: 'code-execution', probability: 1 } as const;
    const weak = { ...historian, asset: { ...historian.asset, vulnerabilities: [sqlRce] } } as HostContext;
    expect(run(weak, 'EXPLOIT CVE-SQL')).toEqual({ reply: `OK host ${secrets.hostToken('historian')}`, effect: 'own' });
    // A password over the same service still opens no host: SQL is not a logon.
    expect(run(historian, `LOGIN ot-admin ${secrets.password('ot-admin')}`).effect).not.toBe('own');
  });

  it("a broker's grant must be the broker's, for this host and user", () => {
    expect(run(ctx('l1-hmi1', 'vnc'), `GRANT oem-tech ${secrets.grant('l1-hmi1', 'oem-tech')}`).effect).toBe('own');
    expect(run(ctx('l1-hmi2', 'vnc'), `GRANT oem-tech ${secrets.grant('l1-hmi1', 'oem-tech')}`).effect).toBe('none');
  });

  it('a controller takes unauthenticated writes; a protected program download needs the project password first', () => {
    expect(run(ctx('l1-plc1', 's7'), 'WRITE')).toEqual({ reply: 'OK control', effect: 'control' });
    expect(run(ctx('l1-plc1', 's7'), 'PROGRAM').reply).toBe('DENIED the project password is required');
    const session = { projectUnlocked: false };
    expect(
      hostCommand(ctx('l1-plc1', 's7'), session, `LOGIN l1-plc-project ${secrets.password('l1-plc-project')}`).reply,
    ).toBe('OK project');
    expect(hostCommand(ctx('l1-plc1', 's7'), session, 'PROGRAM').effect).toBe('control');
    expect(run(ctx('scada', 'rdp'), 'WRITE').reply).toBe('DENIED scada takes no commands over rdp');
    expect(run(ctx('scada', 'rdp'), 'RM -rf').reply).toBe('ERR unknown command "RM"');
  });
});

describe('an emulated controller under a design that turns its access protection on', () => {
  const { scenario } = pharma();
  const hosts = new HostRules(model, scenario.designs.find((d) => d.id === 'vpn-seg-plc-pw')!);
  const plc = model.assets[model.assetIndex.get('l1-plc1')!]!;
  const protectedS7: HostContext = { ...ctx('l1-plc1', 's7'), needs: hosts.requirements(plc, 0) };

  it('takes a write only after a logon with the password the protection names', () => {
    expect(run(protectedS7, 'WRITE').reply).toBe('DENIED s7.write on l1-plc1 needs a credential');
    const session = { projectUnlocked: false };
    // The project password still opens the PLC, but it is not the one the protection asks for.
    expect(hostCommand(protectedS7, session, `LOGIN l1-plc-project ${secrets.password('l1-plc-project')}`).reply).toBe(
      'OK unlocked',
    );
    expect(hostCommand(protectedS7, session, 'WRITE').effect).toBe('none');
    expect(
      hostCommand(protectedS7, session, `LOGIN l1-plc-password ${secrets.password('l1-plc-password')}`).reply,
    ).toBe('OK unlocked');
    expect(hostCommand(protectedS7, session, 'WRITE')).toEqual({ reply: 'OK control', effect: 'control' });
  });
});

describe('an emulated controller whose writes need a named directory account', () => {
  it('takes the account the service names, with its second factor, though such accounts log on to no host', () => {
    const account = model.credentialIndex.get('oem-tech-account')!;
    const named = { kind: 'credentials' as const, credentials: [account] };
    const s7 = ctx('l1-plc1', 's7');
    const cip: HostContext = { ...s7, needs: model.vocab.actionsOf('s7').map(() => named) };
    const session = { projectUnlocked: false };
    const login = `LOGIN oem-tech-account ${secrets.password('oem-tech-account')}`;
    expect(hostCommand(cip, session, login).reply).toBe('DENIED second factor missing or wrong');
    expect(hostCommand(cip, session, `${login} ${secrets.otp('oem-tech')}`).reply).toBe('OK unlocked');
    expect(hostCommand(cip, session, 'WRITE')).toEqual({ reply: 'OK control', effect: 'control' });
    // Where no service names it, it is still no host logon.
    expect(run(ctx('scada', 'rdp'), `${login} ${secrets.otp('oem-tech')}`).reply).toBe(
      'DENIED user-account does not log on to hosts',
    );
  });
});

describe('Secrets', () => {
  it('tokens verify only unaltered and with every claim; a bad key is refused', () => {
    const token = secrets.issue({ user: 'u', mfa: true, managedDevice: false, posture: {} });
    expect(secrets.verify(token)).toEqual({ user: 'u', mfa: true, managedDevice: false, posture: {} });
    expect(() => new Secrets('ab'.repeat(32)).verify(`${token.slice(0, -2)}xx`)).toThrow('does not verify');
    const unsigned = Buffer.from(JSON.stringify({ user: 'u' })).toString('base64url');
    expect(() => secrets.verify(unsigned)).toThrow('no signature');
    expect(() => new Secrets('xyz')).toThrow(expect.objectContaining({ code: 'bad-key' }));
    expect(new Secrets().keyHex).toMatch(/^[0-9a-f]{64}$/);
  });
});
