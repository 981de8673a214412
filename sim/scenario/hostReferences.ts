// Reference checks for what hosts enforce and hold and for declared protocols: protocol and action
// names (built in or declared), service authentication, firewalls, cached credentials, documents,
// privilege escalations, zone level ranges, and how designs harden hosts and hide them.
import { PROFILE_PROTOCOL } from '../model/auth.js';
import { levelRange } from '../model/plantModel.js';
import type { ServiceAuthSpec } from '../model/auth.js';
import { statesAuth } from '../model/auth.js';
import type { Firewall, Scenario, Selector, Zone } from '../model/schema.js';
import { TECHNIQUE_CATALOG } from '../model/techniques.js';
import type { Vocabulary } from '../model/vocabulary.js';
import { didYouMean, type IssuePath } from './issues.js';

export interface ReferenceContext {
  problem(path: IssuePath, message: string): void;
  ref(map: { has(id: string): boolean; keys(): Iterable<string> }, id: string, path: IssuePath, what: string): void;
  selector(sel: Selector, path: IssuePath): void;
  zones: ReadonlyMap<string, Pick<Zone, 'id' | 'level'>>;
  assets: ReadonlyMap<string, unknown>;
  credentials: ReadonlyMap<string, unknown>;
  vocab: Vocabulary;
}

const TECHNIQUE_IDS = new Set(TECHNIQUE_CATALOG.map((t) => t.id));

/** Declared protocols: no clash with a built-in name, no duplicates, known techniques. */
export function checkDeclaredProtocols(s: Scenario, c: ReferenceContext): void {
  const seen = new Set<string>();
  s.protocols.forEach((p, i) => {
    const at: IssuePath = ['protocols', i];
    if (c.vocab.protocol(p.id)?.declared === false)
      c.problem([...at, 'id'], `"${p.id}" is a built-in protocol: a declared one needs a name of its own`);
    else if (seen.has(p.id)) c.problem([...at, 'id'], `duplicate protocol "${p.id}"`);
    seen.add(p.id);
    const names = new Set<string>();
    p.actions.forEach((a, j) => {
      if (names.has(a.name)) c.problem([...at, 'actions', j, 'name'], `duplicate action "${a.name}" of ${p.id}`);
      names.add(a.name);
      if (a.technique !== undefined && !TECHNIQUE_IDS.has(a.technique))
        c.problem(
          [...at, 'actions', j, 'technique'],
          `technique ${a.technique} is not in the catalogue${didYouMean(a.technique, TECHNIQUE_IDS)}`,
        );
    });
  });
}

/** A protocol name that must be built in or declared. */
export function checkProtocol(c: ReferenceContext, protocol: string, path: IssuePath): boolean {
  if (c.vocab.protocol(protocol) !== undefined) return true;
  c.problem(path, `unknown protocol "${protocol}"${didYouMean(protocol, c.vocab.protocolNames())}`);
  return false;
}

export function checkAction(c: ReferenceContext, action: string, path: IssuePath): void {
  if (c.vocab.action(action) === undefined)
    c.problem(path, `unknown action "${action}"${didYouMean(action, c.vocab.actionNames())}`);
}

export function checkServices(c: ReferenceContext, services: 'any' | readonly { protocol: string }[], path: IssuePath) {
  if (services !== 'any') services.forEach((x, k) => checkProtocol(c, x.protocol, serviceField(path, k, x)));
}

/** Where a service's protocol is written: the list item itself, or its protocol field. */
function serviceField(path: IssuePath, k: number, service: object): IssuePath {
  return 'protection' in service || 'auth' in service || 'password' in service
    ? [...path, k, 'protocol']
    : [...path, k];
}

/** How one service (or a design's hardening of it) authenticates. */
export function checkServiceAuth(
  c: ReferenceContext,
  service: ServiceAuthSpec & { protocol: string },
  path: IssuePath,
): void {
  const protocol = service.protocol;
  if (c.vocab.protocol(protocol) === undefined) return;
  for (const field of Object.keys(PROFILE_PROTOCOL) as (keyof typeof PROFILE_PROTOCOL)[])
    if (service[field] !== undefined && PROFILE_PROTOCOL[field] !== protocol)
      c.problem([...path, field], `${field} applies to ${PROFILE_PROTOCOL[field]} services, not ${protocol}`);
  service.password?.forEach((id, k) => c.ref(c.credentials, id, [...path, 'password', k], 'credential'));
  const actions = c.vocab.actionsOf(protocol);
  for (const [action, need] of Object.entries(service.auth ?? {})) {
    if (!actions.includes(action))
      c.problem(
        [...path, 'auth', action],
        `${protocol} has no action "${action}"${didYouMean(action, actions) || ` (its actions: ${actions.join(', ')})`}`,
      );
    if (typeof need !== 'string')
      need.forEach((id, k) => c.ref(c.credentials, id, [...path, 'auth', action, k], 'credential'));
  }
}

export function checkFirewall(c: ReferenceContext, firewall: Firewall | undefined, path: IssuePath): void {
  firewall?.allow.forEach((rule, i) => {
    rule.zones?.forEach((z, k) => c.ref(c.zones, z, [...path, 'allow', i, 'zones', k], 'zone'));
    rule.assets?.forEach((a, k) => c.ref(c.assets, a, [...path, 'allow', i, 'assets', k], 'asset'));
    if (rule.services !== undefined) checkServices(c, rule.services, [...path, 'allow', i, 'services']);
  });
}

/** Everything an asset states about its services, firewall, caches, documents and level. */
export function checkAssetHost(c: ReferenceContext, s: Scenario, index: number): void {
  const a = s.plant.assets[index]!;
  const at: IssuePath = ['plant', 'assets', index];
  // Run on every asset of plants of a hundred thousand: paths are made only where there is something to check.
  a.services.forEach((x, k) => {
    if (c.vocab.protocol(x.protocol) === undefined)
      checkProtocol(c, x.protocol, serviceField([...at, 'services'], k, x));
    else if (statesAuth(x)) checkServiceAuth(c, x, [...at, 'services', k]);
  });
  a.credentials.forEach((x, k) => c.ref(c.credentials, x.credential, [...at, 'credentials', k], 'credential'));
  const documents = new Set<string>();
  a.documents.forEach((d, k) => {
    if (documents.has(d.id)) c.problem([...at, 'documents', k, 'id'], `duplicate document "${d.id}" on ${a.id}`);
    documents.add(d.id);
    d.hosts.forEach((sel, j) => c.selector(sel, [...at, 'documents', k, 'hosts', j]));
    d.credentials.forEach((id, j) => c.ref(c.credentials, id, [...at, 'documents', k, 'credentials', j], 'credential'));
  });
  if (a.firewall !== undefined) checkFirewall(c, a.firewall, [...at, 'firewall']);
  const services = a.vulnerabilities.length === 0 ? null : new Set(a.services.map((x) => x.protocol));
  a.vulnerabilities.forEach((v, j) => {
    const vp: IssuePath = [...at, 'vulnerabilities', j];
    if (v.effect === 'privilege-escalation') {
      if (v.service !== undefined)
        c.problem([...vp, 'service'], 'a local privilege escalation goes through no service: drop "service"');
    } else if (v.service === undefined) c.problem(vp, `a ${v.effect} exploit needs the service it goes through`);
    else if (checkProtocol(c, v.service, [...vp, 'service']) && !services!.has(v.service))
      c.problem([...vp, 'service'], `asset "${a.id}" exposes no ${v.service} service`);
  });
  const zone = a.level === undefined ? undefined : c.zones.get(a.zone);
  if (a.level !== undefined && zone !== undefined) {
    const [low, high] = levelRange(zone.level);
    if (a.level < low || a.level > high)
      c.problem(
        [...at, 'level'],
        `level ${a.level} is outside zone "${zone.id}" (${low === high ? `level ${low}` : `levels ${low} to ${high}`})`,
      );
  }
}

/** A design's hardening and hidden hosts. */
export function checkDesignHosts(c: ReferenceContext, s: Scenario, index: number): void {
  const d = s.designs[index]!;
  const at: IssuePath = ['designs', index];
  d.hidden.forEach((sel, k) => c.selector(sel, [...at, 'hidden', k]));
  d.hardening.forEach((h, k) => {
    const hp: IssuePath = [...at, 'hardening', k];
    h.assets.forEach((sel, j) => c.selector(sel, [...hp, 'assets', j]));
    h.services.forEach((x, j) => {
      if (checkProtocol(c, x.protocol, [...hp, 'services', j, 'protocol']))
        checkServiceAuth(c, x, [...hp, 'services', j]);
    });
    checkFirewall(c, h.firewall, [...hp, 'firewall']);
    h.credentials.forEach((x, j) => c.ref(c.credentials, x.credential, [...hp, 'credentials', j], 'credential'));
  });
}
