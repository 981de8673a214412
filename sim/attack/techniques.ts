// The ATT&CK for ICS (v18) techniques the attacker agent uses, with default parameters a scenario
// may override. Durations in simulated hours; observability = how visible one use is to a sensor.
import type { Distribution } from '../kernel/distributions.js';
import type { PlantModel } from '../model/plantModel.js';
import type { TechniqueOverride } from '../model/schema.js';
import type { Move } from './capabilities.js';

export type Tactic =
  | 'initial-access'
  | 'discovery'
  | 'collection'
  | 'lateral-movement'
  | 'execution'
  | 'inhibit-response'
  | 'impair-process-control'
  | 'impact';

export interface Technique {
  id: string;
  name: string;
  tactic: Tactic;
  duration: Distribution;
  probability: number;
  observability: number;
}

const tri = (min: number, mode: number, max: number): Distribution => ({ dist: 'triangular', min, mode, max });

const CATALOG: Technique[] = [
  {
    id: 'T0822',
    name: 'External Remote Services',
    tactic: 'initial-access',
    duration: tri(0.05, 0.1, 0.5),
    probability: 1,
    observability: 0.5,
  },
  {
    id: 'T0883',
    name: 'Internet Accessible Device',
    tactic: 'initial-access',
    duration: tri(0.5, 2, 8),
    probability: 1,
    observability: 0.3,
  },
  {
    id: 'T0819',
    name: 'Exploit Public-Facing Application',
    tactic: 'initial-access',
    duration: tri(1, 4, 12),
    probability: 0.5,
    observability: 0.5,
  },
  {
    id: 'T0864',
    name: 'Transient Cyber Asset',
    tactic: 'initial-access',
    duration: tri(0.05, 0.1, 0.5),
    probability: 1,
    observability: 0.2,
  },
  {
    id: 'T0865',
    name: 'Spearphishing Attachment',
    tactic: 'initial-access',
    duration: tri(1, 6, 24),
    probability: 1,
    observability: 0.3,
  },
  {
    id: 'T0846',
    name: 'Remote System Discovery',
    tactic: 'discovery',
    duration: tri(0.1, 0.5, 2),
    probability: 1,
    observability: 0.6,
  },
  {
    id: 'T0840',
    name: 'Network Connection Enumeration',
    tactic: 'discovery',
    duration: tri(0.1, 0.25, 1),
    probability: 1,
    observability: 0.2,
  },
  {
    id: 'T0842',
    name: 'Network Sniffing',
    tactic: 'discovery',
    duration: tri(0.5, 2, 6),
    probability: 1,
    observability: 0.1,
  },
  {
    id: 'T0859',
    name: 'Valid Accounts',
    tactic: 'lateral-movement',
    duration: tri(0.05, 0.25, 1),
    probability: 0.95,
    observability: 0.2,
  },
  {
    id: 'T0812',
    name: 'Default Credentials',
    tactic: 'lateral-movement',
    duration: tri(0.05, 0.25, 1),
    probability: 0.9,
    observability: 0.3,
  },
  {
    // Reading credentials cached on an owned host. Free in runs today: the path shows it so every
    // credential used is one the attacker could have read somewhere.
    id: 'T0893',
    name: 'Data from Local System',
    tactic: 'collection',
    duration: tri(0.05, 0.25, 1),
    probability: 1,
    observability: 0.2,
  },
  {
    id: 'T0891',
    name: 'Hardcoded Credentials',
    tactic: 'lateral-movement',
    duration: tri(0.1, 0.5, 2),
    probability: 0.9,
    observability: 0.3,
  },
  {
    id: 'T0886',
    name: 'Remote Services',
    tactic: 'lateral-movement',
    duration: tri(0.05, 0.2, 1),
    probability: 0.95,
    observability: 0.3,
  },
  {
    id: 'T0866',
    name: 'Exploitation of Remote Services',
    tactic: 'lateral-movement',
    duration: tri(0.5, 2, 8),
    probability: 0.5,
    observability: 0.6,
  },
  {
    id: 'T0867',
    name: 'Lateral Tool Transfer',
    tactic: 'lateral-movement',
    duration: tri(0.05, 0.2, 1),
    probability: 0.95,
    observability: 0.4,
  },
  {
    id: 'T0843',
    name: 'Program Download',
    tactic: 'lateral-movement',
    duration: tri(0.25, 1, 3),
    probability: 0.8,
    observability: 0.7,
  },
  {
    id: 'T0855',
    name: 'Unauthorized Command Message',
    tactic: 'impair-process-control',
    duration: tri(0.05, 0.2, 1),
    probability: 0.9,
    observability: 0.5,
  },
  {
    id: 'T0836',
    name: 'Modify Parameter',
    tactic: 'impair-process-control',
    duration: tri(0.1, 0.5, 2),
    probability: 0.9,
    observability: 0.5,
  },
  {
    id: 'T0816',
    name: 'Device Restart/Shutdown',
    tactic: 'inhibit-response',
    duration: tri(0.05, 0.1, 0.5),
    probability: 0.95,
    observability: 0.8,
  },
  {
    id: 'T0831',
    name: 'Manipulation of Control',
    tactic: 'impact',
    duration: tri(0.1, 0.5, 2),
    probability: 0.9,
    observability: 0.5,
  },
  {
    id: 'T0828',
    name: 'Loss of Productivity and Revenue',
    tactic: 'impact',
    duration: { dist: 'constant', value: 0 },
    probability: 1,
    observability: 1,
  },
];

export const TECHNIQUES: ReadonlyMap<string, Technique> = new Map(CATALOG.map((t) => [t.id, t]));

export function technique(id: string): Technique {
  const t = TECHNIQUES.get(id);
  if (t === undefined) throw new Error(`unknown technique ${id}`);
  return t;
}

/** A technique with the scenario's and the attack's overrides applied, attack last. */
export function resolveTechnique(
  id: string,
  ...overrides: (Record<string, TechniqueOverride> | undefined)[]
): Technique {
  let t = technique(id);
  for (const o of overrides) {
    const x = o?.[id];
    if (x !== undefined)
      t = {
        ...t,
        ...(x.duration ? { duration: x.duration } : {}),
        ...(x.probability !== undefined ? { probability: x.probability } : {}),
        ...(x.observability !== undefined ? { observability: x.observability } : {}),
      };
  }
  return t;
}

/** The technique a move is an instance of. */
export function techniqueForMove(move: Move, model: PlantModel): string {
  switch (move.means.kind) {
    case 'vulnerability':
      return 'T0866';
    case 'granted':
      return 'T0886';
    case 'unauthenticated':
      return 'T0855';
    case 'credential': {
      const kind = model.credentials[move.means.credential]!.spec.kind;
      if (move.effect === 'control') return 'T0843';
      return kind === 'default-password' ? 'T0812' : 'T0859';
    }
  }
}
