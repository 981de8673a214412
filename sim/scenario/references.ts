// Cross-reference checks the schema alone cannot make: ids that must exist, duplicates,
// addresses inside their zone's subnet. Pure: returns problems with their field paths.
import ipaddr from 'ipaddr.js';
import { ASSET_KINDS, type AssetKind } from '../model/catalog.js';
import type { Scenario, Selector } from '../model/schema.js';
import { Vocabulary } from '../model/vocabulary.js';
import {
  checkAction,
  checkAssetHost,
  checkDeclaredProtocols,
  checkDesignHosts,
  checkProtocol,
  checkServices,
  type ReferenceContext,
} from './hostReferences.js';
import { didYouMean, type IssuePath } from './issues.js';
import { checkResponse } from './responseReferences.js';
import { EXPECTABLE_METRICS } from '../contract/trace.js';

const metrics: readonly string[] = EXPECTABLE_METRICS;

export interface PathProblem {
  path: IssuePath;
  message: string;
}

type Cidr = [ipaddr.IPv4, number];

export function parseCidr(text: string): Cidr | undefined {
  try {
    const [addr, bits] = ipaddr.IPv4.parseCIDR(text);
    return [addr, bits];
  } catch {
    return undefined;
  }
}

export function checkReferences(s: Scenario): PathProblem[] {
  const out: PathProblem[] = [];
  const problem = (path: IssuePath, message: string) => out.push({ path, message });

  const index = <T extends { id: string }>(items: readonly T[], path: IssuePath, what: string): Map<string, T> => {
    const map = new Map<string, T>();
    items.forEach((item, i) => {
      if (map.has(item.id)) problem([...path, i, 'id'], `duplicate ${what} id "${item.id}"`);
      else map.set(item.id, item);
    });
    return map;
  };
  const zones = index(s.plant.zones, ['plant', 'zones'], 'zone');
  const lines = index(s.plant.lines, ['plant', 'lines'], 'line');
  const assets = index(s.plant.assets, ['plant', 'assets'], 'asset');
  const users = index(s.identities.users, ['identities', 'users'], 'user');
  const devices = index(s.identities.devices, ['identities', 'devices'], 'device');
  const credentials = index(s.identities.credentials, ['identities', 'credentials'], 'credential');
  const windows = index(s.windows, ['windows'], 'window');
  const designs = index(s.designs, ['designs'], 'design');
  const attacks = index(s.attacks, ['attacks'], 'attack');
  index(s.workload, ['workload'], 'workload request');
  const roles = new Set(s.identities.users.flatMap((u) => u.roles));

  const ref = (
    map: { has(id: string): boolean; keys(): Iterable<string> },
    id: string,
    path: IssuePath,
    what: string,
  ) => {
    if (!map.has(id)) problem(path, `unknown ${what} "${id}"${didYouMean(id, map.keys())}`);
  };
  const zoneRef = (id: string, path: IssuePath) => id !== '*' && ref(zones, id, path, 'zone');
  const selector = (sel: Selector, path: IssuePath) => {
    if (typeof sel === 'string') return ref(assets, sel, path, 'asset');
    if (sel.zone !== undefined) ref(zones, sel.zone, [...path, 'zone'], 'zone');
    if (sel.line !== undefined) ref(lines, sel.line, [...path, 'line'], 'line');
  };

  const vocab = new Vocabulary(s.protocols);
  const host: ReferenceContext = { problem, ref, selector, zones, assets, credentials, vocab };
  checkDeclaredProtocols(s, host);

  const subnets = new Map<string, Cidr>();
  s.plant.zones.forEach((z, i) => {
    const cidr = parseCidr(z.subnet);
    if (cidr === undefined)
      problem(['plant', 'zones', i, 'subnet'], `"${z.subnet}" is not an IPv4 CIDR such as 10.1.0.0/24`);
    else if (!subnets.has(z.id)) subnets.set(z.id, cidr);
  });

  const ips = new Map<string, string>();
  const linesWithAssets = new Set<string>();
  s.plant.assets.forEach((a, i) => {
    const at: IssuePath = ['plant', 'assets', i];
    ref(zones, a.zone, [...at, 'zone'], 'zone');
    if (a.line !== undefined) {
      ref(lines, a.line, [...at, 'line'], 'line');
      linesWithAssets.add(a.line);
    }
    a.dualHomed.forEach((z, j) => ref(zones, z, [...at, 'dualHomed', j], 'zone'));
    if (!ipaddr.IPv4.isValidFourPartDecimal(a.ip)) problem([...at, 'ip'], `"${a.ip}" is not an IPv4 address`);
    else {
      const subnet = subnets.get(a.zone);
      if (subnet && !ipaddr.IPv4.parse(a.ip).match(subnet))
        problem([...at, 'ip'], `${a.ip} is outside zone "${a.zone}" subnet ${subnet[0].toString()}/${subnet[1]}`);
      const other = ips.get(a.ip);
      if (other !== undefined) problem([...at, 'ip'], `${a.ip} is already used by asset "${other}"`);
      else ips.set(a.ip, a.id);
    }
    checkAssetHost(host, s, i);
  });
  s.plant.lines.forEach((l, i) => {
    if (!linesWithAssets.has(l.id)) problem(['plant', 'lines', i, 'id'], `line "${l.id}" has no assets`);
  });
  s.plant.conduits.forEach((c, i) => {
    zoneRef(c.from, ['plant', 'conduits', i, 'from']);
    zoneRef(c.to, ['plant', 'conduits', i, 'to']);
    checkServices(host, c.services, ['plant', 'conduits', i, 'services']);
  });

  s.identities.devices.forEach((d, i) => {
    if (d.owner !== undefined) ref(users, d.owner, ['identities', 'devices', i, 'owner'], 'user');
    d.credentials.forEach((c, j) => ref(credentials, c, ['identities', 'devices', i, 'credentials', j], 'credential'));
  });
  s.identities.credentials.forEach((c, i) => {
    const at: IssuePath = ['identities', 'credentials', i];
    c.owners.forEach((o, j) => ref(users, o, [...at, 'owners', j], 'user'));
    c.opens.forEach((sel, j) => selector(sel, [...at, 'opens', j]));
    c.protocols?.forEach((p, j) => checkProtocol(host, p, [...at, 'protocols', j]));
  });

  s.designs.forEach((d, i) => {
    const at: IssuePath = ['designs', i];
    d.conduits?.forEach((c, j) => {
      zoneRef(c.from, [...at, 'conduits', j, 'from']);
      zoneRef(c.to, [...at, 'conduits', j, 'to']);
      checkServices(host, c.services, [...at, 'conduits', j, 'services']);
    });
    checkDesignHosts(host, s, i);
    d.microSegmented?.forEach((z, j) => ref(zones, z, [...at, 'microSegmented', j], 'zone'));
    d.gateways.forEach((g, j) => ref(zones, g.zone, [...at, 'gateways', j, 'zone'], 'zone'));
    d.sensors.forEach(
      (sn, j) =>
        sn.zones !== '*' && sn.zones.forEach((z, k) => ref(zones, z, [...at, 'sensors', j, 'zones', k], 'zone')),
    );
    checkResponse(d, at, { zones, credentials }, ref, problem);
    if (d.vpn) {
      const vpn = d.vpn;
      const kindOf = (id: string) => assets.get(id)?.kind;
      ref(assets, vpn.concentrator, [...at, 'vpn', 'concentrator'], 'asset');
      if (assets.has(vpn.concentrator) && kindOf(vpn.concentrator) !== 'vpn-concentrator')
        problem(
          [...at, 'vpn', 'concentrator'],
          `asset "${vpn.concentrator}" is a ${kindOf(vpn.concentrator)}, not a vpn-concentrator`,
        );
      if (parseCidr(vpn.pool) === undefined) problem([...at, 'vpn', 'pool'], `"${vpn.pool}" is not an IPv4 CIDR`);
      checkServices(host, vpn.services, [...at, 'vpn', 'services']);
      if (vpn.routes !== '*') vpn.routes.forEach((z, j) => ref(zones, z, [...at, 'vpn', 'routes', j], 'zone'));
      vpn.accounts.forEach((c, j) => {
        ref(credentials, c, [...at, 'vpn', 'accounts', j], 'credential');
        const cred = credentials.get(c);
        if (cred && cred.kind !== 'vpn-account')
          problem([...at, 'vpn', 'accounts', j], `credential "${c}" is a ${cred.kind}, not a vpn-account`);
      });
    }
    if (d.zt) {
      d.zt.connectors.forEach((c, j) => {
        ref(assets, c, [...at, 'zt', 'connectors', j], 'asset');
        const kind = assets.get(c)?.kind;
        if (kind !== undefined && kind !== 'zt-connector')
          problem([...at, 'zt', 'connectors', j], `asset "${c}" is a ${kind}, not a zt-connector`);
      });
      d.zt.policy.rules.forEach((r, j) => {
        const rp: IssuePath = [...at, 'zt', 'policy', 'rules', j];
        r.subjects.users?.forEach((u, k) => ref(users, u, [...rp, 'subjects', 'users', k], 'user'));
        r.subjects.roles?.forEach((u, k) => ref(roles, u, [...rp, 'subjects', 'roles', k], 'role'));
        r.subjects.devices?.forEach((u, k) => {
          if (!devices.has(u) && !assets.has(u))
            problem(
              [...rp, 'subjects', 'devices', k],
              `unknown device or asset "${u}"${didYouMean(u, [...devices.keys(), ...assets.keys()])}`,
            );
        });
        r.resources.forEach((res, k) => res !== '*' && selector(res, [...rp, 'resources', k]));
        r.actions.forEach((a, k) => a !== '*' && checkAction(host, a, [...rp, 'actions', k]));
        if (r.conditions.window !== undefined)
          ref(windows, r.conditions.window, [...rp, 'conditions', 'window'], 'window');
        if (r.conditions.approval !== undefined)
          ref(roles, r.conditions.approval.by, [...rp, 'conditions', 'approval', 'by'], 'role');
      });
      const ruleIds = new Set<string>();
      d.zt.policy.rules.forEach((r, j) => {
        if (ruleIds.has(r.id)) problem([...at, 'zt', 'policy', 'rules', j, 'id'], `duplicate rule id "${r.id}"`);
        ruleIds.add(r.id);
      });
      d.zt.policy.tests.forEach((t, j) => {
        const tp: IssuePath = [...at, 'zt', 'policy', 'tests', j];
        if (t.user !== undefined) ref(users, t.user, [...tp, 'user'], 'user');
        if (t.device !== undefined) ref(devices, t.device, [...tp, 'device'], 'device');
        if (t.asset !== undefined) ref(assets, t.asset, [...tp, 'asset'], 'asset');
        for (const list of ['accept', 'deny'] as const) {
          t[list].forEach((pair, k) => {
            const [asset, action, extra] = pair.split(':');
            if (asset === undefined || action === undefined || extra !== undefined)
              problem([...tp, list, k], `"${pair}" is not "asset:action"`);
            else {
              ref(assets, asset, [...tp, list, k], 'asset');
              checkAction(host, action, [...tp, list, k]);
            }
          });
        }
      });
    }
  });

  s.attacks.forEach((a, i) => {
    const at: IssuePath = ['attacks', i];
    const ia = a.initialAccess;
    const ip: IssuePath = [...at, 'initialAccess'];
    if (ia.kind === 'stolen-credential') ref(credentials, ia.credential, [...ip, 'credential'], 'credential');
    if (ia.kind === 'compromised-device') ref(devices, ia.device, [...ip, 'device'], 'device');
    if (ia.kind === 'insider') {
      ref(users, ia.user, [...ip, 'user'], 'user');
      if (ia.device !== undefined) ref(devices, ia.device, [...ip, 'device'], 'device');
    }
    if (ia.kind === 'exposed-service' || ia.kind === 'phishing') ref(assets, ia.asset, [...ip, 'asset'], 'asset');
    const phished = ia.kind === 'phishing' ? assets.get(ia.asset) : undefined;
    if (phished !== undefined && ASSET_KINDS[phished.kind as AssetKind]?.foothold === false) {
      const hosts = (Object.keys(ASSET_KINDS) as AssetKind[]).filter((k) => ASSET_KINDS[k].foothold);
      problem(
        [...ip, 'asset'],
        `phishing needs a host someone works at (${hosts.join(', ')}); "${phished.id}" is a ${ASSET_KINDS[phished.kind as AssetKind].label}`,
      );
    }
    if (a.target !== undefined) ref(lines, a.target.line, [...at, 'target', 'line'], 'line');
    if (a.strategy === 'targeted' && a.target === undefined && a.script === undefined)
      problem([...at, 'target'], 'the targeted strategy needs a target: { line: ... }');
    a.script?.forEach(
      (st, j) => st.target !== undefined && ref(assets, st.target, [...at, 'script', j, 'target'], 'asset'),
    );
  });

  s.workload.forEach((w, i) => {
    ref(users, w.user, ['workload', i, 'user'], 'user');
    ref(devices, w.device, ['workload', i, 'device'], 'device');
    w.targets.forEach((t, j) => {
      ref(assets, t.asset, ['workload', i, 'targets', j, 'asset'], 'asset');
      checkAction(host, t.action, ['workload', i, 'targets', j, 'action']);
    });
  });

  s.expect.forEach((e, i) => {
    ref(designs, e.design, ['expect', i, 'design'], 'design');
    ref(attacks, e.attack, ['expect', i, 'attack'], 'attack');
    if (e.neverCompromise !== undefined) selector(e.neverCompromise, ['expect', i, 'neverCompromise']);
    if (e.metric !== undefined && !metrics.includes(e.metric))
      problem(
        ['expect', i, 'metric'],
        `unknown metric "${e.metric}"${didYouMean(e.metric, metrics)}; metrics: ${metrics.join(', ')}`,
      );
    if (e.metric === undefined && e.neverCompromise === undefined)
      problem(['expect', i], 'an expectation needs a metric with max/min, or neverCompromise');
    if (e.metric !== undefined && e.max === undefined && e.min === undefined)
      problem(['expect', i, 'metric'], `metric "${e.metric}" needs max or min`);
  });
  return out;
}
