// What a service asks of each of its actions, checked at the entry point for protocols that carry
// no credential of their own (Modbus/TCP): the client names a credential in its connect line, the
// entry point verifies it, and a function the credential does not meet gets exception 1, as a
// Modbus/TCP Security role check would answer it.
import type { Requirement } from '../model/auth.js';
import type { Action, Protocol } from '../model/catalog.js';
import type { AssetNode, PlantModel } from '../model/plantModel.js';
import type { Secrets } from './secrets.js';

/** A credential as a connect line presents it: its password, and its owner's second factor when it is MFA-bound. */
export function credentialHello(
  model: PlantModel,
  secrets: Secrets,
  id: string,
): { credential: string; password: string; otp?: string } {
  const credential = model.credentials[model.credentialIndex.get(id)!]!;
  const owner = credential.owners[0];
  const password = secrets.password(credential.id);
  if (!credential.spec.mfaBound || owner === undefined) return { credential: credential.id, password };
  return { credential: credential.id, password, otp: secrets.otp(model.users[owner]!.id) };
}

/** The credential a connect line presents (`credential`, `password`, and `otp` when it is MFA-bound), or null. */
export function presentedCredential(
  model: PlantModel,
  secrets: Secrets,
  hello: Record<string, unknown>,
): number | null {
  const index = typeof hello.credential === 'string' ? model.credentialIndex.get(hello.credential) : undefined;
  if (index === undefined) return null;
  const credential = model.credentials[index]!;
  if (!secrets.matches(hello.password, secrets.password(credential.id))) return null;
  if (
    credential.spec.mfaBound &&
    !credential.owners.some((o) => secrets.matches(hello.otp, secrets.otp(model.users[o]!.id)))
  )
    return null;
  return index;
}

/** Does the presented credential (or none) meet what `action` needs on the service? */
export function meets(
  model: PlantModel,
  target: AssetNode,
  protocol: Protocol,
  needs: readonly Requirement[],
  action: Action,
  credential: number | null,
): boolean {
  const need = needs[model.vocab.actionsOf(protocol).indexOf(action)];
  if (need === undefined || need.kind === 'open') return true;
  return credential !== null && credentialMeets(model, target, protocol, need, credential);
}

/** Does a credential meet a requirement that asks for one: one it names, or an account that opens the host over the protocol? */
export function credentialMeets(
  model: PlantModel,
  target: AssetNode,
  protocol: Protocol,
  need: Requirement,
  credential: number,
): boolean {
  if (need.kind === 'open') return false; // nothing a credential could add
  if (need.kind === 'credentials') return need.credentials.includes(credential);
  const c = model.credentials[credential]!;
  return c.opens.has(target.index) && c.protocols.has(protocol);
}
