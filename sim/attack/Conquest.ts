// What a successful step gains the attacker: a host it runs tools on (and the credentials stored
// there), a controller under its command (and the line it takes down), credentials that open
// more targets and maybe new tunnels.
import type { Action } from '../model/catalog.js';
import { PRIVILEGE, type Privilege } from '../model/plantModel.js';
import type { AttackerState } from './AttackerState.js';
import type { Footholds, LiveFoothold } from './Footholds.js';
import type { HostWork } from './HostWork.js';
import { remoteFootholds } from './initialAccess.js';
import { observationOf } from './observation.js';

export class Conquest {
  constructor(
    private readonly s: AttackerState,
    private readonly footholds: Footholds,
    /** What it does on the hosts it holds: harvests, reads, escalations. */
    private readonly work: HostWork,
  ) {}

  /**
   * Owns a host through `means` at `privilege` (with `credential`, when one opened it); `from` is
   * null when the initial access itself owned it (phishing). A host it holds already gives only
   * what the higher privilege reads there.
   */
  ownHost(
    asset: number,
    means: string,
    technique: string,
    from: LiveFoothold | null,
    privilege: Privilege = PRIVILEGE.user,
    credential?: number,
  ): void {
    const w = this.s.world;
    if (w.owned[asset]) {
      if (privilege > this.work.privilege[asset]!) this.work.gained(asset, privilege);
      return;
    }
    const a = w.model.assets[asset]!;
    if (from === null)
      w.emit({
        type: 'attack.initial',
        technique,
        foothold: a.id,
        via: 'host',
        detail: `${a.id} owned through ${means}`,
      });
    const transfer = this.s.techniqueFor('tool-transfer');
    this.footholds.gain(
      {
        origin: { kind: 'host', asset },
        label: `${a.id} owned`,
        technique: transfer.id,
        ...(credential === undefined ? {} : { credential }),
      },
      false,
      from,
    );
    this.work.gained(asset, privilege);
  }

  /**
   * The manipulation rides the write that took the controller: in the audit trail when that write
   * was, but not a second PDP decision for the sensors to see. A line already down is not taken
   * down again; one back in production is.
   */
  control(asset: number, from: LiveFoothold, action: Action, writeAudited: boolean): void {
    const w = this.s.world;
    if (w.controlled[asset]) return;
    w.controlled[asset] = w.everControlled[asset] = 1;
    const a = w.model.assets[asset]!;
    w.record.controllerTaken(w.now);
    if (!w.attack.impact || a.line < 0 || !w.lineDown(a.line)) return;
    const t = this.s.techniqueFor('line-impact');
    const line = w.model.lines[a.line]!.id;
    this.s.act(t, observationOf(w.model, from, asset, action, false, false), writeAudited);
    w.emit({
      type: 'attack.impact',
      technique: t.id,
      foothold: from.name,
      target: a.id,
      line,
      detail: `${t.name}: line ${line} disrupted`,
    });
  }

  /** Credentials read on (or leaked from) a target reached from `from`; tunnels they open are taken at once. */
  learnCredentials(creds: readonly number[], from: LiveFoothold | null): void {
    const s = this.s;
    const fresh = creds.filter((c) => !s.credentials.has(c));
    if (fresh.length === 0) return;
    for (const c of fresh) {
      s.credentials.add(c);
      s.learnAssets(s.world.access.hosts.targetsOf(c));
    }
    s.forgetTries('means');
    const w = s.world;
    for (const f of remoteFootholds(w.access, s.knowledge(), s.device, s.opened, (o) => w.originOpen(o)))
      this.footholds.gain(f, false, from);
  }
}
