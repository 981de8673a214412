import { afterAll, describe, expect, it } from 'vitest';
import { registerValidate } from '../../sim/cli/commands/validate.js';
import { runCommand } from '../helpers/inProcessCli.js';
import { problems, removeScratch, writeFiles, yaml } from './scratch.js';

afterAll(removeScratch);

// Line numbers in the snapshots below count from the first line of the text.
const scenario = (steps: string) => yaml`
  plant:
    zones:
      - { id: dmz, level: 3.5, subnet: 10.35.0.0/24 }
    assets:
      - { id: jump, kind: jump-host, zone: dmz, ip: 10.35.0.10, services: [rdp] }
  identities:
    credentials:
      - { id: vendor-vpn, kind: vpn-account }
      - { id: admin, kind: host-logon, opens: [jump] }
  designs:
    - id: d
      response:
        time: 2
        playbook:
${steps}
`;

describe('a response playbook', () => {
  it('names only zones, accounts and credentials that exist, with a suggestion', () => {
    const text = scenario(`          - { action: quarantine-zone, zones: [dmx] }
          - { action: disable-account, accounts: [vendor-vnp, admin] }
          - { action: rotate-credentials, credentials: [admn] }`);
    expect(problems({ 'playbook.yaml': text })).toMatchInlineSnapshot(`
      [
        "playbook.yaml:15:46  designs.d.response.playbook.0.zones.0 (designs[0].response.playbook[0].zones[0])  unknown zone "dmx" (did you mean "dmz"?)",
        "playbook.yaml:16:49  designs.d.response.playbook.1.accounts.0 (designs[0].response.playbook[1].accounts[0])  unknown account "vendor-vnp" (did you mean "vendor-vpn"?)",
        "playbook.yaml:16:61  designs.d.response.playbook.1.accounts.1 (designs[0].response.playbook[1].accounts[1])  credential "admin" is a host-logon; disable-account takes a vpn-account or a user-account",
        "playbook.yaml:17:55  designs.d.response.playbook.2.credentials.0 (designs[0].response.playbook[2].credentials[0])  unknown credential "admn" (did you mean "admin"?)",
      ]
    `);
  });

  it('keeps each scope and duration to the action it belongs to', () => {
    const text = scenario(`          - { action: isolate-host, zones: [dmz], duration: 4 }
          - { action: quarantine-zone, duration: 4 }`);
    expect(problems({ 'scope.yaml': text })).toMatchInlineSnapshot(`
      [
        "scope.yaml:15:42  designs.d.response.playbook.0.zones (designs[0].response.playbook[0].zones)  zones is for quarantine-zone steps, not isolate-host",
        "scope.yaml:15:59  designs.d.response.playbook.0.duration (designs[0].response.playbook[0].duration)  duration is for reimage-host, quarantine-zone, shut-vpn, shut-broker steps, not isolate-host",
      ]
    `);
  });

  it('is refused by validate with exit 2, file:line:col and the field', async () => {
    const { main } = writeFiles({
      'bad.yaml': scenario(`          - { action: quarantine-zone, zones: [dmx] }`),
    });
    const r = await runCommand(registerValidate, ['validate', main]);
    expect(r.code).toBe(2);
    expect(r.out + r.err).toMatch(
      /bad\.yaml:\d+:\d+ +designs\.d\.response\.playbook\.0\.zones\.0 \(designs\[0\]\.response\.playbook\[0\]\.zones\[0\]\) +unknown zone "dmx" \(did you mean "dmz"\?\)/,
    );
  });
});
