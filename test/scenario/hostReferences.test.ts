// Bad input in what hosts enforce and hold and in declared protocols: located, with a proposal.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { segsim } from '../helpers/cli.js';
import { problems, removeScratch, writeFiles, yaml } from './scratch.js';

afterAll(removeScratch);

// Line numbers in the snapshots below count from the first line of each text.
const cell = (extra: { zone?: string; plc?: string; ews?: string; top?: string } = {}) => yaml`
  ${extra.top ?? ''}
  plant:
    zones:
      - { id: cell, level: ${extra.zone ?? '[1, 2]'}, subnet: 10.0.1.0/24 }
    lines:
      - { id: packaging, valuePerHour: 1000 }
    assets:
      - { id: ews, kind: ews, zone: cell, line: packaging, ip: 10.0.1.20, services: [rdp], ${extra.ews ?? 'credentials: [plc-pw]'} }
      - { id: plc1, kind: plc, zone: cell, line: packaging, ip: 10.0.1.10, services: [${extra.plc ?? 's7'}] }
  identities:
    credentials:
      - { id: plc-pw, kind: plc-project }
`;

describe('host security in the scenario file', () => {
  it('loads a cell spanning levels with a protected PLC, a declared protocol and a host firewall', () => {
    const text = cell({
      plc: '{ protocol: s7, protection: no-access, password: plc-pw, auth: { s7.read: open } }, { protocol: remote-service }',
      ews: 'credentials: [{ credential: plc-pw, privilege: admin }], firewall: { allow: [{ zones: [cell], services: [rdp] }] }',
      top: 'protocols: [{ id: remote-service, port: 5555, actions: [{ name: logon, meaning: interactive-logon }] }]',
    });
    expect(problems({ 'cell.yaml': text })).toEqual(['ok']);
  });

  it('a declared protocol that takes a built-in name', () => {
    const text = cell({
      top: 'protocols: [{ id: ssh, port: 2222, actions: [{ name: logon, meaning: interactive-logon }] }]',
    });
    expect(problems({ 'clash.yaml': text })).toMatchInlineSnapshot(`
      [
        "clash.yaml:1:19  protocols.ssh.id (protocols[0].id)  "ssh" is a built-in protocol: a declared one needs a name of its own",
      ]
    `);
  });

  it('an auth rule naming an unknown action or credential', () => {
    const text = cell({ plc: '{ protocol: s7, auth: { s7.wirte: [plc-pwd] } }' });
    expect(problems({ 'auth.yaml': text })).toMatchInlineSnapshot(`
      [
        "auth.yaml:9:119  plant.assets.plc1.services.0.auth.s7.wirte (plant.assets[1].services[0].auth.s7.wirte)  s7 has no action "s7.wirte" (did you mean "s7.write"?)",
        "auth.yaml:9:120  plant.assets.plc1.services.0.auth.s7.wirte.0 (plant.assets[1].services[0].auth.s7.wirte[0])  unknown credential "plc-pwd" (did you mean "plc-pw"?)",
      ]
    `);
  });

  it('a privilege that does not exist', () => {
    const text = cell({ ews: 'credentials: [{ credential: plc-pw, privilege: adminn }]' });
    expect(problems({ 'privilege.yaml': text })).toMatchInlineSnapshot(`
      [
        "privilege.yaml:8:137  plant.assets.ews.credentials.0.privilege (plant.assets[0].credentials[0].privilege)  expected one of "user", "admin", got "adminn" (did you mean "admin"?)",
      ]
    `);
  });

  it('a zone level range upside down', () => {
    expect(problems({ 'levels.yaml': cell({ zone: '[2, 1]' }) })).toMatchInlineSnapshot(`
      [
        "levels.yaml:4:26  plant.zones.cell.level (plant.zones[0].level)  the level range [2, 1] is upside down or empty: write it lowest first, e.g. [1, 2]",
      ]
    `);
  });

  it('protection on a protocol that has none, and an asset level outside its zone', () => {
    const text = cell({ plc: '{ protocol: modbus, protection: no-access }', ews: 'level: 3' });
    expect(problems({ 'profile.yaml': text })).toMatchInlineSnapshot(`
      [
        "profile.yaml:8:97  plant.assets.ews.level (plant.assets[0].level)  level 3 is outside zone "cell" (levels 1 to 2)",
        "profile.yaml:9:117  plant.assets.plc1.services.0.protection (plant.assets[1].services[0].protection)  protection applies to s7 services, not modbus",
      ]
    `);
  });

  it('the command line stops with exit 2, a located message and no output file', async () => {
    const { main, dir } = writeFiles({ 'bad.yaml': cell({ zone: '[2, 1]' }) });
    const out = join(dir, 'out.md');
    const r = await segsim('compare', main, '--runs', '2', '--md', out);
    expect(r.code).toBe(2);
    expect(r.err).toContain('bad.yaml:4:26');
    expect(r.err).toContain('upside down');
    expect(r.err).not.toMatch(/\bat .+\.ts:\d+/);
    expect(existsSync(out)).toBe(false);
  });
});
