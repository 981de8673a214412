// Reference checks for a design's response playbook: the zones, accounts and credentials its
// steps name must exist and be of the kind the step acts on.
import type { Credential, Design } from '../model/schema.js';
import type { IssuePath } from './issues.js';

type Ref = (
  map: { has(id: string): boolean; keys(): Iterable<string> },
  id: string,
  path: IssuePath,
  what: string,
) => void;

const ACCOUNT_KINDS: readonly Credential['kind'][] = ['vpn-account', 'user-account'];

export function checkResponse(
  d: Design,
  at: IssuePath,
  known: { zones: ReadonlyMap<string, unknown>; credentials: ReadonlyMap<string, Credential> },
  ref: Ref,
  problem: (path: IssuePath, message: string) => void,
): void {
  d.response?.playbook.forEach((step, j) => {
    const sp: IssuePath = [...at, 'response', 'playbook', j];
    step.zones?.forEach((z, k) => ref(known.zones, z, [...sp, 'zones', k], 'zone'));
    step.credentials?.forEach((c, k) => ref(known.credentials, c, [...sp, 'credentials', k], 'credential'));
    step.accounts?.forEach((c, k) => {
      const path = [...sp, 'accounts', k];
      ref(known.credentials, c, path, 'account');
      const kind = known.credentials.get(c)?.kind;
      if (kind !== undefined && !ACCOUNT_KINDS.includes(kind))
        problem(path, `credential "${c}" is a ${kind}; disable-account takes a vpn-account or a user-account`);
    });
  });
}
