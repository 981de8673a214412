// Looking techniques up: by id with a scenario's overrides, by the part they play, and the
// technique a move is an instance of. The catalog itself is data (model/techniques.ts).
import type { PlantModel } from '../model/plantModel.js';
import type { TechniqueOverride } from '../model/schema.js';
import { TECHNIQUE_CATALOG, type Technique, type TechniqueUse } from '../model/techniques.js';
import type { Move } from './capabilities.js';

export type { Technique, TechniqueUse } from '../model/techniques.js';

export const TECHNIQUES: ReadonlyMap<string, Technique> = new Map(TECHNIQUE_CATALOG.map((t) => [t.id, t]));

export function technique(id: string): Technique {
  const t = TECHNIQUES.get(id);
  if (t === undefined) throw new Error(`unknown technique ${id}`);
  return t;
}

/** Does the technique play this part? */
export function plays(t: Technique, use: TechniqueUse): boolean {
  return t.uses.includes(use);
}

const BY_USE = new Map<TechniqueUse, string>();
for (const t of TECHNIQUE_CATALOG) for (const use of t.uses) if (!BY_USE.has(use)) BY_USE.set(use, t.id);

/** The id of the (first) technique that plays a part. */
export function techniqueFor(use: TechniqueUse): string {
  const id = BY_USE.get(use);
  if (id === undefined) throw new Error(`no technique plays ${use}`);
  return id;
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

/** The part a move plays, from its means and effect. */
function moveUse(move: Move, model: PlantModel): TechniqueUse {
  if (move.effect === 'read-files') return 'read-knowledge';
  switch (move.means.kind) {
    case 'vulnerability':
      return 'exploit';
    case 'granted':
      return 'granted-connection';
    case 'unauthenticated':
      return 'unauthenticated-command';
    case 'credential':
      if (move.effect === 'control') return 'project-download';
      return model.credentials[move.means.credential]!.spec.kind === 'default-password'
        ? 'default-credential'
        : 'valid-account';
  }
}

/** The technique a move is an instance of: the one a declared action names, else by its means and effect. */
export function techniqueForMove(move: Move, model: PlantModel): string {
  return model.vocab.action(move.action)?.technique ?? techniqueFor(moveUse(move, model));
}
