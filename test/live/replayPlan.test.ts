// The static worst case as the live replay's steps: each move once, a move being its from, to,
// action and means.
import { describe, expect, it } from 'vitest';
import { staticPlan } from '../../sim/metrics/blastRadius.js';
import { replayPlan } from '../../sim/live/replayPlan.js';
import { attackSchema } from '../../sim/model/schema.js';
import { build, miniPlant } from '../helpers/plants.js';

describe('replayPlan', () => {
  it('keeps a second move to a held host with other means: the exploit that gives administrator', () => {
    // The harvested admin logon (a user logon) opens hmi1 first; the RDP exploit then reads its
    // vault, which opens the office PC through a conduit from the cell.
    const input = miniPlant();
    input.plant!.conduits!.push({ from: 'cell', to: 'corp', services: ['rdp'] });
    input.identities!.credentials!.push({ id: 'vault', kind: 'host-logon', opens: ['corp-ws'] });
    Object.assign(input.plant!.assets!.find((a) => a.id === 'hmi1')!, {
      credentials: [{ credential: 'vault', privilege: 'admin' }],
      vulnerabilities: [{ id: 'CVE-2019-0708', service: 'rdp', effect: 'code-execution' }],
    });
    const { access, model } = build(input);
    const attack = attackSchema.parse({ id: 'a', initialAccess: { kind: 'phishing', asset: 'jump' } });
    const { radius, origins } = staticPlan(access, attack);
    expect(radius.assets).toContain('corp-ws');
    const toHmi1 = replayPlan(radius, origins, model)
      .filter((s) => s.to === 'hmi1')
      .map((s) => `${s.from} ${s.action} ${s.said}`);
    expect(toHmi1).toEqual(['scada rdp credential admin', 'scada rdp exploit CVE-2019-0708']);
  });
});
