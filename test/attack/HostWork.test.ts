import { describe, expect, it } from 'vitest';
import { AttackerState } from '../../sim/attack/AttackerState.js';
import { HostWork } from '../../sim/attack/HostWork.js';
import { initialEntry } from '../../sim/attack/initialAccess.js';
import { PRIVILEGE } from '../../sim/model/plantModel.js';
import { miniPlant } from '../helpers/plants.js';
import { worldOf } from '../helpers/world.js';

function setup(edit: (input: ReturnType<typeof miniPlant>) => void = () => {}) {
  const input = miniPlant();
  edit(input);
  const t = worldOf(input);
  const s = new AttackerState(t.world, initialEntry(t.access, t.world.attack));
  const learned: string[] = [];
  const work = new HostWork(s, (creds) => {
    for (const c of creds) {
      s.credentials.add(c);
      learned.push(t.model.credentials[c]!.id);
    }
  });
  return { ...t, s, work, learned };
}

describe('HostWork', () => {
  it('reads what a user may read at once, and an administrator-only logon only once administrator', () => {
    const { work, learned, at, world } = setup((s) => {
      const jump = s.plant!.assets!.find((a) => a.id === 'jump')!;
      jump.credentials = ['admin', { credential: 'plc-project', privilege: 'admin' }];
    });
    world.owned[at('jump')] = 1;
    work.gained(at('jump'), PRIVILEGE.user);
    expect(learned).toEqual(['admin']);
    expect(work.pending()).toBeNull(); // no local escalation on the jump host
    work.gained(at('jump'), PRIVILEGE.admin);
    expect(learned).toEqual(['admin', 'plc-project']);
  });

  it('reads a host again when it is taken again: a credential rotated meanwhile is learned anew', () => {
    const { work, learned, at, world, s } = setup();
    const jump = at('jump');
    world.owned[jump] = 1;
    work.gained(jump, PRIVILEGE.user);
    // The defenders reimage the host and rotate what it cached; the attacker comes back.
    world.owned[jump] = 0;
    s.credentials.delete(world.model.credentialIndex.get('admin')!);
    world.owned[jump] = 1;
    work.gained(jump, PRIVILEGE.user);
    expect(learned).toEqual(['admin', 'admin']);
  });

  it('takes a costly harvest as a step of its own, and only on a host it still holds', () => {
    const { work, at, world } = setup((s) => {
      s.techniques = { T0893: { duration: 0.5, probability: 1 } };
    });
    const jump = at('jump');
    world.owned[jump] = 1;
    work.gained(jump, PRIVILEGE.user);
    expect(work.pending()).toMatchObject({ kind: 'harvest', host: jump });
    world.owned[jump] = 0;
    expect(work.pending()).toBeNull();
  });
});
